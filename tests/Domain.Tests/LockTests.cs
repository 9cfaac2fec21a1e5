using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class LockTests
{
    private static readonly WorkshopLocks JoinsClosed = new(true, false);
    private static readonly WorkshopLocks NotesClosed = new(false, true);

    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private Decision Join(string name) =>
        Workshop.Join(_workshop.State, new JoinWorkshop(name, Presence.Room, WorkshopBuilder.SecretFor(name), "ABC234"), WorkshopBuilder.Now);

    private Decision AminaPosts() => _workshop.Decide(_workshop.Participant("amina"), new AddNote("c1", "idée", NoteColour.Yellow));

    [Fact]
    public void Closing_joins_refuses_newcomers_and_reopening_lets_them_in()
    {
        var decision = _workshop.Decide(Actor.Facilitator, new SetLocks(JoinsClosed));
        Assert.Equal(new LocksChanged(Locks.Of(JoinsClosed)), Assert.Single(decision.Events));
        _workshop.Facilitate(new SetLocks(JoinsClosed));

        AssertRefused(WorkshopError.JoinsLocked, Join("bruno"));

        _workshop.Facilitate(new SetLocks(WorkshopLocks.Open));
        Assert.True(Join("bruno").IsAccepted);
    }

    [Fact]
    public void Closing_joins_leaves_those_already_in_posting()
    {
        _workshop.Facilitate(new SetLocks(JoinsClosed));
        Assert.True(AminaPosts().IsAccepted);
    }

    [Fact]
    public void Closing_notes_refuses_participants_notes_and_reopening_lets_them_post()
    {
        _workshop.Facilitate(new SetLocks(NotesClosed));
        Assert.Equal(Locks.Of(NotesClosed), _workshop.State.Locks);

        AssertRefused(WorkshopError.NotesLocked, AminaPosts());
        Assert.True(Join("bruno").IsAccepted);

        _workshop.Facilitate(new SetLocks(WorkshopLocks.Open));
        Assert.True(AminaPosts().IsAccepted);
    }

    [Fact]
    public void Closed_notes_stay_closed_during_late_notes()
    {
        _workshop.WithSettings(s => s with { LateNotes = true }).Facilitate(new SetPhase(Phase.Vote)).Facilitate(new SetLocks(NotesClosed));
        AssertRefused(WorkshopError.NotesLocked, AminaPosts());
    }

    [Fact]
    public void Closing_what_is_closed_changes_nothing()
    {
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new SetLocks(WorkshopLocks.Open)));

        _workshop.Facilitate(new SetLocks(new WorkshopLocks(true, true)));
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new SetLocks(new WorkshopLocks(true, true))));
    }

    [Fact]
    public void Missing_locks_are_refused() =>
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new SetLocks(null!)));

    [Fact]
    public void Only_the_facilitator_locks()
    {
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), new SetLocks(NotesClosed)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new SetLocks(JoinsClosed)));
    }

    [Fact]
    public void Every_screen_sees_the_locks_in_its_header()
    {
        var change = _workshop.ChangeByFacilitator(new SetLocks(NotesClosed));

        Assert.All(new[] { change.Facilitator, change.Projector, change.Participants }, d => Assert.Equal(NotesClosed, d.Header!.Locks));
    }
}
