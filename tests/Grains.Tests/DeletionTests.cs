using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CollectifLive.Silo.Privacy;
using CollectifLive.Silo.Workshops.Journal;
using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

/// <summary>
/// Deleting a workshop or an event, checked against what Azurite really keeps: its containers, its tables, and its
/// files on disk (where deleted blob bytes may linger in extents for minutes).
/// </summary>
public class DeletionTests(OnDiskTestClusterFixture fixture) : IClassFixture<OnDiskTestClusterFixture>
{
    private static readonly string[] Containers = ["workshops", "joincodes", "events"];

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task A_deleted_workshop_leaves_no_blob_no_row_and_nothing_readable_in_the_storage_files()
    {
        var emergence = Events.Atelier("Émergence");
        var numerique = Events.Atelier("Numérique");
        var (eventGrain, _) = await Events.Create(Grains, Events.Day(emergence, numerique));
        var workshop = Grains.GetGrain<IWorkshopGrain>(emergence.WorkshopId);
        var organiser = Credential.Facilitator(Events.OrganiserKey);
        Assert.True((await workshop.Execute(organiser, Guid.NewGuid(), new SetPhase(Phase.Contribution))).IsAccepted);
        var oldCode = await Workshops.CodeOf(workshop);
        Assert.True((await workshop.Execute(organiser, Guid.NewGuid(), new RotateJoinCode())).IsAccepted);
        var code = await Workshops.CodeOf(workshop);
        var amina = await Workshops.Join(workshop, 1);
        var secretText = $"Le banc cassé devant l'école Jules-Ferry {Guid.NewGuid():N}";
        Assert.True((await workshop.Execute(amina, Guid.NewGuid(), new AddNote("c1", secretText, NoteColour.Yellow))).IsAccepted);
        var observer = new ChangeRecorder();
        await workshop.Subscribe(TestClusterFixture.Service, Grains.CreateObjectReference<IWorkshopObserver>(observer));

        // Before: the workshop is in storage (its journal: no snapshot is due yet), but its text is nowhere in clear;
        // its key is, in the keys' table.
        var rows = await RowsNaming(emergence.WorkshopId);
        Assert.Contains(rows, row => row.StartsWith(TableWorkshopJournal.TableName + "/", StringComparison.Ordinal));
        Assert.NotEmpty(await BlobsNaming(oldCode));
        Assert.NotEmpty(await BlobsNaming(code));
        Assert.Contains(rows, row => row.Contains("eminder", StringComparison.Ordinal));
        var key = await KeyOf(ContentKeys.WorkshopOwner(emergence.WorkshopId));
        Assert.NotNull(key);
        var keyText = Convert.ToBase64String(key);
        await Eventually.Until(() => fixture.FilesContaining(keyText).Count > 0, "the key in Azurite's table file (proves the search reads it)", TimeSpan.FromSeconds(60));
        Assert.Empty(fixture.FilesContaining(secretText));

        // A participant's or the projector's key cannot delete it.
        Assert.Equal(WorkshopError.NotAllowedForRole, (await workshop.Delete(Credential.Projector(Events.OrganiserProjectorKey))).Error);
        Assert.Equal(WorkshopError.NotAllowedForRole, (await workshop.Delete(amina)).Error);
        Assert.Equal(WorkshopError.AccessDenied, (await workshop.Delete(Credential.Facilitator(numerique.FacilitatorSecret))).Error);

        var deleted = await workshop.Delete(Credential.Facilitator(emergence.FacilitatorSecret));
        Assert.True(deleted.IsAccepted, deleted.Error.ToString());
        Assert.Equal(eventGrain.GetPrimaryKeyString(), deleted.Value);
        await eventGrain.Forget(emergence.WorkshopId);

        // Gone for every caller and every screen.
        await Eventually.Until(() => observer.Deletions == 1, "the feed told of the deletion");
        Assert.False(await workshop.Exists());
        Assert.Equal(WorkshopError.WorkshopNotFound, (await workshop.Access(Credential.Facilitator(emergence.FacilitatorSecret))).Error);
        Assert.Equal(WorkshopError.WorkshopNotFound, (await workshop.Execute(amina, Guid.NewGuid(), new AddNote("c1", "Encore ?", NoteColour.Yellow))).Error);
        Assert.Equal(WorkshopError.WorkshopNotFound, (await workshop.Sync(TestClusterFixture.Service, -1)).Error);
        Assert.Null(await Grains.GetGrain<CollectifLive.JoinCodes.IJoinCodeGrain>(code).Resolve());
        Assert.Equal([numerique.WorkshopId], (await eventGrain.View(Events.OrganiserKey)).View!.WorkshopIds.AsEnumerable());

        // Nothing of it in any container or table, and its key is gone from Azurite's files: the bytes that linger
        // in blob extents can no longer be read.
        Assert.Empty(await BlobsNaming(emergence.WorkshopId));
        Assert.Empty(await BlobsNaming(oldCode));
        Assert.Empty(await BlobsNaming(code));
        Assert.Null(await KeyOf(ContentKeys.WorkshopOwner(emergence.WorkshopId)));
        Assert.Empty(await RowsNaming(emergence.WorkshopId));
        await Eventually.Until(() => fixture.FilesContaining(keyText).Count == 0, "the destroyed key gone from Azurite's files", TimeSpan.FromSeconds(60));
        Assert.Empty(fixture.FilesContaining(secretText));

        // The neighbour workshop is untouched.
        Assert.True(await Grains.GetGrain<IWorkshopGrain>(numerique.WorkshopId).Exists());
    }

