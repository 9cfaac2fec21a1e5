using System.Collections.Immutable;
using System.Text.Json;
using CollectifLive.Domain;
using CollectifLive.Silo.Hosting;
using CollectifLive.Silo.Privacy;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops;

/// <summary>
/// A snapshot of a workshop: its whole state at one version and the operation ids answered up to it, sealed with the
/// workshop's own key (<see cref="Sealed"/>); the journal holds what came after it (<see cref="Journal.WorkshopJournal"/>).
/// A document stored before the journal (schema 2) is the same thing with nothing after it, and one stored before
/// sealing existed holds them in clear.
/// </summary>
public sealed class WorkshopDocument
{
    /// <summary>
    /// Raised when the stored shape changes in a way that needs a migration on read. 2: workshops have steps; one
    /// stored before (schema 1) was taking notes, so it comes back in the contribution step. 3: the document is a
    /// snapshot and a journal may follow it (nothing to migrate: a schema 2 document is a snapshot with no journal).
    /// </summary>
    public const int CurrentSchema = 3;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>The stored workshop brought up to the current shape.</summary>
    public WorkshopState? UpgradedState()
    {
        var state = State?.Upgraded();
        return state is not null && Schema < 2 ? state with { Phase = Phase.Contribution } : state;
    }

    public WorkshopState? State { get; init; }

    public ImmutableArray<RememberedOperation> Operations { get; init; } = [];

    public SealedContent? Sealed { get; init; }

    /// <summary>When the workshop last changed, for the retention period; null in what was stored before it was kept.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>This document as storage should hold it: its content sealed with <paramref name="key"/>.</summary>
    public WorkshopDocument SealWith(byte[] key, string workshopId) => new()
    {
        Schema = Schema,
        Sealed = ContentCipher.Seal(key, ContentKeys.WorkshopOwner(workshopId), JsonSerializer.SerializeToUtf8Bytes(this, JsonGrainStateSerializer.Options)),
    };

    /// <summary>The content of a sealed document (a document in clear is its own content).</summary>
    public WorkshopDocument OpenWith(byte[] key, string workshopId) =>
        Sealed is { } content
            ? JsonSerializer.Deserialize<WorkshopDocument>(ContentCipher.Open(key, ContentKeys.WorkshopOwner(workshopId), content), JsonGrainStateSerializer.Options)!
            : this;
}
