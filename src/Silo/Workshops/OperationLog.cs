using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops;

/// <summary>An operation id and the first answer it got.</summary>
public sealed record RememberedOperation(Guid Id, DateTimeOffset At, CommandResult Result);

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

    public bool TryGet(Guid id, out CommandResult result)
    {
        if (_byId.TryGetValue(id, out var operation))
        {
            result = operation.Result;
            return true;
        }

        result = null!;
        return false;
    }

    public void Add(Guid id, DateTimeOffset at, CommandResult result)
    {
        while (_order.Count > 0 && (_order.Count >= _capacity || _order.Peek().At + _lifetime < at))
        {
            _byId.Remove(_order.Dequeue().Id);
        }

        Remember(new RememberedOperation(id, at, result));
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
