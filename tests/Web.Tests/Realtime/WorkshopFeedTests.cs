using System.Collections.Concurrent;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Web.Tests.Realtime;

[Collection(ClusterCollection.Name)]
public class WorkshopFeedTests(TestClusterFixture fixture)
{
    private const string FacilitatorKey = "facilitator-key-0123456789-abcdefgh";

    private sealed class Listener : IFeedListener
    {
        public ConcurrentQueue<FeedUpdate> Updates { get; } = new();

        public void OnFeedUpdate(FeedUpdate update) => Updates.Enqueue(update);
    }

    private sealed class Recorder : IWorkshopObserver
    {
        public ConcurrentQueue<WorkshopChange> Changes { get; } = new();

        public Task OnChange(WorkshopChange change)
        {
            Changes.Enqueue(change);
            return Task.CompletedTask;
        }

        public Task OnDeleted() => Task.CompletedTask;
    }

    private async Task<(IWorkshopGrain Grain, Credential Participant)> NewWorkshop()
    {
        var grain = fixture.Client.GetGrain<IWorkshopGrain>("f" + Guid.NewGuid().ToString("N")[..13]);
        var created = await grain.Create(Guid.NewGuid(), new CreateWorkshop("Atelier", null, ["Idées"], null, FacilitatorKey, "projector-key-0123456789-abcdefghij"));
        Assert.True(created.IsAccepted);
        Assert.True((await grain.Execute(Credential.Facilitator(FacilitatorKey), Guid.NewGuid(), new SetPhase(Phase.Contribution))).IsAccepted);
        const string key = "participant-key-0001-0123456789abcdef";
        var joined = await grain.Join(Guid.NewGuid(), new JoinWorkshop("Amina", Presence.Room, key, created.Value!));
        return (grain, Credential.Participant(joined.Value!, key));
    }

    /// <summary>
    /// A started feed on a fake clock with a listener, whose workshop then forgot it, as a workshop reactivated elsewhere
    /// (after its silo died) would: the feed hears nothing more until it subscribes again.
    /// </summary>
    private async Task<(IWorkshopGrain Grain, Credential Participant, FakeTimeProvider Clock, Listener Listener, WorkshopFeed Feed)> ForgottenFeed()
    {
        var (grain, amina) = await NewWorkshop();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var feed = new WorkshopFeed(grain.GetPrimaryKeyString(), fixture.Client, TestClusterFixture.Service, clock, TestMetrics.Web, NullLogger.Instance);
        Assert.Equal(WorkshopError.None, await feed.Start());
        var listener = new Listener();
        feed.Add(listener);
        await grain.Unsubscribe(feed.Reference!);
        return (grain, amina, clock, listener, feed);
    }

    private static async Task<CommandResult> Post(IWorkshopGrain grain, Credential who, string text)
    {
        var result = await grain.Execute(who, Guid.NewGuid(), new AddNote("c1", text, NoteColour.Yellow));
        Assert.True(result.IsAccepted, result.Error.ToString());
        return result;
    }

