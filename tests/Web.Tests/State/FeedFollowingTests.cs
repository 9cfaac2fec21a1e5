using System.Collections.Concurrent;
using System.Globalization;
using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CollectifLive.Web.Tests.State;

/// <summary>The one feed a circuit follows: its updates reach the store in the circuit's language, and it is let go.</summary>
[Collection(ClusterCollection.Name)]
public class FeedFollowingTests(TestClusterFixture fixture)
{
    /// <summary>Records each update with the UI culture it was dispatched in.</summary>
    private sealed class CultureRecorder : IDispatcher
    {
        public ConcurrentQueue<(FeedUpdate Update, string Culture)> Updates { get; } = new();

        public void Dispatch(IAction action)
        {
            if (action is FeedUpdated updated)
            {
                Updates.Enqueue((updated.Update, CultureInfo.CurrentUICulture.Name));
            }
        }
    }

    [Fact]
    public async Task Updates_reach_the_store_in_the_language_the_circuit_was_opened_in()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var amina = await workshop.Join("Amina");
        var circuitCulture = CultureInfo.CurrentUICulture;
        FeedFollowing following;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            following = new FeedFollowing(workshop.Feeds);
        }
        finally
        {
            CultureInfo.CurrentUICulture = circuitCulture;
        }

        var recorder = new CultureRecorder();
        Assert.NotNull(await following.Follow(workshop.Id, recorder));
        await workshop.Post(amina, "Un café associatif");

        await Eventually.Until(() => !recorder.Updates.IsEmpty, "the note's update");
        Assert.All(recorder.Updates, u => Assert.Equal("en", u.Culture));
        following.Dispose();
    }

    [Fact]
    public async Task A_workshop_that_cannot_be_followed_is_reported_to_the_store()
    {
        await using var workshop = await TestWorkshop.Create(fixture);
        var recorder = new StoreRecorder(effects: null);
        using var following = new FeedFollowing(workshop.Feeds);

        Assert.Null(await following.Follow("unknownworksho", recorder.Store));

        Assert.Equal(new Notice(CollectifLive.Workshops.WorkshopError.WorkshopNotFound), recorder.Reduced<WorkshopUnavailable>().Single().Notice);
    }

    [Fact]
    public async Task Stopping_lets_the_feed_go_and_a_subscription_that_arrives_after_the_circuit_ended_is_let_go_at_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var workshop = await TestWorkshop.Create(fixture, clock);
        var stopped = new FeedFollowing(workshop.Feeds);
        var ended = new FeedFollowing(workshop.Feeds);
        var recorder = new CultureRecorder();

        Assert.NotNull(await stopped.Follow(workshop.Id, recorder));
        ended.Dispose();
        Assert.Null(await ended.Follow(workshop.Id, recorder));
        stopped.Stop();

        // A feed without listeners is closed after its grace: it would stay open if either had kept its place.
        await Eventually.Until(
            () =>
            {
                clock.Advance(WorkshopFeeds.IdleGrace);
                return workshop.Feeds.Current(workshop.Id) is null;
            },
            "the feed to close once nobody follows it");
    }
}
