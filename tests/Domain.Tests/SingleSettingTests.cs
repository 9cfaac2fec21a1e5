using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

/// <summary>The console changes one setting or lock at a time, so that co-facilitators never undo each other.</summary>
public class SingleSettingTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    [Fact]
    public void Two_facilitators_turning_on_different_settings_keep_both()
    {
        _workshop.Facilitate(new SetWallSetting(WallSetting.PreModeration, true));
        _workshop.Facilitate(new SetWallSetting(WallSetting.LateNotes, true));
        _workshop.Facilitate(new SetProjectorLayout(WallLayout.Themes));

        Assert.Equal(WallOptions.Default with { PreModeration = true, LateNotes = true, ProjectorLayout = WallLayout.Themes }, _workshop.State.Settings);
    }

    [Fact]
    public void Turning_silent_writing_off_alone_reveals_what_was_written_silently()
    {
        _workshop.Facilitate(new SetWallSetting(WallSetting.SilentWriting, true)).WithNote(_workshop.ParticipantId("amina"), "en silence");

        var decision = _workshop.Decide(Actor.Facilitator, new SetWallSetting(WallSetting.SilentWriting, false));

        Assert.Contains(decision.Events, e => e is NotesRevealed revealed && revealed.NoteIds.Contains(_workshop.NoteId("en silence")));
    }

    [Fact]
    public void Closing_one_thing_leaves_the_other_lock_as_it_is()
    {
        _workshop.Facilitate(new SetLock(WorkshopLock.Joins, true));
        _workshop.Facilitate(new SetLock(WorkshopLock.Notes, true));
        _workshop.Facilitate(new SetLock(WorkshopLock.Joins, false));

        Assert.Equal(new Locks(JoinsClosed: false, NotesClosed: true), _workshop.State.Locks);
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new SetLock(WorkshopLock.Notes, true)));
    }

    [Fact]
    public void Unknown_settings_and_locks_are_refused_and_only_the_facilitator_may_change_them()
    {
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new SetWallSetting((WallSetting)99, true)));
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new SetLock((WorkshopLock)99, true)));
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new SetProjectorLayout((WallLayout)99)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), new SetWallSetting(WallSetting.PreModeration, true)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new SetLock(WorkshopLock.Joins, true)));
    }
}
