using System.Collections.Immutable;

namespace CollectifLive.Testing;

/// <summary>Ballots as a participant would fill them, for the vote tests and the vote-burst benchmark.</summary>
public static class DotBallots
{
    /// <summary>The whole budget spread at random over the items, at most the cap on one.</summary>
    public static ImmutableDictionary<string, int> FullBudget(Random random, IReadOnlyList<string> items, int budget, int cap)
    {
        var marks = new Dictionary<string, int>();
        while (marks.Values.Sum() < budget)
        {
            var item = items[random.Next(items.Count)];
            if (marks.GetValueOrDefault(item) < cap)
            {
                marks[item] = marks.GetValueOrDefault(item) + 1;
            }
        }

        return marks.ToImmutableDictionary();
    }
}
