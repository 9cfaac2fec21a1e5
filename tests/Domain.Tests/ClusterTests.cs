using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class ClusterTests
{
    private readonly WorkshopBuilder _workshop;
    private readonly string _one;
    private readonly string _two;
    private readonly string _three;

    public ClusterTests()
    {
        _workshop = new WorkshopBuilder().WithParticipant("amina");
        var amina = _workshop.ParticipantId("amina");
        _workshop.WithNote(amina, "une").WithNote(amina, "deux", "c2").WithNote(amina, "trois");
        (_one, _two, _three) = (_workshop.NoteId("une"), _workshop.NoteId("deux"), _workshop.NoteId("trois"));
        _workshop.Facilitate(new SetPhase(Phase.Grouping));
    }

    private Decision Facilitate(WorkshopCommand command) => _workshop.Decide(Actor.Facilitator, command);

    private string Cluster(string name, params string[] noteIds)
    {
        _workshop.Facilitate(new CreateCluster(name, [.. noteIds]));
        return _workshop.ClusterId(name);
    }

    private string? ClusterOf(string noteId) => _workshop.State.Notes[noteId].ClusterId;

    [Fact]
    public void The_facilitator_groups_notes_into_a_new_theme()
    {
        var decision = Facilitate(new CreateCluster("  Lieux\nouverts ", [_three, _one, _three]));

        var created = Assert.IsType<ClusterCreated>(decision.Events[0]).Cluster;
        Assert.Equal("Lieux ouverts", created.Name);
        Assert.Equal(WorkshopBuilder.Now, created.CreatedAt);
        Assert.Equal(created.Id, decision.Value);
        var moved = Assert.IsType<NotesMoved>(decision.Events[1]);
        Assert.Equal([_one, _three], moved.NoteIds.AsEnumerable());
        Assert.Equal(created.Id, moved.ClusterId);
        Assert.Equal(2, decision.Events.Length);

        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.Equal(created, after.Clusters[created.Id]);
        Assert.Equal(created.Id, after.Notes[_one].ClusterId);
        Assert.Equal(created.Id, after.Notes[_three].ClusterId);
        Assert.Null(after.Notes[_two].ClusterId);
        Assert.Equal(_workshop.State.Version + 1, after.Version);
    }

    [Fact]
    public void Themes_get_distinct_ids()
    {
        var first = Cluster("Lieux", _one);
        var second = Cluster("Accompagnement", _two);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(first, _workshop.State.Notes.Keys);
        Assert.DoesNotContain(second, _workshop.State.Notes.Keys);
    }

    [Fact]
    public void A_new_theme_takes_notes_out_of_the_theme_they_were_in()
    {
        var first = Cluster("Lieux", _one, _two);

        var second = Cluster("Horaires", _two);

        Assert.Equal(first, ClusterOf(_one));
        Assert.Equal(second, ClusterOf(_two));
    }

    [Fact]
    public void A_theme_name_at_the_length_limit_is_accepted_and_one_more_character_is_refused()
    {
        Assert.True(Facilitate(new CreateCluster(new string('t', Limits.ClusterNameMaxLength), [_one])).IsAccepted);
        AssertRefused(WorkshopError.ClusterNameTooLong, Facilitate(new CreateCluster(new string('t', Limits.ClusterNameMaxLength + 1), [_one])), Limits.ClusterNameMaxLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData(null)]
    public void A_theme_needs_a_name(string? name) =>
        AssertRefused(WorkshopError.ClusterNameRequired, Facilitate(new CreateCluster(name!, [_one])));

    [Fact]
    public void A_theme_needs_notes()
    {
        AssertRefused(WorkshopError.NoNotesSelected, Facilitate(new CreateCluster("Vide", [])));
        AssertRefused(WorkshopError.NoNotesSelected, Facilitate(new CreateCluster("Vide", default)));
    }

    [Fact]
    public void A_theme_of_notes_that_do_not_exist_is_refused() =>
        AssertRefused(WorkshopError.UnknownNote, Facilitate(new CreateCluster("Lieux", [_one, "n999"])));

    [Fact]
    public void The_wall_holds_a_bounded_number_of_themes()
    {
        for (var i = 0; i < Limits.ClustersPerWorkshopMax; i++)
        {
            Cluster($"thème {i}", _one);
        }

        AssertRefused(WorkshopError.TooManyClusters, Facilitate(new CreateCluster("un de trop", [_two])), Limits.ClustersPerWorkshopMax);
    }

    [Fact]
    public void The_facilitator_renames_a_theme()
    {
        var cluster = Cluster("Lieux", _one);

        var decision = Facilitate(new RenameCluster(cluster, " Lieux ouverts "));

        Assert.Equal(new ClusterRenamed(cluster, "Lieux ouverts"), Assert.Single(decision.Events));
        Assert.Equal("Lieux ouverts", Workshop.Apply(_workshop.State, decision.Events).Clusters[cluster].Name);
    }

    [Fact]
    public void Renaming_a_theme_to_its_own_name_changes_nothing()
    {
        var cluster = Cluster("Lieux", _one);
        AssertUnchanged(_workshop.State, Facilitate(new RenameCluster(cluster, "  Lieux ")));
    }

    [Fact]
    public void Renaming_is_held_to_the_same_name_rules()
    {
        var cluster = Cluster("Lieux", _one);

        AssertRefused(WorkshopError.ClusterNameTooLong, Facilitate(new RenameCluster(cluster, new string('t', Limits.ClusterNameMaxLength + 1))), Limits.ClusterNameMaxLength);
        AssertRefused(WorkshopError.ClusterNameRequired, Facilitate(new RenameCluster(cluster, " ")));
        AssertRefused(WorkshopError.UnknownCluster, Facilitate(new RenameCluster("t999", "Autre")));
        AssertRefused(WorkshopError.UnknownCluster, Facilitate(new RenameCluster(null!, "Autre")));
    }

    [Fact]
    public void The_facilitator_moves_notes_into_a_theme_and_out_of_any_theme()
    {
        var cluster = Cluster("Lieux", _one);

        var into = Facilitate(new MoveNotes([_one, _two, _three], cluster));
        Assert.Equal([_two, _three], Assert.IsType<NotesMoved>(Assert.Single(into.Events)).NoteIds.AsEnumerable());
        _workshop.Facilitate(new MoveNotes([_two, _three], cluster));
        Assert.All(new[] { _one, _two, _three }, id => Assert.Equal(cluster, ClusterOf(id)));

        _workshop.Facilitate(new MoveNotes([_two], null));
        Assert.Null(ClusterOf(_two));
        Assert.Equal(cluster, ClusterOf(_one));
    }

    [Fact]
    public void Moving_notes_where_they_already_are_changes_nothing()
    {
        var cluster = Cluster("Lieux", _one);

        AssertUnchanged(_workshop.State, Facilitate(new MoveNotes([_one], cluster)));
        AssertUnchanged(_workshop.State, Facilitate(new MoveNotes([_two, _three], null)));
    }

    [Fact]
    public void Moving_nothing_unknown_notes_or_into_an_unknown_theme_is_refused()
    {
        var cluster = Cluster("Lieux", _one);

        AssertRefused(WorkshopError.NoNotesSelected, Facilitate(new MoveNotes([], cluster)));
        AssertRefused(WorkshopError.NoNotesSelected, Facilitate(new MoveNotes(default, cluster)));
        AssertRefused(WorkshopError.UnknownNote, Facilitate(new MoveNotes([_two, "n999"], cluster)));
        AssertRefused(WorkshopError.UnknownCluster, Facilitate(new MoveNotes([_two], "t999")));
    }

    [Fact]
    public void Dissolving_a_theme_keeps_its_notes_ungrouped()
    {
        var cluster = Cluster("Lieux", _one, _three);
        var other = Cluster("Autre", _two);

        var decision = Facilitate(new DissolveCluster(cluster));

        Assert.Equal([typeof(NotesMoved), typeof(ClusterDissolved)], decision.Events.Select(e => e.GetType()));
        var after = Workshop.Apply(_workshop.State, decision.Events);
        Assert.False(after.Clusters.ContainsKey(cluster));
        Assert.True(after.Clusters.ContainsKey(other));
        Assert.Equal(3, after.Notes.Count);
        Assert.Null(after.Notes[_one].ClusterId);
        Assert.Null(after.Notes[_three].ClusterId);
        Assert.Equal(other, after.Notes[_two].ClusterId);
    }

    [Fact]
    public void Dissolving_an_empty_theme_only_removes_it()
    {
        var cluster = Cluster("Lieux", _one);
        _workshop.Facilitate(new MoveNotes([_one], null));

        Assert.IsType<ClusterDissolved>(Assert.Single(Facilitate(new DissolveCluster(cluster)).Events));
    }

    [Fact]
    public void Dissolving_the_theme_in_the_spotlight_turns_the_spotlight_off()
    {
        var cluster = Cluster("Lieux", _one);
        _workshop.Facilitate(new SetSpotlight(new SpotlightView(SpotlightKind.Cluster, cluster)));

        _workshop.Facilitate(new DissolveCluster(cluster));

        Assert.Null(_workshop.State.Spotlight);
    }

    [Fact]
    public void Dissolving_a_theme_that_does_not_exist_is_refused()
    {
        AssertRefused(WorkshopError.UnknownCluster, Facilitate(new DissolveCluster("t999")));
        AssertRefused(WorkshopError.UnknownCluster, Facilitate(new DissolveCluster(null!)));
    }

    [Fact]
    public void Deleting_a_grouped_note_leaves_its_theme()
    {
        var cluster = Cluster("Lieux", _one);

        _workshop.Facilitate(new DeleteNote(_one));

        Assert.True(_workshop.State.Clusters.ContainsKey(cluster));
    }

    public static TheoryData<WorkshopCommand> ThemeCommands() => new()
    {
        new CreateCluster("Lieux", ["n1"]),
        new RenameCluster("t1", "Lieux"),
        new MoveNotes(["n1"], null),
        new DissolveCluster("t1"),
    };

    [Theory]
    [MemberData(nameof(ThemeCommands))]
    public void Only_the_facilitator_works_on_themes(WorkshopCommand command)
    {
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), command));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, command));
    }
}
