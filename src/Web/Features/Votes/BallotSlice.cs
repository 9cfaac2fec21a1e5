using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Features.Votes;

/// <summary>
/// What a phone's ballot shows. Equal when it shows the same thing: the round's items compared by content (each push
/// brings new arrays), the marks by content.
/// </summary>
public sealed record BallotSlice(
    VoteRoundView Round, ImmutableDictionary<string, int> Marks, ImmutableDictionary<string, int>? Stored, bool Sending, bool Projected, string? StoredReason = null)
{
    public bool Equals(BallotSlice? other) =>
        other is not null
        && Round.Id == other.Round.Id
        && Round.Status == other.Round.Status
        && Round.Setup == other.Round.Setup
        && Round.Voters == other.Round.Voters
        && Round.Items.SequenceEqual(other.Round.Items)
        && SameTallies(Round.Results, other.Round.Results)
        && VoteMarks.Same(Marks, other.Marks)
        && (Stored is null ? other.Stored is null : other.Stored is not null && VoteMarks.Same(Stored, other.Stored))
        && Sending == other.Sending
        && Projected == other.Projected
        && StoredReason == other.StoredReason;

    public override int GetHashCode() => HashCode.Combine(Round.Id, Round.Status, Marks.Count, Sending, Projected);

    private static bool SameTallies(VoteResults? a, VoteResults? b) =>
        a is null ? b is null : b is not null && a.Tallies.SequenceEqual(b.Tallies);
}
