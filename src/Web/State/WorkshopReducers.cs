using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>Pure reducers of a circuit's workshop state. No I/O: effects do that and dispatch the outcome.</summary>
public static class WorkshopReducers
{
    public static WorkshopSessionState Reduce(WorkshopSessionState state, IAction action) => action switch
    {
        OpenWorkshop open => WorkshopSessionState.Initial with
        {
            Status = SessionStatus.Opening,
            WorkshopId = open.WorkshopId,
            Audience = open.Audience,
            Credential = open.Credential,
        },
        JoinNeeded needed => state with { Status = SessionStatus.NeedsJoin, Notice = needed.Notice, JoinOperation = needed.Operation },
        JoinRequested => state with { Status = SessionStatus.Joining, Notice = null },
        JoinRefused refused => state with { Status = SessionStatus.NeedsJoin, Notice = refused.Notice, JoinOperation = refused.NextOperation },
        WorkshopOpened opened => Opened(state, opened),
        KeyChecked checkedKey => state with { KeyGeneration = checkedKey.Generation },
        WorkshopUnavailable unavailable => state with { Status = SessionStatus.Failed, Notice = unavailable.Notice },
        FeedUpdated updated => OnFeed(state, updated),
        OwnReloaded reloaded => state with { Own = WithBacklog(reloaded.Own, state.OwnBacklog), OwnStale = false, OwnBacklog = [] },
        NoteSubmitted submitted => state with { Submission = new NoteSubmission(submitted.OperationId, true, null) },
        NoteAccepted accepted when state.Submission?.OperationId == accepted.OperationId => state with { Submission = null },
        NoteRefused refused when state.Submission?.OperationId == refused.OperationId =>
            state with { Submission = state.Submission with { Sending = false, Refusal = refused.Notice } },
        CommandRequested => state with { Notice = null },
        CommandRefused refused => state with
        {
            Notice = refused.Notice,
            LastRefusal = new Refusal(refused.Command, (state.LastRefusal?.Number ?? 0) + 1),
            Ballot = refused.Command is CastBallot cast && state.Ballot is { } draft && draft.RoundId == cast.RoundId && VoteMarks.Same(draft.Marks, cast.Marks)
                ? null
                : state.Ballot,
        },
        BallotChanged changed => state with { Ballot = new BallotDraft(changed.RoundId, changed.Marks, false), Notice = null },
        DotTapped tap => Ballots.Edit(state, tap.RoundId, (round, marks) => Ballots.Step(round, marks, tap.ItemId, tap.Step)),
        ChoiceToggled toggle => Ballots.Edit(state, toggle.RoundId, (round, marks) => Ballots.Toggle(round, marks, toggle.ItemId)),
        BallotSaved saved when state.Ballot is { } draft && draft.RoundId == saved.RoundId && VoteMarks.Same(draft.Marks, saved.Marks) =>
            state with { Ballot = Ballots.Stored(state.Own, saved.RoundId) is { } stored && VoteMarks.Same(stored, saved.Marks) ? null : draft with { Saved = true } },
        NoticeDismissed => state with { Notice = null, Submission = state.Submission is { Sending: false } ? null : state.Submission },
        _ => state,
    };

    private static WorkshopSessionState Opened(WorkshopSessionState state, WorkshopOpened opened)
    {
        var own = opened.Own is null ? null : WithBacklog(opened.Own, state.OwnBacklog);
        var shared = state.Shared is { } newer && newer.Version > opened.Shared.Version ? newer : opened.Shared;
        return state with
        {
            Status = SessionStatus.Ready,
            Credential = opened.Credential,
            Shared = shared,
            Own = own,
            OwnStale = false,
            OwnBacklog = [],
            Notice = null,
            KeyGeneration = opened.Shared.Header.KeyGeneration,
        };
    }

    /// <summary>Private parts that arrived while the own slice was being read; those it already covers are ignored.</summary>
    private static OwnModel WithBacklog(OwnModel own, ImmutableList<Realtime.FeedUpdate> backlog)
    {
        foreach (var update in backlog)
        {
            if (update.OwnFor(own.Me.Id) is { } delta)
            {
                own = own.Apply(delta, update.Version);
            }
        }

        return own;
    }

    private static WorkshopSessionState OnFeed(WorkshopSessionState state, FeedUpdated updated)
    {
        var update = updated.Update;
        if (state.Status is SessionStatus.Idle or SessionStatus.Failed
            || state.WorkshopId != update.WorkshopId
            || (state.Shared is { } current && current.Version >= update.Version && !update.IsResync))
        {
            return state;
        }

        var shared = update.For(state.Audience);
        if (state.Audience != Audience.Participants || state.Credential?.ParticipantId is not { } participantId)
        {
            return state with { Shared = shared };
        }

        if (state.Own is null)
        {
            return state.Status == SessionStatus.Opening
                ? state with { Shared = shared, OwnBacklog = state.OwnBacklog.Add(update) }
                : state with { Shared = shared };
        }

        // After a resync the own slice is read again (an effect); until then updates are applied and also kept.
        var own = update.OwnFor(participantId) is { } delta ? state.Own.Apply(delta, update.Version) : state.Own;
        var stale = state.OwnStale || update.IsResync;
        return state with
        {
            Shared = shared,
            Own = own,
            OwnStale = stale,
            OwnBacklog = stale ? state.OwnBacklog.Add(update) : state.OwnBacklog,
            Ballot = Ballots.AfterOwnChange(state.Ballot, state.Own, own),
        };
    }
}
