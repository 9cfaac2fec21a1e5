using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops.Domain;

/// <summary>
/// The workshop's rules: decide whether a command is allowed (events or an error, never a half change) and
/// evolve the state by an event. Pure and deterministic; the grain supplies the clock and the storage.
/// </summary>
public static class Workshop
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

        var columns = ImmutableArray.CreateBuilder<ColumnView>(columnTitles.Length);
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

            columns.Add(new ColumnView($"c{columns.Count + 1}", columnTitle));
        }

        if (!WorkshopAccess.IsWellFormedSecret(command.FacilitatorSecret) || !WorkshopAccess.IsWellFormedSecret(command.ProjectorSecret))
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
                now),
            joinCode);
    }

    public static Decision Join(WorkshopState state, JoinWorkshop command, DateTimeOffset now)
    {
        if (command.Presence is not (Presence.Room or Presence.Remote) || !WorkshopAccess.IsWellFormedSecret(command.ParticipantSecret))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
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

    public static Decision Decide(WorkshopState state, Actor actor, WorkshopCommand command, DateTimeOffset now) => command switch
    {
        AddNote add => DecideAddNote(state, actor, add, now),
        _ => Decision.Refuse(WorkshopError.InvalidRequest),
    };

    private static Decision DecideAddNote(WorkshopState state, Actor actor, AddNote command, DateTimeOffset now)
    {
        if (actor.Role != CredentialKind.Participant || actor.ParticipantId is null)
        {
            return Decision.Refuse(WorkshopError.NotAllowedForRole);
        }

        var author = state.Participants[actor.ParticipantId];
        var text = Text.Clean(command.Text, multiline: true);
        if (text.Length == 0)
        {
            return Decision.Refuse(WorkshopError.TextRequired);
        }

        if (text.Length > Limits.NoteTextMaxLength)
        {
            return Decision.Refuse(WorkshopError.TextTooLong, Limits.NoteTextMaxLength);
        }

        if (!state.HasColumn(command.ColumnId))
        {
            return Decision.Refuse(WorkshopError.UnknownColumn);
        }

        if (!Enum.IsDefined(command.Colour))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (state.Notes.Count >= Limits.NotesPerWorkshopMax)
        {
            return Decision.Refuse(WorkshopError.TooManyNotes, Limits.NotesPerWorkshopMax);
        }

        if (state.Notes.Values.Count(n => n.AuthorId == author.Id) >= Limits.NotesPerParticipantMax)
        {
            return Decision.Refuse(WorkshopError.TooManyNotesForParticipant, Limits.NotesPerParticipantMax);
        }

        var note = new Note($"n{state.NextSeq}", state.NextSeq, command.ColumnId, text, command.Colour, author.Presence, author.Id, now);
        return Decision.Accept(new NoteAdded(note), note.Id);
    }

    /// <summary>Applies an event. Only <see cref="WorkshopCreated"/> may start from no state.</summary>
    public static WorkshopState Evolve(WorkshopState? state, WorkshopEvent @event) => @event switch
    {
        WorkshopCreated created => new WorkshopState(
            created.Id,
            0,
            created.At,
            created.Title,
            created.Question,
            created.Columns,
            created.TemplateId,
            created.JoinCode,
            created.FacilitatorKeyHash,
            created.ProjectorKeyHash,
            ImmutableDictionary<string, Participant>.Empty,
            ImmutableDictionary<string, Note>.Empty,
            1),
        ParticipantJoined joined => Existing(state) with
        {
            Participants = state!.Participants.Add(joined.Participant.Id, joined.Participant),
            NextSeq = state.NextSeq + 1,
        },
        NoteAdded added => Existing(state) with
        {
            Notes = state!.Notes.Add(added.Note.Id, added.Note),
            NextSeq = state.NextSeq + 1,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown event"),
    };

    /// <summary>Applies a command's events and stamps the state with the next version.</summary>
    public static WorkshopState Apply(WorkshopState? state, ImmutableArray<WorkshopEvent> events)
    {
        var version = state?.Version ?? 0;
        foreach (var @event in events)
        {
            state = Evolve(state, @event);
        }

        return state! with { Version = version + 1 };
    }

    private static WorkshopState Existing(WorkshopState? state) =>
        state ?? throw new InvalidOperationException("The workshop does not exist yet.");
}
