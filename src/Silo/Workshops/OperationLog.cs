using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops;

/// <summary>An operation id, who sent it (a role and participant, or a hash of the key a join or creation brought), and its first answer.</summary>
public sealed record RememberedOperation(Guid Id, string Caller, DateTimeOffset At, CommandResult Result);

/// <summary>
/// The recent operation ids of a workshop, so a retried command gets its first answer instead of running twice
/// (DESIGN rule 4). Bounded in count and age; stored with the workshop.
/// </summary>
public sealed class OperationLog
{
    private readonly Dictionary<Guid, RememberedOperation> _byId = [];
    private readonly Queue<RememberedOperation> _order = new();
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;

    public OperationLog(IEnumerable<RememberedOperation> remembered, int capacity, TimeSpan lifetime)
    {
        _capacity = capacity;
        _lifetime = lifetime;
        foreach (var operation in remembered.OrderBy(o => o.At))
        {
            Remember(operation);
        }
    }

    public int Count => _byId.Count;

    public RememberedOperation? Find(Guid id) => _byId.GetValueOrDefault(id);

    public void Add(RememberedOperation operation)
    {
        while (_order.Count > 0 && (_order.Count >= _capacity || _order.Peek().At + _lifetime < operation.At))
        {
            _byId.Remove(_order.Dequeue().Id);
        }

        Remember(operation);
    }

    public ImmutableArray<RememberedOperation> ToImmutableArray() => [.. _order];

    private void Remember(RememberedOperation operation)
    {
        if (_byId.TryAdd(operation.Id, operation))
        {
            _order.Enqueue(operation);
        }
    }
}
