using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>What only the facilitator does: steps, wall settings, blocking, themes, the timer and the spotlight.</summary>
internal static partial class Workshop
{
    private static Decision DecideSetPhase(WorkshopState state, SetPhase command) =>
        !Enum.IsDefined(command.Phase) ? Decision.Refuse(WorkshopError.InvalidRequest)
        : command.Phase == state.Phase ? Decision.Unchanged
        : Decision.Accept(new PhaseChanged(command.Phase));

    private static Decision DecideChangeSettings(WorkshopState state, WallOptions? settings)
    {
        if (settings is null || !Enum.IsDefined(settings.ProjectorLayout))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (settings == state.Settings)
        {
            return Decision.Unchanged;
        }

        // A dot vote shows the notes it is on: the wall is not hidden from participants while one is open.
        if (!settings.ParticipantsSeeWall && state.OpenRound is { Setup.Kind: VoteKind.Dots })
        {
            return Decision.Refuse(WorkshopError.VoteNeedsWall);
        }

        // Ending silent writing reveals what was written silently: nothing stays hidden by a mode that is off.
        var unrevealed = state.Settings.SilentWriting && !settings.SilentWriting ? UnrevealedIn(state, null) : [];
        var events = new List<WorkshopEvent> { new SettingsChanged(settings) };
        if (!unrevealed.IsEmpty)
        {
            events.Add(new NotesRevealed(unrevealed));
        }

        // Settings that now keep the spotlighted note from the projector switch the spotlight off.
        if (state.Spotlight is { Kind: SpotlightKind.Note } spotlight && state.Notes.TryGetValue(spotlight.Id, out var shown)
            && !WorkshopProjection.Sees(state with { Settings = settings }, shown with { Revealed = shown.Revealed || !unrevealed.IsEmpty }, Audience.Projector))
        {
            events.Insert(0, new SpotlightChanged(null));
        }

        return Decision.Accept(events);
    }

    private static WallOptions? WithSetting(WallOptions settings, SetWallSetting command) => command.Setting switch
    {
        WallSetting.SilentWriting => settings with { SilentWriting = command.On },
        WallSetting.SilentOnProjector => settings with { SilentOnProjector = command.On },
        WallSetting.PreModeration => settings with { PreModeration = command.On },
        WallSetting.ParticipantsSeeWall => settings with { ParticipantsSeeWall = command.On },
        WallSetting.LateNotes => settings with { LateNotes = command.On },
        _ => null,
    };

    private static Decision DecideLocks(WorkshopState state, Locks? locks) =>
        locks is null ? Decision.Refuse(WorkshopError.InvalidRequest)
        : locks == state.Locks ? Decision.Unchanged
        : Decision.Accept(new LocksChanged(locks));

    private static Decision DecideBlock(WorkshopState state, SetParticipantBlocked command)
    {
        if (command.ParticipantId is null || !state.Participants.TryGetValue(command.ParticipantId, out var participant))
        {
            return Decision.Refuse(WorkshopError.UnknownParticipant);
        }

        return participant.Blocked == command.Blocked
            ? Decision.Unchanged
            : Decision.Accept(new ParticipantBlocked(participant.Id, command.Blocked), participant.Id);
    }

    private static Decision DecideCreateCluster(WorkshopState state, CreateCluster command, DateTimeOffset now)
    {
        if (RefuseClusterName(command.Name, out var name) is { } badName)
        {
            return badName;
        }

        if (RefuseSelection(state, command.NoteIds, out var notes) is { } badSelection)
        {
            return badSelection;
        }

        if (state.Clusters.Count >= Limits.ClustersPerWorkshopMax)
        {
            return Decision.Refuse(WorkshopError.TooManyClusters, Limits.ClustersPerWorkshopMax);
        }

        var cluster = new Cluster($"t{state.NextSeq}", state.NextSeq, name, now);
        return Decision.Accept([new ClusterCreated(cluster), new NotesMoved(notes, cluster.Id)], cluster.Id);
    }

    private static Decision DecideRenameCluster(WorkshopState state, RenameCluster command)
    {
        if (command.ClusterId is null || !state.Clusters.TryGetValue(command.ClusterId, out var cluster))
        {
            return Decision.Refuse(WorkshopError.UnknownCluster);
        }

        if (RefuseClusterName(command.Name, out var name) is { } badName)
        {
            return badName;
        }

        return name == cluster.Name ? Decision.Unchanged : Decision.Accept(new ClusterRenamed(cluster.Id, name), cluster.Id);
    }

    private static Decision DecideMoveNotes(WorkshopState state, MoveNotes command)
    {
        if (command.ClusterId is not null && !state.Clusters.ContainsKey(command.ClusterId))
        {
            return Decision.Refuse(WorkshopError.UnknownCluster);
        }

        if (RefuseSelection(state, command.NoteIds, out var notes) is { } badSelection)
        {
            return badSelection;
        }

        ImmutableArray<string> moving = [.. notes.Where(id => state.Notes[id].ClusterId != command.ClusterId)];
        return moving.IsEmpty ? Decision.Unchanged : Decision.Accept(new NotesMoved(moving, command.ClusterId));
    }

    private static Decision DecideDissolveCluster(WorkshopState state, DissolveCluster command)
    {
        if (command.ClusterId is null || !state.Clusters.ContainsKey(command.ClusterId))
        {
            return Decision.Refuse(WorkshopError.UnknownCluster);
        }

        ImmutableArray<string> members = [.. state.Notes.Values.Where(n => n.ClusterId == command.ClusterId).OrderBy(n => n.Seq).Select(n => n.Id)];
        var dissolved = WithoutSpotlightOn(state, SpotlightKind.Cluster, command.ClusterId, new ClusterDissolved(command.ClusterId));
        return Decision.Accept(members.IsEmpty ? dissolved : dissolved.Prepend(new NotesMoved(members, null)));
    }

