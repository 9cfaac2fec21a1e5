using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// The workshop's rules: decide whether a command is allowed (events or an error, never a half change) and
/// evolve the state by an event. Pure and deterministic; the grain supplies the clock, the codes and the storage.
/// </summary>
internal static partial class Workshop
{
    public static Decision Create(string workshopId, CreateWorkshop command, string joinCode, DateTimeOffset now)
    {
        var title = Text.Clean(command.Title, multiline: false);
        if (title.Length == 0)
        {
            return Decision.Refuse(WorkshopError.TitleRequired);
        }

        if (title.Length > Limits.TitleMaxLength)
        {
            return Decision.Refuse(WorkshopError.TitleTooLong, Limits.TitleMaxLength);
        }

        var question = Text.Clean(command.Question, multiline: true);
        if (question.Length > Limits.QuestionMaxLength)
        {
            return Decision.Refuse(WorkshopError.QuestionTooLong, Limits.QuestionMaxLength);
        }

        var columnTitles = command.Columns.IsDefault ? [] : command.Columns;
        if (columnTitles.Length < Limits.ColumnsMin)
        {
            return Decision.Refuse(WorkshopError.TooFewColumns, Limits.ColumnsMin);
        }

        if (columnTitles.Length > Limits.ColumnsMax)
        {
            return Decision.Refuse(WorkshopError.TooManyColumns, Limits.ColumnsMax);
        }

        var columns = ImmutableArray.CreateBuilder<Column>(columnTitles.Length);
        foreach (var typed in columnTitles)
        {
            var columnTitle = Text.Clean(typed, multiline: false);
            if (columnTitle.Length == 0)
            {
                return Decision.Refuse(WorkshopError.ColumnTitleRequired);
            }

            if (columnTitle.Length > Limits.ColumnTitleMaxLength)
            {
                return Decision.Refuse(WorkshopError.ColumnTitleTooLong, Limits.ColumnTitleMaxLength);
            }

            columns.Add(new Column($"c{columns.Count + 1}", columnTitle));
        }

        if (!WorkshopAccess.IsWellFormedSecret(command.FacilitatorSecret) || !WorkshopAccess.IsWellFormedSecret(command.ProjectorSecret))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        // An event's workshop comes with its organiser's keys; a workshop on its own has none.
        var ofEvent = command.EventId is not null;
        if (ofEvent != WorkshopAccess.IsHash(command.OrganiserKeyHash) || ofEvent != WorkshopAccess.IsHash(command.OrganiserProjectorKeyHash)
            || (!ofEvent && (command.OrganiserKeyHash is not null || command.OrganiserProjectorKeyHash is not null)))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        return Decision.Accept(
            new WorkshopCreated(
                workshopId,
                title,
                question.Length == 0 ? null : question,
                columns.MoveToImmutable(),
                command.TemplateId,
                joinCode,
                WorkshopAccess.Hash(command.FacilitatorSecret),
                WorkshopAccess.Hash(command.ProjectorSecret),
                now,
                command.EventId,
                command.OrganiserKeyHash,
                command.OrganiserProjectorKeyHash),
            joinCode);
    }

    public static Decision Join(WorkshopState state, JoinWorkshop command, DateTimeOffset now)
    {
        if (command.Presence is not (Presence.Room or Presence.Remote) || !WorkshopAccess.IsWellFormedSecret(command.ParticipantSecret))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (CollectifLive.JoinCodes.JoinCode.Normalize(command.JoinCode) != state.JoinCode)
        {
            return Decision.Refuse(WorkshopError.JoinCodeUnknown);
        }

        if (state.Locks.JoinsClosed)
        {
            return Decision.Refuse(WorkshopError.JoinsLocked);
        }

        var name = Text.Clean(command.DisplayName, multiline: false);
        if (name.Length > Limits.DisplayNameMaxLength)
        {
            return Decision.Refuse(WorkshopError.DisplayNameTooLong, Limits.DisplayNameMaxLength);
        }

        if (state.Participants.Count >= Limits.ParticipantsPerWorkshopMax)
        {
            return Decision.Refuse(WorkshopError.WorkshopFull, Limits.ParticipantsPerWorkshopMax);
        }

        var participant = new Participant(
            $"p{state.NextSeq}",
            name.Length == 0 ? null : name,
            command.Presence,
            WorkshopAccess.Hash(command.ParticipantSecret),
            now);
        return Decision.Accept(new ParticipantJoined(participant), participant.Id);
    }

