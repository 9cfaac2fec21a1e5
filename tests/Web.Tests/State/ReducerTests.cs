using System.Collections.Immutable;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.State;

public class ReducerTests
{
    private const string WorkshopId = "w1";
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly WorkshopHeader Header = new(WorkshopId, "Atelier", null, [new ColumnView("c1", "Idées")], "ABC234", ParticipationCounts.Zero, At, Phase.Contribution, WallSettings.Default, WorkshopLocks.Open, TimerView.Idle, null, 0);
    private static readonly Credential Amina = Credential.Participant("p1", "participant-key-0001-0123456789abcdef");

    private static NoteView Note(string id, long seq, string? author = null) => new(id, seq, "c1", id, NoteColour.Yellow, Presence.Room, author, null, At, NoteStatus.Visible, true, null, null);

    private static AudienceView View(Audience audience, params NoteView[] notes) => Deltas.View(audience, Header, [.. notes]);

    private static FeedUpdate Snapshot(long version, params NoteView[] notes) => FeedUpdate.FromSnapshot(
        WorkshopId,
        new FeedSnapshot(version, View(Audience.Facilitator, notes), View(Audience.Projector, notes), View(Audience.Participants, notes)));

    private static WorkshopChange Change(long from, long to, NoteView? publicNote = null, OwnDelta? own = null)
    {
        var delta = publicNote is null ? AudienceDelta.Empty : Deltas.Notes(publicNote);
        return new WorkshopChange(WorkshopId, from, to, delta, delta, delta, own is null ? [] : [own]);
    }

    private static WorkshopSessionState Reduce(WorkshopSessionState state, params IAction[] actions) =>
        actions.Aggregate(state, WorkshopReducers.Reduce);

    private static readonly ParticipantView Me = new("p1", "Amina", Presence.Room, At, false);

    [Fact]
    public void Opening_a_workshop_starts_from_a_clean_state()
    {
        var dirty = WorkshopSessionState.Initial with { Notice = new Notice(WorkshopError.Busy), Status = SessionStatus.Failed };

        var state = Reduce(dirty, new OpenWorkshop(WorkshopId, Audience.Facilitator, Credential.Facilitator("k")));

        Assert.Equal(SessionStatus.Opening, state.Status);
        Assert.Null(state.Notice);
        Assert.Equal(Audience.Facilitator, state.Audience);
    }

    [Fact]
    public void Private_parts_that_arrive_before_the_own_slice_are_applied_once_it_is_read()
    {
        var initial = Snapshot(5);
        var early = initial.Apply(Change(6, 6, Note("n9", 9), Deltas.OwnNotes("p1", Note("n9", 9, "p1"))));
        var ownAtFive = new OwnModel(5, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.NoBallots);

        var state = Reduce(
            WorkshopSessionState.Initial,
            new OpenWorkshop(WorkshopId, Audience.Participants, Amina),
            new FeedUpdated(early),
            new WorkshopOpened(Amina, initial.Participants, ownAtFive));

        Assert.Equal(SessionStatus.Ready, state.Status);
        Assert.Equal(6, state.Shared!.Version);
        Assert.Contains("n9", state.Own!.Notes.Keys);
        Assert.Empty(state.OwnBacklog);
    }

    [Fact]
    public void After_a_resync_the_own_slice_read_again_keeps_what_arrived_meanwhile()
    {
        var start = Snapshot(5);
        var ownAtFive = new OwnModel(5, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.NoBallots);
        var ready = Reduce(WorkshopSessionState.Initial, new OpenWorkshop(WorkshopId, Audience.Participants, Amina), new WorkshopOpened(Amina, start.Participants, ownAtFive));
        var resync = Snapshot(8);
        var afterResync = resync.Apply(Change(9, 9, Note("n9", 9), Deltas.OwnNotes("p1", Note("n9", 9, "p1"))));

        var state = Reduce(ready, new FeedUpdated(resync), new FeedUpdated(afterResync), new OwnReloaded(new OwnModel(8, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.NoBallots)));

        Assert.False(state.OwnStale);
        Assert.Empty(state.OwnBacklog);
        Assert.Equal(9, state.Own!.Version);
        Assert.Contains("n9", state.Own.Notes.Keys);
    }

