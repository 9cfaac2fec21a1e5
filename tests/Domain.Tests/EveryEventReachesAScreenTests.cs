using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>
/// Every kind of event changes what some screen shows, and the change that reaches the screens says so. A new event
/// kind fails here until it has a sample below, and fails again if what it changes reaches no audience.
/// </summary>
public class EveryEventReachesAScreenTests
{
    private const string Amina = "amina";

    public static TheoryData<string> EventKinds() =>
        [.. typeof(WorkshopEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(WorkshopEvent)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)];

    private static readonly Dictionary<string, Func<(WorkshopState? Before, Decision Decision)>> Samples = new()
    {
        [nameof(WorkshopCreated)] = () => (null, Workshop.Create("ws", WorkshopBuilder.Create(["Idées"]), "ABC234", WorkshopBuilder.Now)),
        [nameof(WorkshopImported)] = () =>
            (null, Workshop.Import("ws2", WorkshopArchive.Parse(WorkshopArchive.Of(Prepared().State, WorkshopBuilder.Now).ToJson()), "XYZ789", "facilitator-secret-0123456789abcdefgh", "projector-secret-0123456789abcdefghij", WorkshopBuilder.Now)),
        [nameof(ParticipantJoined)] = () =>
        {
            var state = new WorkshopBuilder().State;
            return (state, Workshop.Join(state, new JoinWorkshop("Chloé", Presence.Remote, WorkshopBuilder.SecretFor("chloe"), "ABC234"), WorkshopBuilder.Now));
        },
        [nameof(ParticipantNameRemoved)] = () => Sample(b => b, b => (b.Participant(Amina), new RemoveMyName())),
        [nameof(ParticipantLeft)] = () => Sample(b => b, b => (b.Participant(Amina), new LeaveWorkshop(DeleteNotes: true))),
        [nameof(ParticipantBlocked)] = () => Sample(b => b, b => Facilitator(new SetParticipantBlocked(b.ParticipantId(Amina), true))),
        [nameof(NoteAdded)] = () => Sample(b => b, b => (b.Participant(Amina), new AddNote("c1", "Une salle ouverte le soir", NoteColour.Blue))),
        [nameof(NoteEdited)] = () => Sample(b => b, b => (b.Participant(Amina), new EditNote(b.NoteId("Idée A"), "Idée A, précisée", "c1", NoteColour.Yellow))),
        [nameof(NoteDeleted)] = () => Sample(b => b, b => (b.Participant(Amina), new DeleteNote(b.NoteId("Idée A")))),
        [nameof(NoteModerated)] = () => Sample(b => b, b => Facilitator(new ModerateNote(b.NoteId("Idée A"), ModerationAction.Hide))),
        [nameof(NotesRevealed)] = () => Sample(
            b => b.Facilitate(new SetWallSetting(WallSetting.SilentWriting, true)).WithNote(b.ParticipantId(Amina), "Idée cachée"),
            _ => Facilitator(new RevealNotes(null))),
        [nameof(NotesMoved)] = () => Sample(b => WithTheme(b), b => Facilitator(new MoveNotes([b.NoteId("Idée B")], b.ClusterId("Lieux")))),
        [nameof(ClusterCreated)] = () => Sample(b => b, b => Facilitator(new CreateCluster("Lieux", [b.NoteId("Idée A")]))),
        [nameof(ClusterRenamed)] = () => Sample(b => WithTheme(b), b => Facilitator(new RenameCluster(b.ClusterId("Lieux"), "Des lieux"))),
        [nameof(ClusterDissolved)] = () => Sample(b => WithTheme(b), b => Facilitator(new DissolveCluster(b.ClusterId("Lieux")))),
        [nameof(PhaseChanged)] = () => Sample(b => b, _ => Facilitator(new SetPhase(Phase.Grouping))),
        [nameof(SettingsChanged)] = () => Sample(b => b, _ => Facilitator(new SetWallSetting(WallSetting.PreModeration, true))),
        [nameof(LocksChanged)] = () => Sample(b => b, _ => Facilitator(new SetLock(WorkshopLock.Joins, true))),
        [nameof(TimerChanged)] = () => Sample(b => b, _ => Facilitator(new StartTimer(300))),
        [nameof(SpotlightChanged)] = () => Sample(b => b, b => Facilitator(new SetSpotlight(new SpotlightView(SpotlightKind.Note, b.NoteId("Idée A"))))),
        [nameof(JoinCodeRotated)] = () =>
        {
            var state = Prepared().State;
            return (state, Workshop.RotateJoinCode(state, Actor.Facilitator, "XYZ789"));
        },
        [nameof(KeptChanged)] = () => Sample(b => b, _ => Facilitator(new SetKept(true))),
        [nameof(KeysReissued)] = () => Sample(b => b, _ => Facilitator(new ReissueKeys("new-facilitator-key-0123456789abcdef", "new-projector-key-0123456789abcdefgh"))),
        [nameof(VoteRoundOpened)] = () => Sample(b => b, _ => Facilitator(new OpenVoteRound(VoteSetup.Dots(3, 2)))),
        [nameof(VoteRoundClosed)] = () => Sample(WithPoll, b => Facilitator(new CloseVoteRound(RoundId(b)))),
        [nameof(VoteRoundReopened)] = () => Sample(b => WithPoll(b).Facilitate(new CloseVoteRound(RoundId(b))), b => Facilitator(new ReopenVoteRound(RoundId(b)))),
        [nameof(VoteRoundDiscarded)] = () => Sample(WithPoll, b => Facilitator(new DiscardVoteRound(RoundId(b)))),
        [nameof(BallotCast)] = () => Sample(WithPoll, b => (b.Participant(Amina), new CastBallot(RoundId(b), ImmutableDictionary<string, int>.Empty.Add("o1", 1)))),
        [nameof(PaperVotesSet)] = () => Sample(WithPoll, b => Facilitator(new SetPaperVotes(RoundId(b), "o2", 7))),
        [nameof(WordsMerged)] = () => Sample(
            b => b.Facilitate(new OpenVoteRound(VoteSetup.WordCloud("Un mot ?")))
                .Do(b.Participant(Amina), new CastBallot(RoundId(b), ImmutableDictionary<string, int>.Empty.Add("salle", 1)))
                .Do(b.Participant("bruno"), new CastBallot(RoundId(b), ImmutableDictionary<string, int>.Empty.Add("local", 1))),
            b => Facilitator(new MergeWords(RoundId(b), ["salle", "local"], "salle"))),
        [nameof(RecommendationAdded)] = () => Sample(b => b, b => Facilitator(new AddRecommendation("Ouvrir une salle le soir", null, [b.NoteId("Idée A")]))),
        [nameof(RecommendationChanged)] = () => Sample(WithRecommendations, b => Facilitator(new SetRecommendationPriority(RecommendationId(b, 1), true))),
        [nameof(RecommendationRemoved)] = () => Sample(WithRecommendations, b => Facilitator(new RemoveRecommendation(RecommendationId(b, 1)))),
        [nameof(RecommendationsReordered)] = () => Sample(WithRecommendations, b => Facilitator(new MoveRecommendation(RecommendationId(b, 2), 1))),
        [nameof(NoteKeptAsDisagreement)] = () => Sample(b => b, b => Facilitator(new KeepNoteAsDisagreement(b.NoteId("Idée B"), true))),
    };

