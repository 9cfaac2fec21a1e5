using CollectifLive.Silo.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

public class OperationLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_remembered_operation_answers_with_its_first_result()
    {
        var log = new OperationLog([], capacity: 10, lifetime: TimeSpan.FromMinutes(5));
        var id = Guid.NewGuid();
        log.Add(new(id, "p1", T0, CommandResult.Accepted(7, "n7")));
        log.Add(new(id, "p1", T0, CommandResult.Accepted(8, "n8")));

        Assert.Equal(CommandResult.Accepted(7, "n7"), log.Find(id)!.Result);
        Assert.Null(log.Find(Guid.NewGuid()));
    }

    [Fact]
    public void The_log_forgets_the_oldest_beyond_its_capacity()
    {
        var log = new OperationLog([], capacity: 3, lifetime: TimeSpan.FromHours(1));
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            log.Add(new(id, "p1", T0.AddSeconds(i), CommandResult.Accepted(i)));
        }

        Assert.Equal(3, log.Count);
        Assert.Null(log.Find(ids[0]));
        Assert.NotNull(log.Find(ids[3]));
    }

    [Fact]
    public void The_log_forgets_operations_older_than_its_lifetime()
    {
        var log = new OperationLog([], capacity: 100, lifetime: TimeSpan.FromMinutes(5));
        var old = Guid.NewGuid();
        log.Add(new(old, "p1", T0, CommandResult.Accepted(1)));
        log.Add(new(Guid.NewGuid(), "p1", T0.AddMinutes(6), CommandResult.Accepted(2)));

        Assert.Null(log.Find(old));
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void A_stored_log_reloads_with_the_same_answers()
    {
        var log = new OperationLog([], capacity: 10, lifetime: TimeSpan.FromMinutes(5));
        var id = Guid.NewGuid();
        log.Add(new(id, "join:abc", T0, CommandResult.Accepted(3, "p3")));

        var reloaded = new OperationLog(log.ToImmutableArray(), capacity: 10, lifetime: TimeSpan.FromMinutes(5));

        Assert.Equal(new RememberedOperation(id, "join:abc", T0, CommandResult.Accepted(3, "p3")), reloaded.Find(id));
    }
}
