using System.Collections.Immutable;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

/// <summary>Rules a review of the facilitator's controls found missing.</summary>
public class ReviewedRulesTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private string AminaId => _workshop.ParticipantId("amina");

    [Fact]
    public void Theme_names_follow_the_wall_and_do_not_reach_participants_who_may_not_see_it()
    {
        _workshop.WithNote(AminaId, "idée");
        _workshop.Facilitate(new CreateCluster("Un thème sensible", [_workshop.NoteId("idée")]));

        var hide = _workshop.ChangeByFacilitator(new SetWallSetting(WallSetting.ParticipantsSeeWall, false));
        var named = _workshop.ChangeByFacilitator(new CreateCluster("Un autre thème", [_workshop.NoteId("idée")]));

        Assert.Empty(WorkshopProjection.View(_workshop.State, Audience.Participants).Themes);
        Assert.Equal(2, WorkshopProjection.View(_workshop.State, Audience.Projector).Themes.Length);
        Assert.Single(hide.Participants.Themes.Removed);
        Assert.Empty(named.Participants.Themes.Upserts);
        Assert.Single(named.Facilitator.Themes.Upserts);

        var show = _workshop.ChangeByFacilitator(new SetWallSetting(WallSetting.ParticipantsSeeWall, true));
        Assert.Equal(["Un thème sensible", "Un autre thème"], show.Participants.Themes.Upserts.OrderBy(c => c.Seq).Select(c => c.Name));
    }

    [Fact]
    public void A_note_the_projector_does_not_show_cannot_be_put_in_its_spotlight()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, SilentOnProjector = true }).WithNote(AminaId, "écrite en silence");

        var decision = _workshop.Decide(Actor.Facilitator, new SetSpotlight(new SpotlightView(SpotlightKind.Note, _workshop.NoteId("écrite en silence"))));

        AssertRefused(WorkshopError.NoteNotShown, decision);
    }

    [Fact]
    public void Settings_that_take_the_spotlighted_note_off_the_projector_switch_the_spotlight_off()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, SilentOnProjector = false }).WithNote(AminaId, "montrée");
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, _workshop.NoteId("montrée"))));

        _workshop.Facilitate(new SetWallSetting(WallSetting.SilentOnProjector, true));

        Assert.Null(_workshop.State.Spotlight);
    }

    [Fact]
    public void Ending_silent_writing_keeps_the_spotlight_on_a_note_it_reveals()
    {
        _workshop.WithSettings(s => s with { SilentWriting = true, SilentOnProjector = false }).WithNote(AminaId, "montrée");
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Note, _workshop.NoteId("montrée"))));

        _workshop.Facilitate(new SetWallSetting(WallSetting.SilentWriting, false));

        Assert.NotNull(_workshop.State.Spotlight);
    }

    [Fact]
    public void A_stored_workshop_missing_newer_members_gets_their_defaults()
    {
        var old = _workshop.State with { Settings = null!, Locks = null!, Timer = null!, Clusters = null! };

        var upgraded = old.Upgraded();

        Assert.Equal(WallOptions.Default, upgraded.Settings);
        Assert.Equal(Locks.Open, upgraded.Locks);
        Assert.Equal(WorkshopTimer.Idle, upgraded.Timer);
        Assert.Equal(ImmutableDictionary<string, Cluster>.Empty, upgraded.Clusters);
    }
}
