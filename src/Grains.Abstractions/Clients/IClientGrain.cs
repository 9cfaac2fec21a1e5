using CollectifLive.Workshops;

namespace CollectifLive.Clients;

/// <summary>
/// One client address's counts (DESIGN rule 6), shared by every web server: what that address, and each browser or
/// connection behind it, did in the last minute or hour. Keyed by the address (<c>ip:…</c>). The counts live in the
/// grain's memory only: a silo restart (or the grain moving to another silo) starts them again from zero.
/// </summary>
[Alias("cl.IClientGrain")]
public interface IClientGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds a place for a typed code about to be looked up by <paramref name="browser"/> (a browser or a hub
    /// connection): refused when that browser's, or the address's, wrong codes plus lookups in flight reach their limit.
    /// </summary>
    [Alias("BeginCodeLookup")]
    Task<Admission> BeginCodeLookup(ServiceKey service, string browser);

    /// <summary>Ends a lookup begun with <see cref="BeginCodeLookup"/>: only a wrong code counts.</summary>
    [Alias("EndCodeLookup")]
    Task EndCodeLookup(ServiceKey service, string browser, bool wrong);

    /// <summary>Counts an act of <paramref name="browser"/> at this address, unless one of their limits is reached.</summary>
    [Alias("Count")]
    Task<Admission> Count(ServiceKey service, ClientAct act, string browser);
}
