using System.ComponentModel.DataAnnotations;
using CollectifLive.Workshops;
using Microsoft.Extensions.Options;

namespace CollectifLive.Web.Workshops;

/// <summary>
/// The per-client rates of the <c>Limits</c> settings section. They default to the product's limits; a deployment (or a
/// test suite that creates hundreds of workshops from one address) may set its own.
/// </summary>
public sealed class ClientLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Workshops one client address may create per minute, through the pages or the API.</summary>
    [Range(1, int.MaxValue)]
    public int WorkshopCreationsPerMinute { get; set; } = Limits.WorkshopCreationsPerMinute;

    /// <summary>Wrong join codes one client address may try per minute.</summary>
    [Range(1, int.MaxValue)]
    public int JoinAttemptsPerMinute { get; set; } = Limits.JoinAttemptsPerMinute;
}

/// <summary>This web server's per-client rate limiters, one per kind of act.</summary>
public sealed class ClientLimits(IOptions<ClientLimitOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public ClientRateLimiter WorkshopCreations { get; } = new(clock, options.Value.WorkshopCreationsPerMinute, Minute);

    /// <summary>Wrong codes only: a whole room scanning the QR code behind one address is not an attack.</summary>
    public ClientRateLimiter WrongJoinCodes { get; } = new(clock, options.Value.JoinAttemptsPerMinute, Minute);

    /// <summary>Who asks, as the limiters name it: the connection's address.</summary>
    public static string ClientOf(HttpContext? http) => $"ip:{http?.Connection.RemoteIpAddress}";
}
