namespace CollectifLive.Workshops;

/// <summary>How long a feed subscription lives in the grain, and how often a feed renews it (well inside that).</summary>
public static class FeedTiming
{
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
}
