using CollectifLive.Silo.Workshops;
using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

public class OperationLogTests
{
    private static readonly DateTimeOffset T0 = WorkshopBuilder.Now;

    [Fact]
    public void A_remembered_operation_answers_with_its_first_result()
    {
        var log = new OperationLog([], capacity: 10, lifetime: TimeSpan.FromMinutes(5));
        var id = Guid.NewGuid();
        log.Add(id, T0, CommandResult.Accepted(7, "n7"));
        log.Add(id, T0, CommandResult.Accepted(8, "n8"));

        Assert.True(log.TryGet(id, out var result));
        Assert.Equal(CommandResult.Accepted(7, "n7"), result);
        Assert.False(log.TryGet(Guid.NewGuid(), out _));
    }

    [Fact]
    public void The_log_forgets_the_oldest_beyond_its_capacity()
    {
        var log = new OperationLog([], capacity: 3, lifetime: TimeSpan.FromHours(1));
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            log.Add(id, T0.AddSeconds(i), CommandResult.Accepted(i));
        }

        Assert.Equal(3, log.Count);
        Assert.False(log.TryGet(ids[0], out _));
        Assert.True(log.TryGet(ids[3], out _));
    }

    [Fact]
    public void The_log_forgets_operations_older_than_its_lifetime()
    {
        var log = new OperationLog([], capacity: 100, lifetime: TimeSpan.FromMinutes(5));
        var old = Guid.NewGuid();
        log.Add(old, T0, CommandResult.Accepted(1));
        log.Add(Guid.NewGuid(), T0.AddMinutes(6), CommandResult.Accepted(2));

        Assert.False(log.TryGet(old, out _));
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void A_stored_log_reloads_with_the_same_answers()
    {
        var log = new OperationLog([], capacity: 10, lifetime: TimeSpan.FromMinutes(5));
        var id = Guid.NewGuid();
        log.Add(id, T0, CommandResult.Accepted(3, "p3"));

        var reloaded = new OperationLog(log.ToImmutableArray(), capacity: 10, lifetime: TimeSpan.FromMinutes(5));

        Assert.True(reloaded.TryGet(id, out var result));
        Assert.Equal("p3", result.Value);
    }
}
