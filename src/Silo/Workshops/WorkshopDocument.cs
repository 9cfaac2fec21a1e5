using System.Collections.Immutable;
using CollectifLive.Silo.Workshops.Domain;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops;

/// <summary>What one storage write holds: the workshop and the operation ids already answered.</summary>
public sealed class WorkshopDocument
{
    /// <summary>
    /// Raised when the stored shape changes in a way that needs a migration on read. 2: workshops have steps; one
    /// stored before (schema 1) was taking notes, so it comes back in the contribution step.
    /// </summary>
    public const int CurrentSchema = 2;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>The stored workshop brought up to the current shape.</summary>
    public WorkshopState? UpgradedState()
    {
        var state = State?.Upgraded();
        return state is not null && Schema < 2 ? state with { Phase = Phase.Contribution } : state;
    }

    public WorkshopState? State { get; init; }

    public ImmutableArray<RememberedOperation> Operations { get; init; } = [];
}