    /// <summary>The facilitator gives the workshop a new code (claimed beforehand by the grain).</summary>
    public static Decision RotateJoinCode(WorkshopState state, Actor actor, string newCode) =>
        !actor.IsFacilitator ? Decision.Refuse(WorkshopError.NotAllowedForRole)
        : newCode == state.JoinCode ? Decision.Unchanged
        : Decision.Accept(new JoinCodeRotated(newCode), newCode);

    /// <summary>A participant leaves.</summary>
    private static Decision DecideLeave(WorkshopState state, Actor actor, LeaveWorkshop leave) =>
        actor.ParticipantId is not { } id ? Decision.Refuse(WorkshopError.NotAllowedForRole) : Departure(state, id, leave.DeleteNotes);

    /// <summary>The facilitator takes a participant out, with their notes; one already gone changes nothing.</summary>
    private static Decision DecideRemoveParticipant(WorkshopState state, RemoveParticipant remove) =>
        remove.ParticipantId is null || !state.Participants.TryGetValue(remove.ParticipantId, out var participant) ? Decision.Refuse(WorkshopError.UnknownParticipant)
        : participant.Left ? Decision.Unchanged
        : Departure(state, participant.Id, deleteNotes: true);

    /// <summary>A participant goes, with or without their notes; a spotlight on a note deleted goes with it.</summary>
    private static Decision Departure(WorkshopState state, string id, bool deleteNotes)
    {
        ImmutableArray<string> deleted = deleteNotes ? [.. state.Notes.Values.Where(n => n.AuthorId == id).OrderBy(n => n.Seq).Select(n => n.Id)] : [];
        var left = new ParticipantLeft(id, deleted);
        return state.Spotlight is { Kind: SpotlightKind.Note } spot && deleted.Contains(spot.Id)
            ? Decision.Accept([new SpotlightChanged(null), left], id)
            : Decision.Accept(left, id);
    }

    /// <summary>New console and projector keys, made by the caller like those of a creation.</summary>
    private static Decision DecideReissueKeys(ReissueKeys keys) =>
        WorkshopAccess.IsWellFormedSecret(keys.FacilitatorSecret) && WorkshopAccess.IsWellFormedSecret(keys.ProjectorSecret)
            ? Decision.Accept(new KeysReissued(WorkshopAccess.Hash(keys.FacilitatorSecret), WorkshopAccess.Hash(keys.ProjectorSecret)))
            : Decision.Refuse(WorkshopError.InvalidRequest);