    [Theory]
    [MemberData(nameof(EventKinds))]
    public void The_event_reaches_at_least_one_screen(string eventKind)
    {
        Assert.True(Samples.TryGetValue(eventKind, out var sample), $"{eventKind} has no sample here: add one, and make sure a screen shows what it changes.");
        var (before, decision) = sample();
        Assert.True(decision.IsAccepted, $"the sample for {eventKind} was refused: {decision.Error}");
        Assert.Contains(decision.Events, e => e.GetType().Name == eventKind);

        var change = WorkshopProjection.Change(before, Workshop.Apply(before, decision.Events));

        Assert.False(
            change.Facilitator.IsEmpty && change.Projector.IsEmpty && change.Participants.IsEmpty && change.Private.All(p => p.IsEmpty),
            $"{eventKind} changed the workshop, but no screen is told");
    }

    [Fact]
    public void A_write_that_changes_nothing_a_screen_shows_tells_no_one()
    {
        var builder = Prepared();
        var state = builder.State;

        var change = WorkshopProjection.Change(state, state with { Version = state.Version + 1 });

        Assert.True(change.Facilitator.IsEmpty && change.Projector.IsEmpty && change.Participants.IsEmpty);
        Assert.Empty(change.Private);
    }

    /// <summary>Two participants, two notes by amina, in the contribution step.</summary>
    private static WorkshopBuilder Prepared()
    {
        var builder = new WorkshopBuilder().WithParticipant(Amina).WithParticipant("bruno", Presence.Remote);
        var amina = builder.ParticipantId(Amina);
        return builder.WithNote(amina, "Idée A").WithNote(amina, "Idée B");
    }

    private static (WorkshopState Before, Decision Decision) Sample(Func<WorkshopBuilder, WorkshopBuilder> prepare, Func<WorkshopBuilder, (Actor Actor, WorkshopCommand Command)> act)
    {
        var builder = prepare(Prepared());
        var (actor, command) = act(builder);
        return (builder.State, builder.Decide(actor, command));
    }

    private static (Actor, WorkshopCommand) Facilitator(WorkshopCommand command) => (Actor.Facilitator, command);

    private static WorkshopBuilder WithTheme(WorkshopBuilder builder) => builder.Facilitate(new CreateCluster("Lieux", [builder.NoteId("Idée A")]));

    private static WorkshopBuilder WithPoll(WorkshopBuilder builder) =>
        builder.Facilitate(new OpenVoteRound(VoteSetup.Poll("Quel créneau ?", ["Samedi matin", "Mardi soir"])));

    private static WorkshopBuilder WithRecommendations(WorkshopBuilder builder) => builder
        .Facilitate(new AddRecommendation("Ouvrir une salle le soir", null, [builder.NoteId("Idée A")]))
        .Facilitate(new AddRecommendation("Un lieu ressource", "Avec une permanence", []));

    private static string RecommendationId(WorkshopBuilder builder, int rank) => builder.State.Recommendations.Values.Single(r => r.Rank == rank).Id;

    private static string RoundId(WorkshopBuilder builder) => builder.State.Rounds.Values.MaxBy(r => r.Seq)!.Id;
}
