using CollectifLive.Clients;
using CollectifLive.Silo.Hosting;
using CollectifLive.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CollectifLive.Silo.Clients;

/// <summary>
/// The counts of one client address and of each browser (or hub connection) behind it, kept here so that every web
/// server counts against the same windows: N web servers do not multiply a limit by N. One call runs at a time, so a
/// check and its count are one step (a burst cannot slip between them).
/// Memory only, on purpose: counts are minutes old at most (an hour for joins), so a silo restart, or the grain moving
/// to another silo, simply starts them again from zero. The grain stays active a little longer than its longest
/// window, so idleness does not reset a count either.
/// </summary>
[CollectionAgeLimit(Minutes = 61)]
public sealed class ClientGrain(
    IOptions<ClientLimitOptions> options,
    ServiceAccess serviceAccess,
    [FromKeyedServices(Clocks.Domain)] TimeProvider clock) : Grain, IClientGrain
{
    /// <summary>Browsers remembered per address at most; beyond it, those with nothing left in their windows are forgotten.</summary>
    private const int BrowsersMax = 10_000;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly ClientLimitOptions _limits = options.Value;
    private readonly Dictionary<string, Browser> _browsers = [];
    private ActWindow? _creations;
    private ActWindow? _wrongCodes;
    private ActWindow? _joinsPerMinute;
    private ActWindow? _joinsPerHour;
    private ActWindow? _notes;

    private ActWindow Creations => _creations ??= new(_limits.WorkshopCreationsPerMinute, Minute);

    private ActWindow WrongCodes => _wrongCodes ??= new(_limits.WrongJoinCodesPerAddressPerMinute, Minute);

    private ActWindow JoinsPerMinute => _joinsPerMinute ??= new(_limits.JoinsPerAddressPerMinute, Minute);

    private ActWindow JoinsPerHour => _joinsPerHour ??= new(_limits.JoinsPerAddressPerHour, Hour);

    private ActWindow Notes => _notes ??= new(_limits.NotesPerAddressPerMinute, Minute);

    public Task<Admission> BeginCodeLookup(ServiceKey service, string browser)
    {
        Authorize(service);
        var now = clock.GetUtcNow();
        var mine = BrowserOf(browser, now);
        if (mine?.WrongCodes.Wait(now) is { } browserWait)
        {
            return Task.FromResult(new Admission(WorkshopError.TooManyJoinAttempts, mine.WrongCodes.Limit, browserWait));
        }

        if (WrongCodes.TryReserve(now) is { } addressWait)
        {
            return Task.FromResult(new Admission(WorkshopError.TooManyWrongCodesFromAddress, WrongCodes.Limit, addressWait));
        }

        mine?.WrongCodes.TryReserve(now);
        return Task.FromResult(Admission.Granted);
    }

    public Task EndCodeLookup(ServiceKey service, string browser, bool wrong)
    {
        Authorize(service);
        var now = clock.GetUtcNow();
        WrongCodes.Release(now, wrong);
        BrowserOf(browser, now)?.WrongCodes.Release(now, wrong);
        return Task.CompletedTask;
    }

    public Task<Admission> Count(ServiceKey service, ClientAct act, string browser)
    {
        Authorize(service);
        var now = clock.GetUtcNow();
        return Task.FromResult(act switch
        {
            ClientAct.WorkshopCreation => CountAll(now, WorkshopError.TooManyWorkshopCreations, Creations),
            ClientAct.Join => CountAll(now, WorkshopError.TooManyJoins, BrowserOf(browser, now)?.Joins, JoinsPerMinute, JoinsPerHour),
            ClientAct.Note => CountAll(now, WorkshopError.TooManyNotesPerMinute, Notes),
            _ => new Admission(WorkshopError.InvalidRequest),
        });
    }

    /// <summary>Counts the act in every window, or in none when one of them is at its limit.</summary>
    private static Admission CountAll(DateTimeOffset now, WorkshopError error, params ActWindow?[] windows)
    {
        foreach (var window in windows)
        {
            if (window?.Wait(now) is { } wait)
            {
                return new Admission(error, window.Limit, wait);
            }
        }

        foreach (var window in windows)
        {
            window?.TryCount(now);
        }

        return Admission.Granted;
    }

    /// <summary>The browser's windows; null when too many browsers are active at this address to follow one more (the address's own limits still hold).</summary>
    private Browser? BrowserOf(string browser, DateTimeOffset now)
    {
        if (_browsers.TryGetValue(browser, out var known))
        {
            return known;
        }

        if (_browsers.Count >= BrowsersMax)
        {
            foreach (var (id, idle) in _browsers.Where(pair => pair.Value.IsIdle(now)).ToList())
            {
                _browsers.Remove(id);
            }

            if (_browsers.Count >= BrowsersMax)
            {
                return null;
            }
        }

        var created = new Browser(new(_limits.WrongJoinCodesPerBrowserPerMinute, Minute), new(_limits.JoinsPerBrowserPerMinute, Minute));
        _browsers[browser] = created;
        return created;
    }

    private void Authorize(ServiceKey service)
    {
        if (!serviceAccess.Allows(service))
        {
            throw new UnauthorizedAccessException("Client counts need the service key.");
        }
    }

    private sealed record Browser(ActWindow WrongCodes, ActWindow Joins)
    {
        public bool IsIdle(DateTimeOffset now) => WrongCodes.IsIdle(now) && Joins.IsIdle(now);
    }
}
