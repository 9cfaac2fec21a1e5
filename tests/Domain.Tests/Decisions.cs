using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>The two outcomes that change nothing: a refusal, and an accepted command with nothing to do.</summary>
internal static class Decisions
{
    public static void AssertRefused(WorkshopError expected, Decision decision, int? limit = null)
    {
        Assert.Equal(expected, decision.Error);
        Assert.False(decision.IsAccepted);
        Assert.Empty(decision.Events);
        Assert.Equal(limit, decision.Limit);
    }

    /// <summary>Accepted, no events, and applying it leaves the state and its version as they were.</summary>
    public static void AssertUnchanged(WorkshopState state, Decision decision)
    {
        Assert.Equal(WorkshopError.None, decision.Error);
        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Events);
        var after = Workshop.Apply(state, decision.Events);
        Assert.Same(state, after);
        Assert.Equal(state.Version, after.Version);
    }
}
