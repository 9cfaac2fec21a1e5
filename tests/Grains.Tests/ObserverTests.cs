using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

public abstract class ObserverTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task An_observer_hears_every_durable_change_once_in_contiguous_versions()
    {
        var (grain, _) = await new Workshops(fixture.Client).Create();
        var recorder = new ChangeRecorder();
        var reference = fixture.Client.CreateObjectReference<IWorkshopObserver>(recorder);
        try
        {
            var from = await grain.Subscribe(TestClusterFixture.Service, reference);
            // Three people, ten notes each: one person's thirty at once would be over the pace of notes per minute.
            var authors = await Task.WhenAll(Enumerable.Range(1, 3).Select(n => Workshops.Join(grain, n)));
            var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => grain.Execute(authors[i % 3], Guid.NewGuid(), new AddNote("c1", $"idée {i}", NoteColour.Yellow))));
            var last = results.Max(r => r.Version);

            var changes = await recorder.After(from, last, "every change up to the last");
            Assert.Equal(from + 1, changes[0].FromVersion);
            for (var i = 1; i < changes.Count; i++)
            {
                Assert.Equal(changes[i - 1].ToVersion + 1, changes[i].FromVersion);
            }

            Assert.Equal(30, changes.Sum(c => c.Participants.Notes.Upserts.Length));
            Assert.All(changes.SelectMany(c => c.Participants.Notes.Upserts), n => Assert.Null(n.AuthorId));
        }
        finally
        {
            await grain.Unsubscribe(reference);
            fixture.Client.DeleteObjectReference<IWorkshopObserver>(reference);
        }
    }
}

[Collection(ClusterCollection.Name)]
public sealed class ObserverTestsOnAzureStorage(TestClusterFixture fixture) : ObserverTests(fixture);

[Collection(SqliteClusterCollection.Name)]
public sealed class ObserverTestsOnSqlite(SqliteTestClusterFixture fixture) : ObserverTests(fixture);