    [Fact]
    public void The_join_form_keeps_no_backlog()
    {
        var refused = Reduce(WorkshopSessionState.Initial, new OpenWorkshop(WorkshopId, Audience.Participants, Amina), new JoinNeeded(null, Guid.NewGuid()));
        var state = Reduce(refused, new FeedUpdated(Snapshot(3)), new FeedUpdated(Snapshot(3).Apply(Change(4, 4))));
        Assert.Empty(state.OwnBacklog);
        Assert.Equal(4, state.Shared!.Version);
    }

    [Fact]
    public void An_own_slice_newer_than_a_private_part_ignores_it()
    {
        var own = new OwnModel(7, Me, ImmutableDictionary<string, NoteView>.Empty, Deltas.NoBallots);
        Assert.Same(own, own.Apply(Deltas.OwnNotes("p1", Note("n3", 3, "p1")), 6));
    }

    [Fact]
    public void Updates_for_another_workshop_or_older_than_the_state_are_ignored()
    {
        var ready = Reduce(
            WorkshopSessionState.Initial,
            new OpenWorkshop(WorkshopId, Audience.Projector, Credential.Projector("k")),
            new WorkshopOpened(Credential.Projector("k"), Snapshot(5).Projector, null));
        var other = FeedUpdate.FromSnapshot("other", new FeedSnapshot(9, View(Audience.Facilitator), View(Audience.Projector), View(Audience.Participants)));
        var older = Snapshot(4).Apply(Change(5, 5, Note("n1", 1)));

        Assert.Same(ready, Reduce(ready, new FeedUpdated(other)));
        Assert.Same(ready, Reduce(ready, new FeedUpdated(older)));
    }

    [Fact]
    public void A_failed_session_ignores_the_feed()
    {
        var failed = Reduce(
            WorkshopSessionState.Initial,
            new OpenWorkshop(WorkshopId, Audience.Facilitator, Credential.Facilitator("forged")),
            new WorkshopUnavailable(new Notice(WorkshopError.AccessDenied)));

        Assert.Null(Reduce(failed, new FeedUpdated(Snapshot(3))).Shared);
    }

    [Fact]
    public void A_submission_is_tracked_by_its_operation_id_until_accepted_or_refused()
    {
        var operation = Guid.NewGuid();
        var sending = Reduce(WorkshopSessionState.Initial, new NoteSubmitted(operation));
        Assert.True(sending.Submission!.Sending);

        Assert.Same(sending, Reduce(sending, new NoteAccepted(Guid.NewGuid(), 3)));
        Assert.Null(Reduce(sending, new NoteAccepted(operation, 3)).Submission);

        var refused = Reduce(sending, new NoteRefused(operation, new Notice(WorkshopError.TextTooLong, 500)));
        Assert.False(refused.Submission!.Sending);
        Assert.Equal(500, refused.Submission.Refusal!.Limit);
    }

    [Fact]
    public void The_shared_model_keeps_unchanged_parts_by_reference()
    {
        var model = Snapshot(1, Note("n1", 1)).Participants;
        var next = model.Apply(Deltas.Notes(Note("n2", 2)), 2);

        Assert.Same(model.Header, next.Header);
        var recounted = next.Apply(AudienceDelta.Empty with { Header = Header with { Columns = [new ColumnView("c1", "Idées")] } }, 3);
        Assert.Equal(model.Header.Columns, recounted.Header.Columns);
        Assert.Same(model.Notes["n1"], next.Notes["n1"]);
        Assert.Equal(["n1", "n2"], next.NotesIn("c1").Select(n => n.Id));
        Assert.Equal(["n2"], next.Apply(Deltas.RemovedNotes("n1"), 3).Notes.Keys);
    }
}
