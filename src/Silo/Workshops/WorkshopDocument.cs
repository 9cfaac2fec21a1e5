using System.Collections.Immutable;
using CollectifLive.Silo.Workshops.Domain;

namespace CollectifLive.Silo.Workshops;

/// <summary>What one storage write holds: the workshop and the operation ids already answered.</summary>
public sealed class WorkshopDocument
{
    /// <summary>Raised when the stored shape changes in a way that needs a migration on read.</summary>
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public WorkshopState? State { get; init; }

    public ImmutableArray<RememberedOperation> Operations { get; init; } = [];
}
