using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>The ballot a phone shows and sends: the draft on its way, else the ballot stored, on the items there are now.</summary>
public static class Ballots
{
    private static readonly ImmutableDictionary<string, int> None = ImmutableDictionary<string, int>.Empty;

    /// <summary>The participant's stored ballot for a round, if any.</summary>
    public static ImmutableDictionary<string, int>? Stored(OwnModel? own, string roundId) => own?.Ballots.GetValueOrDefault(roundId)?.Marks;

    /// <summary>
    /// The marks to show for a round: the draft while it travels, else the stored ballot. Marks on items that are
    /// gone (a note hidden since) are left out, so the next ballot sent does not carry them.
    /// </summary>
    public static ImmutableDictionary<string, int> Current(WorkshopSessionState state, VoteRoundView round)
    {
        var marks = state.Ballot is { } draft && draft.RoundId == round.Id ? draft.Marks : Stored(state.Own, round.Id) ?? None;
        return round.Setup.Kind == VoteKind.WordCloud ? marks : [.. marks.Where(m => m.Value > 0 && round.Items.Any(i => i.Id == m.Key))];
    }

    /// <summary>Applies a tap to the open round's current ballot; a tap the rules would refuse changes nothing.</summary>
    public static WorkshopSessionState Edit(
        WorkshopSessionState state,
        string roundId,
        Func<VoteRoundView, ImmutableDictionary<string, int>, ImmutableDictionary<string, int>?> edit)
    {
        if (state.Shared?.Rounds.GetValueOrDefault(roundId) is not { Status: RoundStatus.Open } round
            || edit(round, Current(state, round)) is not { } marks)
        {
            return state;
        }

        return state with { Ballot = new BallotDraft(roundId, marks, false), Notice = null };
    }

    /// <summary>One dot more or less on an item, within the per-item cap and the budget.</summary>
    public static ImmutableDictionary<string, int>? Step(VoteRoundView round, ImmutableDictionary<string, int> marks, string itemId, int step)
    {
        var dots = marks.GetValueOrDefault(itemId) + Math.Sign(step);
        if (round.Setup.Kind != VoteKind.Dots || round.Items.All(i => i.Id != itemId) || dots < 0 || dots > round.Setup.DotCap
            || (step > 0 && marks.Values.Sum() >= round.Setup.DotBudget))
        {
            return null;
        }

        return dots == 0 ? marks.Remove(itemId) : marks.SetItem(itemId, dots);
    }

    /// <summary>An option ticked or unticked: a single-choice poll, a scale or a consent round keeps only the last one ticked.</summary>
    public static ImmutableDictionary<string, int>? Toggle(VoteRoundView round, ImmutableDictionary<string, int> marks, string itemId)
    {
        if (round.Setup.Kind is not (VoteKind.Poll or VoteKind.Scale or VoteKind.Consent) || round.Items.All(i => i.Id != itemId))
        {
            return null;
        }

        var multiple = round.Setup.Kind == VoteKind.Poll && round.Setup.MultipleChoice;
        return marks.TryGetValue(itemId, out _) ? marks.Remove(itemId)
            : multiple ? marks.SetItem(itemId, 1)
            : None.Add(itemId, 1);
    }

    /// <summary>
    /// A saved draft gives way to the stored ballot once the own slice holds it, or holds another one (set from another
    /// device): from then on the phone shows what is stored.
    /// </summary>
    public static BallotDraft? AfterOwnChange(BallotDraft? draft, OwnModel? before, OwnModel? after)
    {
        if (draft is not { Saved: true } || after is null)
        {
            return draft;
        }

        var stored = Stored(after, draft.RoundId);
        return VoteMarks.Same(stored ?? None, draft.Marks) || !ReferenceEquals(Stored(before, draft.RoundId), stored) ? null : draft;
    }
}