    /// <summary>
    /// Decides a command. <paramref name="notesPerMinute"/> is the participants' pace (a deployment may set its own,
    /// see ClientLimitOptions).
    /// </summary>
    public static Decision Decide(WorkshopState state, Actor actor, WorkshopCommand command, DateTimeOffset now, int notesPerMinute = Limits.NotesPerParticipantPerMinute) => command switch
    {
        AddNote add => DecideAddNote(state, actor, add, now, notesPerMinute),
        EditNote edit => DecideEditNote(state, actor, edit, now),
        DeleteNote delete => DecideDeleteNote(state, actor, delete),
        CastBallot ballot => DecideCastBallot(state, actor, ballot, now),
        RemoveMyName => actor.ParticipantId is not { } named ? Decision.Refuse(WorkshopError.NotAllowedForRole)
            : state.Participants[named].DisplayName is null ? Decision.Unchanged
            : Decision.Accept(new ParticipantNameRemoved(named)),
        LeaveWorkshop leave => DecideLeave(state, actor, leave),
        _ when !actor.IsFacilitator => Decision.Refuse(WorkshopError.NotAllowedForRole),
        AddPaperNote paper => DecideAddPaperNote(state, paper, now),
        SetPhase phase => DecideSetPhase(state, phase),
        ChangeSettings settings => DecideChangeSettings(state, settings.Settings is { } asked ? WallOptions.Of(asked) : null),
        SetWallSetting setting => WithSetting(state.Settings, setting) is { } changed ? DecideChangeSettings(state, changed) : Decision.Refuse(WorkshopError.InvalidRequest),
        SetProjectorLayout layout => DecideChangeSettings(state, state.Settings with { ProjectorLayout = layout.Layout }),
        RevealNotes reveal => DecideReveal(state, reveal),
        ReissueKeys keys => DecideReissueKeys(keys),
        SetKept kept => kept.Kept == state.Kept ? Decision.Unchanged : Decision.Accept(new KeptChanged(kept.Kept)),
        ModerateNote moderate => DecideModerate(state, moderate),
        SetParticipantBlocked block => DecideBlock(state, block),
        RemoveParticipant remove => DecideRemoveParticipant(state, remove),
        CreateCluster create => DecideCreateCluster(state, create, now),
        RenameCluster rename => DecideRenameCluster(state, rename),
        MoveNotes move => DecideMoveNotes(state, move),
        DissolveCluster dissolve => DecideDissolveCluster(state, dissolve),
        StartTimer or PauseTimer or ResumeTimer or ExtendTimer or ResetTimer => DecideTimer(state, command, now),
        SetSpotlight spotlight => DecideSpotlight(state, spotlight),
        OpenVoteRound open => DecideOpenRound(state, open, now),
        CloseVoteRound close => DecideRoundStatus(state, close.RoundId, RoundStatus.Closed),
        ReopenVoteRound reopen => DecideRoundStatus(state, reopen.RoundId, RoundStatus.Open),
        DiscardVoteRound discard => DecideDiscardRound(state, discard),
        SetPaperVotes paper => DecidePaperVotes(state, paper),
        MergeWords merge => DecideMergeWords(state, merge),
        AddRecommendation add => DecideAddRecommendation(state, add, now),
        EditRecommendation edit => DecideEditRecommendation(state, edit),
        RemoveRecommendation remove => DecideRemoveRecommendation(state, remove),
        MoveRecommendation move => DecideMoveRecommendation(state, move),
        SetRecommendationPriority priority => DecidePriority(state, priority),
        AddDisagreement disagreement => DecideAddDisagreement(state, disagreement),
        RemoveDisagreement disagreement => DecideRemoveDisagreement(state, disagreement),
        KeepNoteAsDisagreement keep => DecideKeepAsDisagreement(state, keep),
        SetLocks locks => DecideLocks(state, locks.Locks is { } asked ? Locks.Of(asked) : null),
        SetLock one => one.Lock switch
        {
            WorkshopLock.Joins => DecideLocks(state, state.Locks with { JoinsClosed = one.Closed }),
            WorkshopLock.Notes => DecideLocks(state, state.Locks with { NotesClosed = one.Closed }),
            _ => Decision.Refuse(WorkshopError.InvalidRequest),
        },
        _ => Decision.Refuse(WorkshopError.InvalidRequest),
    };

    /// <summary>Applies a command's events and stamps the state with the next version (none when nothing changed).</summary>
    public static WorkshopState Apply(WorkshopState? state, ImmutableArray<WorkshopEvent> events)
    {
        if (events.IsEmpty)
        {
            return state ?? throw new InvalidOperationException("Nothing to apply to no workshop.");
        }

        var version = state?.Version ?? 0;
        foreach (var @event in events)
        {
            state = Evolve(state, @event);
        }

        return state! with { Version = version + 1 };
    }
}
