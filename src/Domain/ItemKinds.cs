using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>
/// Every kind of item the screens show. Adding one here (and its field in <see cref="AudienceView"/> and
/// <see cref="AudienceDelta"/>) is all it takes for snapshots and changes to carry it to every audience.
/// </summary>
internal static class ItemKinds
{
    /// <summary>What an audience sees of a note also depends on the wall's settings (silent writing, wall shown).</summary>
    public static readonly ItemKind<Note, NoteView> Notes = new(
        s => s.Notes, n => n.Seq, WorkshopProjection.NoteFor, (s, _) => s.Settings);

    public static readonly ItemKind<Participant, ParticipantView> Roster = new(
        s => s.Participants, p => p.JoinedAt.UtcTicks, (_, p, audience) => WorkshopProjection.ParticipantFor(p, audience));

    public static readonly ItemKind<Cluster, ThemeView> Themes = new(
        s => s.Clusters, t => t.Seq, WorkshopProjection.ThemeFor, (s, _) => s.Settings.ParticipantsSeeWall);

    /// <summary>An open dot vote's items are the notes or themes it is on (a closed one keeps those it closed with).</summary>
    public static readonly ItemKind<VoteRound, VoteRoundView> Rounds = new(
        s => s.Rounds, r => r.Seq, WorkshopProjection.RoundFor, (s, r) => r is { Status: RoundStatus.Open, Setup.Kind: VoteKind.Dots }
            ? r.Setup.Target == VoteTarget.Notes ? (s.Notes, s.Settings) : s.Clusters
            : null);

    public static readonly ItemKind<Recommendation, RecommendationView> Recommendations = new(
        s => s.Recommendations, r => r.Rank, (_, r, _) => WorkshopProjection.RecommendationFor(r));
}
