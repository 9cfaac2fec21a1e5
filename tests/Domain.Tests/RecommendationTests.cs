using System.Collections.Immutable;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class RecommendationTests
{
    private readonly WorkshopBuilder _workshop;
    private readonly string _salle;
    private readonly string _horaires;

    public RecommendationTests()
    {
        _workshop = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote);
        _workshop.WithNote(_workshop.ParticipantId("amina"), "Une salle ouverte le soir")
            .WithNote(_workshop.ParticipantId("bruno"), "Des horaires adaptés aux familles");
        _salle = _workshop.NoteId("Une salle ouverte le soir");
        _horaires = _workshop.NoteId("Des horaires adaptés aux familles");
    }

    private Recommendation Recommendation(string id) => _workshop.State.Recommendations[id];

    private string Add(string title, string? text = null, params string[] sources)
    {
        _workshop.Facilitate(new AddRecommendation(title, text, [.. sources]));
        return _workshop.State.Recommendations.Values.MaxBy(r => r.Seq)!.Id;
    }

    [Fact]
    public void A_recommendation_keeps_its_sources_and_comes_last_in_the_list()
    {
        _workshop.Facilitate(new CreateCluster("Lieux", [_salle]));
        var theme = _workshop.ClusterId("Lieux");

        var first = Add("  Ouvrir un lieu le soir\t", "Un lieu ouvert\naprès le travail.", _salle, theme, _salle);
        var second = Add("Adapter les horaires");

        Assert.Equal("Ouvrir un lieu le soir", Recommendation(first).Title);
        Assert.Equal("Un lieu ouvert\naprès le travail.", Recommendation(first).Text);
        Assert.Equal([_salle, theme], Recommendation(first).Sources.AsEnumerable());
        Assert.Equal(1, Recommendation(first).Rank);
        Assert.Equal(2, Recommendation(second).Rank);
        Assert.Null(Recommendation(second).Text);
    }

    [Fact]
    public void Bad_recommendations_are_refused_with_their_limit_and_change_nothing()
    {
        Decision Try(string? title, string? text = null, params string[] sources) =>
            _workshop.Decide(Actor.Facilitator, new AddRecommendation(title!, text, [.. sources]));

        AssertRefused(WorkshopError.RecommendationTitleRequired, Try("   "));
        AssertRefused(WorkshopError.RecommendationTitleRequired, Try(null));
        AssertRefused(WorkshopError.RecommendationTitleTooLong, Try(new string('a', Limits.RecommendationTitleMaxLength + 1)), Limits.RecommendationTitleMaxLength);
        AssertRefused(WorkshopError.RecommendationTextTooLong, Try("Titre", new string('a', Limits.RecommendationTextMaxLength + 1)), Limits.RecommendationTextMaxLength);
        AssertRefused(WorkshopError.UnknownSource, Try("Titre", null, "n999"));
        AssertRefused(WorkshopError.UnknownSource, Try("Titre", null, _workshop.ParticipantId("amina")));
        AssertRefused(WorkshopError.TooManySources, Try("Titre", null, [.. Enumerable.Range(0, Limits.RecommendationSourcesMax + 1).Select(i => $"n{i}")]), Limits.RecommendationSourcesMax);
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("amina"), new AddRecommendation("Titre", null, [])));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(Actor.Projector, new AddRecommendation("Titre", null, [])));
        Assert.True(Try(new string('a', Limits.RecommendationTitleMaxLength), new string('b', Limits.RecommendationTextMaxLength)).IsAccepted);
        Assert.Empty(_workshop.State.Recommendations);
    }

    [Fact]
    public void A_workshop_holds_a_bounded_number_of_recommendations()
    {
        for (var i = 1; i <= Limits.RecommendationsPerWorkshopMax; i++)
        {
            _workshop.Facilitate(new AddRecommendation($"Préconisation {i}", null, []));
        }

        AssertRefused(
            WorkshopError.TooManyRecommendations,
            _workshop.Decide(Actor.Facilitator, new AddRecommendation("Une de trop", null, [])),
            Limits.RecommendationsPerWorkshopMax);
    }

    [Fact]
    public void Editing_replaces_the_content_and_the_same_content_again_changes_nothing()
    {
        var id = Add("Ouvrir un lieu", null, _salle);

        _workshop.Facilitate(new EditRecommendation(id, "Ouvrir un lieu le soir", "Avec des bénévoles.", [_salle, _horaires]));

        Assert.Equal("Ouvrir un lieu le soir", Recommendation(id).Title);
        Assert.Equal([_salle, _horaires], Recommendation(id).Sources.AsEnumerable());
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new EditRecommendation(id, "Ouvrir un lieu le soir", "Avec des bénévoles.", [_salle, _horaires])));
        AssertRefused(WorkshopError.UnknownRecommendation, _workshop.Decide(Actor.Facilitator, new EditRecommendation("r999", "Titre", null, [])));
        AssertRefused(WorkshopError.RecommendationTitleRequired, _workshop.Decide(Actor.Facilitator, new EditRecommendation(id, "", null, [])));
    }

    [Fact]
    public void Moving_and_removing_keep_the_ranks_one_to_n()
    {
        var a = Add("A");
        var b = Add("B");
        var c = Add("C");

        _workshop.Facilitate(new MoveRecommendation(c, 1));
        Assert.Equal([c, a, b], Ranked());

        _workshop.Facilitate(new MoveRecommendation(c, 3));
        Assert.Equal([a, b, c], Ranked());

        _workshop.Facilitate(new RemoveRecommendation(a));
        Assert.Equal([b, c], Ranked());
        Assert.Equal([1, 2], _workshop.State.Recommendations.Values.OrderBy(r => r.Rank).Select(r => r.Rank));

        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new MoveRecommendation(b, 1)));
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new MoveRecommendation(b, 0)));
        AssertRefused(WorkshopError.InvalidRequest, _workshop.Decide(Actor.Facilitator, new MoveRecommendation(b, 3)));
        AssertRefused(WorkshopError.UnknownRecommendation, _workshop.Decide(Actor.Facilitator, new RemoveRecommendation(a)));

        List<string> Ranked() => [.. _workshop.State.Recommendations.Values.OrderBy(r => r.Rank).Select(r => r.Id)];
    }

    [Fact]
    public void Disagreements_are_kept_with_their_notes_until_the_facilitator_removes_them()
    {
        var id = Add("Ouvrir un lieu le soir", null, _salle);

        _workshop.Facilitate(new AddDisagreement(id, "Le soir, les familles ne viennent pas.", [_horaires]));
        _workshop.Facilitate(new AddDisagreement(id, "Qui tient les clés ?", []));
        _workshop.Facilitate(new OpenVoteRound(VoteSetup.Dots(3, 2)));
        _workshop.Facilitate(new CloseVoteRound(_workshop.State.Rounds.Values.Single().Id));

        var kept = Recommendation(id).Disagreements;
        Assert.Equal(["Le soir, les familles ne viennent pas.", "Qui tient les clés ?"], kept.Select(d => d.Text));
        Assert.Equal([_horaires], kept[0].NoteIds.AsEnumerable());
        Assert.Equal(["d1", "d2"], kept.Select(d => d.Id));

        _workshop.Facilitate(new RemoveDisagreement(id, "d1"));
        _workshop.Facilitate(new AddDisagreement(id, "Un troisième point", []));
        Assert.Equal(["d2", "d3"], Recommendation(id).Disagreements.Select(d => d.Id));

        AssertRefused(WorkshopError.UnknownDisagreement, _workshop.Decide(Actor.Facilitator, new RemoveDisagreement(id, "d1")));
        AssertRefused(WorkshopError.DisagreementTextRequired, _workshop.Decide(Actor.Facilitator, new AddDisagreement(id, " ", [])));
        AssertRefused(WorkshopError.DisagreementTextTooLong, _workshop.Decide(Actor.Facilitator, new AddDisagreement(id, new string('x', Limits.DisagreementTextMaxLength + 1), [])), Limits.DisagreementTextMaxLength);
        AssertRefused(WorkshopError.UnknownNote, _workshop.Decide(Actor.Facilitator, new AddDisagreement(id, "Texte", ["n999"])));
        AssertRefused(WorkshopError.UnknownRecommendation, _workshop.Decide(Actor.Facilitator, new AddDisagreement("r999", "Texte", [])));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("bruno"), new AddDisagreement(id, "Texte", [])));
    }

    [Fact]
    public void A_recommendation_holds_a_bounded_number_of_disagreements()
    {
        var id = Add("Ouvrir un lieu le soir");
        for (var i = 0; i < Limits.DisagreementsPerRecommendationMax; i++)
        {
            _workshop.Facilitate(new AddDisagreement(id, $"Point {i}", []));
        }

        AssertRefused(WorkshopError.TooManyDisagreements, _workshop.Decide(Actor.Facilitator, new AddDisagreement(id, "Un de trop", [])), Limits.DisagreementsPerRecommendationMax);
    }

    [Fact]
    public void A_note_kept_as_a_disagreement_says_so_on_every_screen()
    {
        var change = _workshop.ChangeByFacilitator(new KeepNoteAsDisagreement(_horaires, true));

        Assert.All(Enum.GetValues<Audience>(), a => Assert.True(Assert.Single(change.For(a).Notes.Upserts).KeptAsDisagreement));
        Assert.True(Assert.Single(Assert.Single(change.Private).Notes.Upserts).KeptAsDisagreement);
        AssertUnchanged(_workshop.State, _workshop.Decide(Actor.Facilitator, new KeepNoteAsDisagreement(_horaires, true)));
        AssertRefused(WorkshopError.UnknownNote, _workshop.Decide(Actor.Facilitator, new KeepNoteAsDisagreement("n999", true)));
        AssertRefused(WorkshopError.NotAllowedForRole, _workshop.Decide(_workshop.Participant("bruno"), new KeepNoteAsDisagreement(_horaires, false)));
    }

    [Fact]
    public void Every_audience_sees_the_recommendations_and_a_deleted_source_stays_in_the_record()
    {
        var id = Add("Ouvrir un lieu le soir", null, _salle, _horaires);
        var added = WorkshopProjection.Snapshot(_workshop.State);

        var deleted = _workshop.Change(_workshop.Participant("amina"), new DeleteNote(_salle));

        Assert.All(Enum.GetValues<Audience>(), a => Assert.Equal(id, Assert.Single(added.For(a).Recommendations).Id));
        Assert.All(Enum.GetValues<Audience>(), a => Assert.True(deleted.For(a).Recommendations.IsEmpty));
        Assert.Equal([_salle, _horaires], Recommendation(id).Sources.AsEnumerable());
    }

    [Fact]
    public void A_reorder_tells_the_screens_only_of_the_recommendations_whose_rank_changed()
    {
        var a = Add("A");
        var b = Add("B");
        Add("C");

        var change = _workshop.ChangeByFacilitator(new MoveRecommendation(b, 1));

        Assert.Equal([b, a], change.Projector.Recommendations.Upserts.Select(r => r.Id));
        Assert.Equal([1, 2], change.Projector.Recommendations.Upserts.Select(r => r.Rank));
    }
}
