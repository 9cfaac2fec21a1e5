using CollectifLive.Testing;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;
using CollectifLive.Silo.Workshops.Journal;

namespace CollectifLive.Grains.Tests;

/// <summary>
/// Which workshop's writes fail, and how. A write may fail before it reaches storage, or land and still report a
/// failure (a timeout after the storage took it): the grain cannot tell the two apart and must be right in both.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock _gate = new();
    private string? _workshopId;
    private int _landingFailures;

    /// <summary>Simulated failures so far.</summary>
    public int Count { get; private set; }

    /// <summary>Every write of <paramref name="workshopId"/> fails until <see cref="Heal"/>; the first <paramref name="landing"/> of them land first.</summary>
    public void Break(string workshopId, int landing = 0)
    {
        lock (_gate)
        {
            (_workshopId, _landingFailures, Count) = (workshopId, landing, 0);
        }
    }

    public void Heal()
    {
        lock (_gate)
        {
            _workshopId = null;
        }
    }

    /// <summary>Null: write for real; false: fail before writing; true: write, then fail.</summary>
    internal bool? Next(string workshopId)
    {
        lock (_gate)
        {
            if (_workshopId is null || workshopId != _workshopId)
            {
                return null;
            }

            Count++;
            return _landingFailures-- > 0;
        }
    }
}

/// <summary>
/// The real journal (where every write of a workshop goes), made to fail as <see cref="StorageFaults"/> says: a fault
/// the tests cannot produce for real on demand.
/// </summary>
public sealed class SimulatedFaultyJournal(WorkshopJournal real, StorageFaults faults) : WorkshopJournal
{
    public override Task<JournalRead> Read(string workshopId, long afterVersion) => real.Read(workshopId, afterVersion);

    public override async Task<string> Append(string workshopId, string? head, JournalEntry entry)
    {
        var fault = faults.Next(workshopId);
        if (fault is true)
        {
            await real.Append(workshopId, head, entry);
        }

        if (fault is not null)
        {
            throw new TimeoutException($"Simulated storage failure ({(fault.Value ? "after" : "before")} writing).");
        }

        return await real.Append(workshopId, head, entry);
    }

    public override Task Compact(string workshopId, long throughVersion) => real.Compact(workshopId, throughVersion);

    public override Task Clear(string workshopId) => real.Clear(workshopId);
}

/// <summary>The grain test cluster on Azurite, its workshops' journal wrapped in <see cref="SimulatedFaultyJournal"/>.</summary>
public sealed class FaultyStorageClusterFixture : TestClusterFixture
{
    public StorageFaults Faults { get; } = new();

    protected override void ConfigureAfterStorage(ISiloBuilder silo)
    {
        var real = silo.Services.Last(d => d.ServiceType == typeof(WorkshopJournal));
        silo.Services.Remove(real);
        silo.Services.AddSingleton<WorkshopJournal>(services => new SimulatedFaultyJournal(
            real.ImplementationInstance as WorkshopJournal ?? (WorkshopJournal)real.ImplementationFactory!(services), Faults));
    }
}

[CollectionDefinition(Name)]
public sealed class FaultyStorageCollection : ICollectionFixture<FaultyStorageClusterFixture>
{
    public const string Name = "cluster with simulated storage faults";
}

/// <summary>
/// DESIGN rule 3 under failing writes: a command is acknowledged only once the write that holds it landed, and a retry
/// with its operation id lands it exactly once, whether the failed write had reached storage or not.
/// </summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class FaultyStorageTests(FaultyStorageClusterFixture fixture)
{
    private const int Notes = 5;

    private readonly Workshops _workshops = new(fixture.Client);

    [Fact]
    public async Task Notes_whose_write_fails_simulated_are_never_acknowledged_nor_shown_and_their_retries_land_once()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var operations = Enumerable.Range(0, Notes).Select(n => (Id: Guid.NewGuid(), Command: new AddNote("c1", $"idée {n}", NoteColour.Yellow))).ToList();

        fixture.Faults.Break(grain.GetPrimaryKeyString());
        var answers = await Task.WhenAll(operations.Select(o => grain.Execute(amina, o.Id, o.Command)));

        Assert.All(answers, answer => Assert.Equal(WorkshopError.StorageUnavailable, answer.Error));
        Assert.True(fixture.Faults.Count > 1, "the grain tries a failed write again before it refuses");
        Assert.Empty(await NotesOn(grain));

        fixture.Faults.Heal();
        await RetryUntilAccepted(grain, amina, operations);
        await RetryUntilAccepted(grain, amina, operations);
        Assert.Equal(operations.Select(o => o.Command.Text).Order(), (await NotesOn(grain)).Order());
    }

    [Fact]
    public async Task Notes_whose_write_landed_but_reported_a_failure_simulated_are_applied_once_when_retried()
    {
        var (grain, _) = await _workshops.Create();
        var amina = await Workshops.Join(grain, 1);
        var operations = Enumerable.Range(0, Notes).Select(n => (Id: Guid.NewGuid(), Command: new AddNote("c1", $"idée {n}", NoteColour.Yellow))).ToList();

        fixture.Faults.Break(grain.GetPrimaryKeyString(), landing: 1);
        var answers = await Task.WhenAll(operations.Select(o => grain.Execute(amina, o.Id, o.Command)));

        Assert.All(answers, answer => Assert.Equal(WorkshopError.StorageUnavailable, answer.Error));
        fixture.Faults.Heal();
        await RetryUntilAccepted(grain, amina, operations);
        await RetryUntilAccepted(grain, amina, operations);
        var notes = await NotesOn(grain);
        Assert.Equal(notes.Distinct().Order(), notes.Order());
        Assert.Equal(operations.Select(o => o.Command.Text).Order(), notes.Order());
    }

    /// <summary>What storage holds: read by the activation that follows the refusal (the grain deactivates after one).</summary>
    private static async Task<List<string>> NotesOn(IWorkshopGrain grain)
    {
        var sync = await grain.Sync(TestClusterFixture.Service, -1);
        return [.. sync.Snapshot!.Facilitator.Notes.Select(n => n.Text)];
    }

    /// <summary>Sends every operation again with its id, as a phone does, until each is accepted (the refused activation may still be leaving).</summary>
    private static async Task RetryUntilAccepted(IWorkshopGrain grain, Credential who, IEnumerable<(Guid Id, AddNote Command)> operations)
    {
        foreach (var (id, command) in operations)
        {
            await Eventually.Until(() => grain.Execute(who, id, command), result => result.IsAccepted, $"{command.Text} to be accepted on retry");
        }
    }
}