    [Fact]
    public async Task A_deleted_event_takes_its_workshops_with_it()
    {
        var emergence = Events.Atelier("Émergence");
        var numerique = Events.Atelier("Numérique");
        var (eventGrain, view) = await Events.Create(Grains, Events.Day(emergence, numerique));
        var eventId = view.EventId;
        var dayCode = view.DayCode!;
        Assert.NotEmpty(await BlobsNaming(dayCode));

        Assert.Equal(WorkshopError.AccessDenied, (await eventGrain.Delete(emergence.FacilitatorSecret)).Error);
        Assert.True((await eventGrain.Delete(Events.OrganiserKey)).IsAccepted);

        Assert.Equal(WorkshopError.EventNotFound, (await eventGrain.View(Events.OrganiserKey)).Error);
        foreach (var id in new[] { eventId, emergence.WorkshopId, numerique.WorkshopId, dayCode })
        {
            Assert.Empty(await BlobsNaming(id));
            Assert.Empty(await RowsNaming(id));
        }

        Assert.False(await Grains.GetGrain<IWorkshopGrain>(emergence.WorkshopId).Exists());
        Assert.Null(await KeyOf(ContentKeys.EventOwner(eventId)));
    }

    private async Task<List<string>> BlobsNaming(string id)
    {
        var service = new BlobServiceClient(fixture.Azurite.ConnectionString);
        var found = new List<string>();
        await foreach (var container in service.GetBlobContainersAsync())
        {
            await foreach (var blob in service.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                if (blob.Name.Contains(id, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{container.Name}/{blob.Name}");
                }
            }
        }

        Assert.Subset(Containers.ToHashSet(), found.Select(f => f.Split('/')[0]).ToHashSet());
        return found;
    }

    /// <summary>Rows of every table whose keys name <paramref name="id"/>.</summary>
    private async Task<List<string>> RowsNaming(string id)
    {
        var service = new TableServiceClient(fixture.Azurite.ConnectionString);
        var found = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey.Contains(id, StringComparison.OrdinalIgnoreCase) || row.RowKey.Contains(id, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        return found;
    }

    private async Task<byte[]?> KeyOf(string owner) =>
        await new TableContentKeys(new TableServiceClient(fixture.Azurite.ConnectionString)).Find(owner);
}
