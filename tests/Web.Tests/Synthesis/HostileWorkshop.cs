using System.Collections.Immutable;
using System.Globalization;
using CollectifLive.Domain;
using CollectifLive.Web.State;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CollectifLive.Web.Tests.Synthesis;

/// <summary>
/// A finished workshop built through the domain's own decisions, whose texts are what an export must survive:
/// formulas, HTML, Markdown, links, bidirectional overrides, emoji, quotes and line breaks.
/// </summary>
public static class HostileWorkshop
{
    public static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    public const string Formula = "=HYPERLINK(\"http://evil.example\";\"cliquez\")";
    public const string Html = "<script>alert('x')</script> <b>gras</b> & <img src=x onerror=alert(1)>";
    public const string Markdown = "# Titre\n- [lien](http://evil.example) **gras** `code` | tableau |";
    public const string Bidi = "Un avis \u202Eesrevni\u202C dans le texte";
    public const string Emoji = "Un jardin partagé 🌱🏡 « ouvert à tous » ; vraiment";
    public const string Plus = "+33 6 12 34 56 78 @mention -moins";

    public static AudienceModel Wall()
    {
        var state = Workshop.Apply(null, Workshop.Create("ws1", new CreateWorkshop("Atelier *Émergence* <i>", "Quels lieux | pour qui ?", ["Idées", "Freins"], null, Secret("f"), Secret("p")), "ABC234", At).Events);
        state = Do(state, Actor.Facilitator, new SetPhase(Phase.Contribution));
        state = Join(state, "amina", "Amina =1+1", Presence.Room);
        state = Join(state, "bruno", null, Presence.Remote);
        var amina = Actor.Participant(ParticipantId(state, "Amina =1+1"));
        var bruno = Actor.Participant(state.Participants.Values.Single(p => p.DisplayName is null).Id);
        state = Do(state, amina, new AddNote("c1", Formula, NoteColour.Yellow));
        state = Do(state, amina, new AddNote("c1", Html, NoteColour.Pink));
        state = Do(state, bruno, new AddNote("c2", Markdown, NoteColour.Blue));
        state = Do(state, bruno, new AddNote("c1", Bidi, NoteColour.Green));
        state = Do(state, Actor.Facilitator, new AddPaperNote("c1", Emoji, NoteColour.Yellow));
        state = Do(state, amina, new AddNote("c2", Plus, NoteColour.Yellow));
        var notes = state.Notes.Values.OrderBy(n => n.Seq).Select(n => n.Id).ToList();
        state = Do(state, Actor.Facilitator, new CreateCluster("Des lieux =SOMME(A1)", [notes[0], notes[1], notes[4]]));
        state = Do(state, Actor.Facilitator, new KeepNoteAsDisagreement(notes[3], true));
        state = Do(state, Actor.Facilitator, new OpenVoteRound(VoteSetup.Dots(3, 2)));
        var dots = state.Rounds.Values.Single().Id;
        state = Do(state, amina, new CastBallot(dots, ImmutableDictionary<string, int>.Empty.Add(notes[4], 2).Add(notes[2], 1)));
        state = Do(state, bruno, new CastBallot(dots, ImmutableDictionary<string, int>.Empty.Add(notes[4], 1)));
        state = Do(state, Actor.Facilitator, new SetPaperVotes(dots, notes[0], 3));
        state = Do(state, Actor.Facilitator, new CloseVoteRound(dots));
        var theme = state.Clusters.Values.Single().Id;
        state = Do(state, Actor.Facilitator, new AddRecommendation("Ouvrir un lieu <le soir> & le **samedi**", "Avec les associations :\n- une clé partagée\n- =une permanence", [theme, dots]));
        state = Do(state, Actor.Facilitator, new AddRecommendation("Un jardin 🌱", null, [notes[4]]));
        var first = state.Recommendations.Values.Single(r => r.Rank == 1).Id;
        state = Do(state, Actor.Facilitator, new SetRecommendationPriority(first, true));
        state = Do(state, Actor.Facilitator, new AddDisagreement(first, "Le soir | c'est trop tard", [notes[3]]));
        state = Do(state, Actor.Facilitator, new OpenVoteRound(VoteSetup.Consent(first)));
        var consent = state.Rounds.Values.MaxBy(r => r.Seq)!.Id;
        state = Do(state, amina, new CastBallot(consent, ImmutableDictionary<string, int>.Empty.Add(ConsentAnswers.Agree, 1)));
        state = Do(state, bruno, new CastBallot(consent, ImmutableDictionary<string, int>.Empty.Add(ConsentAnswers.Objection, 1), "=Trop cher <b>vraiment</b>"));
        state = Do(state, Actor.Facilitator, new CloseVoteRound(consent));
        var snapshot = WorkshopProjection.Snapshot(state);
        return AudienceModel.From(snapshot.Facilitator, snapshot.Version);
    }

    /// <summary>The app's own French and English texts, as the exports use them.</summary>
    public static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(Strings));

    /// <summary>Runs <paramref name="action"/> in <paramref name="culture"/> (exports follow the caller's language).</summary>
    public static T InCulture<T>(string culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static string Secret(string name) => $"{name}-secret-0123456789abcdef0123456789";

    private static string ParticipantId(WorkshopState state, string name) => state.Participants.Values.Single(p => p.DisplayName == name).Id;

    private static WorkshopState Join(WorkshopState state, string who, string? name, Presence presence)
    {
        var decision = Workshop.Join(state, new JoinWorkshop(name, presence, Secret(who), "ABC234"), At);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        return Workshop.Apply(state, decision.Events);
    }

    private static WorkshopState Do(WorkshopState state, Actor actor, WorkshopCommand command)
    {
        var decision = Workshop.Decide(state, actor, command, At);
        Assert.True(decision.IsAccepted, $"{command} was refused: {decision.Error}");
        return Workshop.Apply(state, decision.Events);
    }
}