    private static Decision DecideTimer(WorkshopState state, WorkshopCommand command, DateTimeOffset now)
    {
        var timer = state.Timer;
        WorkshopTimer? next;
        switch (command)
        {
            case StartTimer start when start.Seconds is < 1 or > Limits.TimerMaxSeconds:
                return Decision.Refuse(WorkshopError.TimerDurationInvalid, Limits.TimerMaxSeconds);
            case StartTimer start:
                next = new WorkshopTimer(TimerStatus.Running, start.Seconds, now.AddSeconds(start.Seconds), 0);
                break;
            case ExtendTimer extend when extend.Seconds is < 1 or > Limits.TimerExtensionMaxSeconds:
                return Decision.Refuse(WorkshopError.TimerDurationInvalid, Limits.TimerExtensionMaxSeconds);
            case ExtendTimer when timer.Status == TimerStatus.Idle:
            case PauseTimer or ResumeTimer when timer.Status == TimerStatus.Idle:
                return Decision.Refuse(WorkshopError.TimerNotStarted);
            case ExtendTimer extend when timer.RemainingAt(now).TotalSeconds + extend.Seconds > Limits.TimerMaxSeconds:
                return Decision.Refuse(WorkshopError.TimerDurationInvalid, Limits.TimerMaxSeconds);
            case ExtendTimer extend when timer.Status == TimerStatus.Running:
                var from = timer.EndsAt > now ? timer.EndsAt.Value : now;
                next = timer with { DurationSeconds = timer.DurationSeconds + extend.Seconds, EndsAt = from.AddSeconds(extend.Seconds) };
                break;
            case ExtendTimer extend:
                next = timer with { DurationSeconds = timer.DurationSeconds + extend.Seconds, RemainingSeconds = timer.RemainingSeconds + extend.Seconds };
                break;
            case PauseTimer when timer.Status == TimerStatus.Running:
                next = new WorkshopTimer(TimerStatus.Paused, timer.DurationSeconds, null, (int)Math.Ceiling(timer.RemainingAt(now).TotalSeconds));
                break;
            case ResumeTimer when timer.Status == TimerStatus.Paused:
                next = new WorkshopTimer(TimerStatus.Running, timer.DurationSeconds, now.AddSeconds(timer.RemainingSeconds), 0);
                break;
            case ResetTimer when timer.Status != TimerStatus.Idle:
                next = WorkshopTimer.Idle;
                break;
            default:
                next = null;
                break;
        }

        return next is null ? Decision.Unchanged : Decision.Accept(new TimerChanged(next));
    }

    private static Decision DecideSpotlight(WorkshopState state, SetSpotlight command)
    {
        var spotlight = command.Spotlight;
        if (spotlight is not null && (spotlight.Id is null || !Enum.IsDefined(spotlight.Kind)))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (spotlight is { Kind: SpotlightKind.Note } && !state.Notes.ContainsKey(spotlight.Id))
        {
            return Decision.Refuse(WorkshopError.UnknownNote);
        }

        // The spotlight is for the room: only a note the projector shows goes in it (not pending, hidden or silent).
        if (spotlight is { Kind: SpotlightKind.Note } && !WorkshopProjection.Sees(state, state.Notes[spotlight.Id], Audience.Projector))
        {
            return Decision.Refuse(WorkshopError.NoteNotShown);
        }

        if (spotlight is { Kind: SpotlightKind.Cluster } && !state.Clusters.ContainsKey(spotlight.Id))
        {
            return Decision.Refuse(WorkshopError.UnknownCluster);
        }

        if (spotlight is { Kind: SpotlightKind.VoteRound } && !state.Rounds.ContainsKey(spotlight.Id))
        {
            return Decision.Refuse(WorkshopError.UnknownVoteRound);
        }

        if (spotlight is { Kind: SpotlightKind.Recommendation } && !state.Recommendations.ContainsKey(spotlight.Id))
        {
            return Decision.Refuse(WorkshopError.UnknownRecommendation);
        }

        var shown = spotlight is null ? null : Spotlight.Of(spotlight);
        return shown == state.Spotlight ? Decision.Unchanged : Decision.Accept(new SpotlightChanged(shown));
    }

    private static Decision? RefuseClusterName(string? typed, out string name)
    {
        name = Text.Clean(typed, multiline: false);
        return name.Length == 0 ? Decision.Refuse(WorkshopError.ClusterNameRequired)
            : name.Length > Limits.ClusterNameMaxLength ? Decision.Refuse(WorkshopError.ClusterNameTooLong, Limits.ClusterNameMaxLength)
            : null;
    }

    /// <summary>Why a selection of notes is not acceptable, or null with its distinct ids in posting order.</summary>
    private static Decision? RefuseSelection(WorkshopState state, ImmutableArray<string> noteIds, out ImmutableArray<string> notes)
    {
        notes = [];
        if (noteIds.IsDefaultOrEmpty)
        {
            return Decision.Refuse(WorkshopError.NoNotesSelected);
        }

        if (noteIds.Any(id => id is null || !state.Notes.ContainsKey(id)))
        {
            return Decision.Refuse(WorkshopError.UnknownNote);
        }

        notes = [.. noteIds.Distinct().OrderBy(id => state.Notes[id].Seq)];
        return null;
    }
}