    [Fact]
    public async Task Listeners_get_every_change_in_version_order_from_one_subscription()
    {
        var (grain, amina) = await NewWorkshop();
        var feeds = new WorkshopFeeds(fixture.Client, TestClusterFixture.Service, TimeProvider.System, TestMetrics.Web, NullLogger<WorkshopFeeds>.Instance);
        var first = new Listener();
        var second = new Listener();
        var (_, subscription1) = await feeds.Subscribe(grain.GetPrimaryKeyString(), first);
        var (_, subscription2) = await feeds.Subscribe(grain.GetPrimaryKeyString(), second);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Post(grain, amina, $"idée {i}")));
        var last = results.Max(r => r.Version);

        await Eventually.Until(() => first.Updates.Any(u => u.Version == last) && second.Updates.Any(u => u.Version == last), "both listeners to reach the last version");
        var versions = first.Updates.Select(u => u.Version).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(20, first.Updates.Last().Participants.Notes.Count);
        Assert.Same(first.Updates.Last(), second.Updates.Last());
        subscription1!.Dispose();
        subscription2!.Dispose();
        await feeds.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_workshop_is_reported_and_not_followed()
    {
        var feeds = new WorkshopFeeds(fixture.Client, TestClusterFixture.Service, TimeProvider.System, TestMetrics.Web, NullLogger<WorkshopFeeds>.Instance);
        var (error, subscription) = await feeds.Subscribe("does-not-exist", new Listener());
        Assert.Equal(WorkshopError.WorkshopNotFound, error);
        Assert.Null(subscription);
        Assert.Null(feeds.Current("does-not-exist"));
    }

    /// <summary>
    /// A started feed whose own subscription is dropped, and the real pushes of two notes recorded elsewhere, so the
    /// test decides which of them reach the feed, and in which order.
    /// </summary>
    private async Task<(WorkshopFeed Feed, Listener Listener, FakeTimeProvider Clock, WorkshopChange[] Pushes, long LastVersion)> FeedWithWithheldPushes()
    {
        var (grain, amina) = await NewWorkshop();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var feed = new WorkshopFeed(grain.GetPrimaryKeyString(), fixture.Client, TestClusterFixture.Service, clock, TestMetrics.Web, NullLogger.Instance);
        Assert.Equal(WorkshopError.None, await feed.Start());
        var listener = new Listener();
        var start = feed.Add(listener).Version;
        var recorder = new Recorder();
        var reference = fixture.Client.CreateObjectReference<IWorkshopObserver>(recorder);
        await grain.Subscribe(TestClusterFixture.Service, reference);
        await grain.Unsubscribe(feed.Reference!);
        await Post(grain, amina, "a");
        var last = await Post(grain, amina, "b");
        await Eventually.Until(() => recorder.Changes.Count == 2, "both real pushes");
        await grain.Unsubscribe(reference);
        fixture.Client.DeleteObjectReference<IWorkshopObserver>(reference);
        Assert.Equal(start + 2, last.Version);
        return (feed, listener, clock, [.. recorder.Changes.OrderBy(c => c.FromVersion)], last.Version);
    }

    [Fact]
    public async Task Lost_pushes_withheld_on_purpose_are_recovered_from_a_snapshot_after_the_gap_waits()
    {
        var (feed, listener, clock, pushes, last) = await FeedWithWithheldPushes();
        await using var _ = feed;

        await feed.OnChange(pushes[1]);
        Assert.Empty(listener.Updates);
        clock.Advance(WorkshopFeed.GapPatience);

        var resynced = await Eventually.Until(() => Task.FromResult(listener.Updates.LastOrDefault()), u => u?.Version == last, "a resync to the current version");
        Assert.True(resynced!.IsResync);
        Assert.Equal(2, resynced.Participants.Notes.Count);
        await feed.OnChange(pushes[0]);
        Assert.Single(listener.Updates);
    }

    [Fact]
    public async Task Pushes_that_arrive_out_of_order_are_applied_in_order_without_a_snapshot()
    {
        var (feed, listener, _, pushes, _) = await FeedWithWithheldPushes();
        await using var _ = feed;

        await feed.OnChange(pushes[1]);
        await feed.OnChange(pushes[0]);

        Assert.Equal([pushes[0].ToVersion, pushes[1].ToVersion], listener.Updates.Select(u => u.Version));
        Assert.All(listener.Updates, u => Assert.False(u.IsResync));
    }

    [Fact]
    public async Task A_renewal_that_finds_a_newer_version_pulls_a_snapshot()
    {
        var (grain, amina, clock, listener, feed) = await ForgottenFeed();
        await using var _ = feed;
        var posted = await Post(grain, amina, "pendant la coupure");
        clock.Advance(FeedTiming.RefreshInterval);

        var update = await Eventually.Until(() => Task.FromResult(listener.Updates.LastOrDefault()), u => u?.Version == posted.Version, "the renewal to catch up");
        Assert.True(update!.IsResync);
        var after = await Post(grain, amina, "après");
        await Eventually.Until(() => listener.Updates.Any(u => u.Version == after.Version && !u.IsResync), "pushes to flow again after the renewal");
    }

    [Fact]
    public async Task A_feed_told_its_silo_was_lost_subscribes_again_at_once_without_waiting_for_the_renewal()
    {
        // The clock stands still, so neither a renewal nor a catch-up can be what brings the feed back.
        var (grain, amina, _, listener, feed) = await ForgottenFeed();
        await using var _ = feed;
        var lost = await Post(grain, amina, "pendant la panne");

        await feed.Resubscribe();

        var update = await Eventually.Until(() => Task.FromResult(listener.Updates.LastOrDefault()), u => u?.Version == lost.Version, "the feed to subscribe again and resync");
        Assert.True(update!.IsResync);
        var after = await Post(grain, amina, "après la panne");
        await Eventually.Until(() => listener.Updates.Any(u => u.Version == after.Version && !u.IsResync), "pushes to flow again");
    }
}
