using System.Collections.Immutable;
using CollectifLive.Workshops;
using static CollectifLive.Domain.Tests.Decisions;

namespace CollectifLive.Domain.Tests;

public class ArchiveTests
{
    private static readonly DateTimeOffset Later = WorkshopBuilder.Now.AddDays(3);
    private const string NewFacilitatorSecret = "new-facilitator-secret-0123456789abcdef";
    private const string NewProjectorSecret = "new-projector-secret-0123456789abcdefgh";

    /// <summary>A workshop that went through every step: notes of every origin, a theme, votes, recommendations, consent.</summary>
    private static WorkshopState Finished()
    {
        var builder = new WorkshopBuilder().WithParticipant("amina").WithParticipant("bruno", Presence.Remote);
        builder.WithNote(builder.ParticipantId("amina"), "Une salle ouverte le soir\navec une clé partagée")
            .WithNote(builder.ParticipantId("bruno"), "Des horaires adaptés", "c2")
            .WithPaperNote("Un jardin partagé 🌱");
        builder.Facilitate(new ModerateNote(builder.NoteId("Des horaires adaptés"), ModerationAction.Hide));
        builder.Facilitate(new CreateCluster("Des lieux", [builder.NoteId("Une salle ouverte le soir\navec une clé partagée"), builder.NoteId("Un jardin partagé 🌱")]));
        builder.Facilitate(new KeepNoteAsDisagreement(builder.NoteId("Un jardin partagé 🌱"), true));
        builder.Facilitate(new OpenVoteRound(VoteSetup.Dots(3, 2)));
        var dots = builder.State.Rounds.Values.Single().Id;
        builder.Do(builder.Participant("amina"), new CastBallot(dots, ImmutableDictionary<string, int>.Empty.Add(builder.NoteId("Un jardin partagé 🌱"), 2)));
        builder.Facilitate(new SetPaperVotes(dots, builder.NoteId("Un jardin partagé 🌱"), 4));
        builder.Facilitate(new CloseVoteRound(dots));
        builder.Facilitate(new AddRecommendation("Ouvrir un lieu le soir", "Avec les associations.", [builder.ClusterId("Des lieux"), dots]));
        var recommendation = builder.State.Recommendations.Values.Single().Id;
        builder.Facilitate(new AddDisagreement(recommendation, "Le soir, c'est trop tard", [builder.NoteId("Un jardin partagé 🌱")]));
        builder.Facilitate(new SetRecommendationPriority(recommendation, true));
        builder.Facilitate(new OpenVoteRound(VoteSetup.Consent(recommendation)));
        var consent = builder.State.Rounds.Values.MaxBy(r => r.Seq)!.Id;
        builder.Do(builder.Participant("bruno"), new CastBallot(consent, ImmutableDictionary<string, int>.Empty.Add(ConsentAnswers.Objection, 1), "Trop cher"));
        builder.Facilitate(new CloseVoteRound(consent));
        return builder.Facilitate(new SetPhase(Phase.Synthesis)).State;
    }

    private static Decision Import(string? json) =>
        Workshop.Import("ws2", WorkshopArchive.Parse(json), "XYZ789", NewFacilitatorSecret, NewProjectorSecret, Later);

    [Fact]
    public void Export_import_export_gives_the_same_archive_and_the_imported_workshop_shows_the_same_to_everyone()
    {
        var original = Finished();
        var json = WorkshopArchive.Of(original, Later).ToJson();

        var decision = Import(json);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        var imported = Workshop.Apply(null, decision.Events);

        Assert.Equal(json, WorkshopArchive.Of(imported, Later).ToJson());
        Assert.Equal("ws2", imported.Id);
        Assert.Equal("XYZ789", imported.JoinCode);
        Assert.Equal(1, imported.Version);
        foreach (var audience in Enum.GetValues<Audience>())
        {
            var before = WorkshopProjection.View(original, audience);
            var after = WorkshopProjection.View(imported, audience);
            Assert.Equal(before.Notes.AsEnumerable(), after.Notes.AsEnumerable());
            Assert.Equal(before.Themes.AsEnumerable(), after.Themes.AsEnumerable());
            Assert.Equal(before.Rounds.AsEnumerable(), after.Rounds.AsEnumerable());
            Assert.Equal(before.Recommendations.AsEnumerable(), after.Recommendations.AsEnumerable());
        }
    }

    [Fact]
    public void An_archive_holds_no_secret_and_only_the_new_facilitator_key_opens_the_imported_workshop()
    {
        var original = Finished();
        var json = WorkshopArchive.Of(original, Later).ToJson();
        var imported = Workshop.Apply(null, Import(json).Events);

        Assert.DoesNotContain(original.FacilitatorKeyHash, json, StringComparison.Ordinal);
        Assert.DoesNotContain(original.JoinCode, json, StringComparison.Ordinal);
        Assert.All(original.Participants.Values, p => Assert.DoesNotContain(p.KeyHash, json, StringComparison.Ordinal));
        Assert.Equal(Actor.Facilitator, WorkshopAccess.Authenticate(imported, Credential.Facilitator(NewFacilitatorSecret)));
        Assert.Null(WorkshopAccess.Authenticate(imported, Credential.Facilitator(WorkshopBuilder.FacilitatorSecret)));
        Assert.All(imported.Participants.Keys, id => Assert.Null(WorkshopAccess.Authenticate(imported, Credential.Participant(id, WorkshopBuilder.SecretFor("amina")))));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"format\":\"collectiflive/2\",\"workshop\":{}}")]
    public void What_is_not_an_archive_is_refused(string json) =>
        AssertRefused(WorkshopError.ArchiveInvalid, Import(json));

    [Fact]
    public void An_archive_breaking_a_rule_or_a_reference_is_refused_whole()
    {
        var archive = WorkshopArchive.Of(Finished(), Later);
        var workshop = archive.Workshop;
        var note = workshop.Notes[0];

        Decision With(ArchivedWorkshop changed) => Import((archive with { Workshop = changed }).ToJson());

        AssertRefused(WorkshopError.TitleTooLong, With(workshop with { Title = new string('a', Limits.TitleMaxLength + 1) }), Limits.TitleMaxLength);
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Notes = workshop.Notes.SetItem(0, note with { Text = new string('a', Limits.NoteTextMaxLength + 1) }) }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Notes = workshop.Notes.SetItem(0, note with { ColumnId = "c9" }) }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Notes = workshop.Notes.SetItem(0, note with { ClusterId = "t999" }) }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Notes = workshop.Notes.SetItem(0, note with { AuthorId = "p999" }) }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Notes = workshop.Notes.Add(note) }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { NextSeq = 2 }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Themes = [] }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Recommendations = workshop.Recommendations.SetItem(0, workshop.Recommendations[0] with { Sources = ["n999"] }) }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Participants = [] }));
        AssertRefused(WorkshopError.ArchiveInvalid, With(workshop with { Columns = [.. workshop.Columns.Reverse()] }));
    }

    [Fact]
    public void An_archive_stores_the_domains_records_as_they_are_today()
    {
        var json = WorkshopArchive.Of(Finished(), Later).ToJson();

        Assert.StartsWith("{\n  \"format\": \"collectiflive/1\",", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"recommendations\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"keptAsDisagreement\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\": \"Trop cher\"", json, StringComparison.Ordinal);
    }
}
