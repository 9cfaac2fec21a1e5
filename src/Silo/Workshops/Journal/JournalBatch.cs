using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Privacy;
using CollectifLive.Domain;

namespace CollectifLive.Silo.Workshops.Journal;

/// <summary>
/// What one write appends: the events of each command it holds, in order (each command moved the workshop one
/// version forward), and the operation ids answered with them, so a retry is recognised after a restart without the
/// whole log being rewritten every write. Stored as JSON, compressed, sealed with the workshop's key and bound to its
/// version, so an entry cannot be read with another key nor replayed in another place.
/// </summary>
public sealed record JournalBatch(DateTimeOffset At, ImmutableArray<ImmutableArray<WorkshopEvent>> Commands, ImmutableArray<RememberedOperation> Operations)
{
    /// <summary>The first byte of an entry: how the rest is written (1: Brotli-compressed JSON, then sealed).</summary>
    private const byte Format = 1;

    private const int NonceBytes = 12;

    private static readonly JsonSerializerOptions Json = new(JsonGrainStateSerializer.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NameEvents } },
    };

    /// <summary>The version the workshop reaches once the batch is applied to the version before it.</summary>
    public long VersionAfter(long before) => before + Commands.Length;

    /// <summary>The workshop once the batch is applied (each command's events at once, as the grain applied them).</summary>
    public WorkshopState? ApplyTo(WorkshopState? state)
    {
        foreach (var events in Commands)
        {
            state = Workshop.Apply(state, events);
        }

        return state;
    }

    public JournalEntry Seal(byte[] key, string workshopId, long version)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, this, Json);
        }

        var sealedContent = ContentCipher.Seal(key, Owner(workshopId, version), compressed.ToArray());
        return new JournalEntry(version, [Format, .. sealedContent.Nonce, .. sealedContent.Data]);
    }

    public static JournalBatch Open(byte[] key, string workshopId, JournalEntry entry)
    {
        if (entry.Data.Length <= 1 + NonceBytes || entry.Data[0] != Format)
        {
            throw new InvalidDataException($"Journal entry {entry.Version} of workshop {workshopId} is not in a known format.");
        }

        var content = new SealedContent(entry.Data[1..(1 + NonceBytes)], entry.Data[(1 + NonceBytes)..]);
        using var brotli = new BrotliStream(new MemoryStream(ContentCipher.Open(key, Owner(workshopId, entry.Version), content)), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<JournalBatch>(brotli, Json)
            ?? throw new InvalidDataException($"Journal entry {entry.Version} of workshop {workshopId} is empty.");
    }

    private static string Owner(string workshopId, long version) => $"{ContentKeys.WorkshopOwner(workshopId)}/journal/{version}";

    /// <summary>
    /// Each event is stored with its record's name, so that adding an event needs nothing here; renaming one would
    /// orphan what is stored (StoredShapeTests loads a journal written by an earlier version).
    /// </summary>
    private static void NameEvents(JsonTypeInfo type)
    {
        if (type.Type != typeof(WorkshopEvent))
        {
            return;
        }

        type.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$event" };
        foreach (var derived in typeof(WorkshopEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(WorkshopEvent)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            type.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(derived, derived.Name));
        }
    }
}
