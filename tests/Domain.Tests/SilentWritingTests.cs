using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class SilentWritingTests
{
    private readonly WorkshopBuilder _workshop = new WorkshopBuilder().WithParticipant("amina");

    private WorkshopBuilder Silently(params (string Text, string Column)[] notes)
    {
        _workshop.WithSettings(s => s with { SilentWriting = true });
        foreach (var (text, column) in notes)
        {
            _workshop.WithNote(_workshop.ParticipantId("amina"), text, column);
        }

        return _workshop;
    }

    [Fact]
    public void Notes_written_silently_are_not_revealed_and_notes_written_before_stay_revealed()
    {
        _workshop.WithNote(_workshop.ParticipantId("amina"), "avant");
        Silently(("pendant", "c1")).WithPaperNote("sur papier");

        Assert.True(_workshop.Note("avant").Revealed);
        Assert.False(_workshop.Note("pendant").Revealed);
        Assert.False(_workshop.Note("sur papier").Revealed);
    }

    [Fact]
    public void Revealing_one_column_reveals_only_its_unrevealed_notes_in_posting_order()
    {
        Silently(("c1 une", "c1"), ("c2 une", "c2"), ("c1 deux", "c1"));

        var decision = _workshop.Decide(Actor.Facilitator, new RevealNotes("c1"));

        var revealed = Assert.IsType<NotesRevealed>(Assert.Single(decision.Events));
        Assert.Equal([_workshop.NoteId("c1 une"), _workshop.NoteId("c1 deux")], revealed.NoteIds.AsEnumerable());
        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.True(after.Notes[_workshop.NoteId("c1 une")].Revealed);
        Assert.True(after.Notes[_workshop.NoteId("c1 deux")].Revealed);
        Assert.False(after.Notes[_workshop.NoteId("c2 une")].Revealed);
        Assert.True(after.Settings.SilentWriting);
    }

    [Fact]
    public void Revealing_everywhere_reveals_every_column()
    {
        Silently(("c1 une", "c1"), ("c2 une", "c2"));

        _workshop.Facilitate(new RevealNotes(null));

        Assert.All(_workshop.State.Notes.Values, n => Assert.True(n.Revealed));
    }

    [Fact]
    public void Revealing_when_nothing_is_unrevealed_changes_nothing()
    {
        Silently(("c1 une", "c1")).Facilitate(new RevealNotes("c1"));

        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new RevealNotes("c1")));
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new RevealNotes("c2")));
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new RevealNotes(null)));
    }

    [Fact]
    public void Revealing_a_column_that_does_not_exist_is_refused() =>
        AssertRefused(WorkshopError.UnknownColumn, Silently(("une", "c1")).Decide(Actor.Facilitator, new RevealNotes("c9")));

    [Fact]
    public void Ending_silent_writing_reveals_every_note_written_silently()
    {
        Silently(("c1 une", "c1"), ("c2 une", "c2"));
        var settings = _workshop.State.Settings with { SilentWriting = false };

        var decision = _workshop.Decide(Actor.Facilitator, new ChangeSettings(settings.ToView()));

        Assert.Equal(new SettingsChanged(settings), decision.Events[0]);
        var revealed = Assert.IsType<NotesRevealed>(decision.Events[1]);
        Assert.Equal([_workshop.NoteId("c1 une"), _workshop.NoteId("c2 une")], revealed.NoteIds.AsEnumerable());
        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.All(after.Notes.Values, n => Assert.True(n.Revealed));
        Assert.Equal(_workshop.State.Version + 1, after.Version);
    }

    [Fact]
    public void Ending_silent_writing_when_all_is_revealed_only_changes_the_settings()
    {
        Silently(("une", "c1")).Facilitate(new RevealNotes(null));

        var decision = _workshop.Decide(Actor.Facilitator, new ChangeSettings(_workshop.State.Settings.ToView() with { SilentWriting = false }));

        Assert.IsType<SettingsChanged>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Other_setting_changes_during_silent_writing_reveal_nothing()
    {
        Silently(("une", "c1"));

        _workshop.WithSettings(s => s with { SilentOnProjector = false, LateNotes = true, ProjectorLayout = WallLayout.Themes });

        Assert.False(_workshop.Note("une").Revealed);
    }

    [Fact]
    public void Settings_are_changed_as_a_whole()
    {
        var settings = new WallSettings(true, false, true, false, true, WallLayout.Themes);

        _workshop.Facilitate(new ChangeSettings(settings));

        Assert.Equal(WallOptions.Of(settings), _workshop.State.Settings);
    }

    [Fact]
    public void The_same_settings_again_change_nothing() =>
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new ChangeSettings(_workshop.State.Settings.ToView() with { })));

    [Fact]
    public void Missing_settings_or_an_undefined_layout_are_refused()
    {
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new ChangeSettings(null!)));
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new ChangeSettings(WallSettings.Default with { ProjectorLayout = (WallLayout)42 })));
    }

    [Fact]
    public void Only_the_facilitator_changes_settings_and_reveals()
    {
        var amina = _workshop.Participant("amina");
        var silent = new ChangeSettings(WallSettings.Default with { SilentWriting = true });
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(amina, silent));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, silent));

        Silently(("une", "c1"));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(amina, new RevealNotes(null)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new RevealNotes("c1")));
    }
}
