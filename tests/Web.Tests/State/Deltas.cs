using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.State;

/// <summary>Builds the deltas and own slices the grain pushes, for tests of what the web side does with them.</summary>
public static class Deltas
{
    public static readonly ImmutableDictionary<string, OwnBallot> NoBallots = ImmutableDictionary<string, OwnBallot>.Empty;

    public static AudienceDelta Notes(params NoteView[] notes) => AudienceDelta.Empty with { Notes = new Changes<NoteView>([.. notes], []) };

    public static AudienceDelta RemovedNotes(params string[] ids) => AudienceDelta.Empty with { Notes = new Changes<NoteView>([], [.. ids]) };

    public static AudienceDelta Rounds(ImmutableArray<VoteRoundView> rounds, ImmutableArray<string> removed) =>
        AudienceDelta.Empty with { Rounds = new Changes<VoteRoundView>(rounds, removed) };

    public static OwnDelta OwnNotes(string participantId, params NoteView[] notes) =>
        new(participantId, null, new Changes<NoteView>([.. notes], []), Changes.None<OwnBallot>());

    public static OwnDelta OwnBallots(string participantId, params OwnBallot[] ballots) =>
        new(participantId, null, Changes.None<NoteView>(), new Changes<OwnBallot>([.. ballots], []));

    /// <summary>Ballots withdrawn (or their rounds discarded).</summary>
    public static OwnDelta Withdrawn(string participantId, params string[] roundIds) =>
        new(participantId, null, Changes.None<NoteView>(), new Changes<OwnBallot>([], [.. roundIds]));

    public static ImmutableDictionary<string, OwnBallot> Stored(params OwnBallot[] ballots) => ballots.ToImmutableDictionary(b => b.RoundId);

    public static AudienceView View(Audience audience, WorkshopHeader header, ImmutableArray<NoteView> notes = default, ImmutableArray<VoteRoundView> rounds = default) =>
        new(audience, header, notes.IsDefault ? [] : notes, [], [], rounds.IsDefault ? [] : rounds, []);
}
