using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CollectifLive.Web.Workshops;

/// <summary>
/// Who asks, as the per-client limits count them: the address (a whole room behind one NAT shares it) and the browser
/// or hub connection behind it (one person). The limits themselves live in the silo's client grains.
/// </summary>
public sealed record Client(string Address, string Browser)
{
    /// <summary>The cookie that tells one browser from its neighbours on pages rendered without a live connection.</summary>
    public const string BrowserCookie = "cl-nav";

    /// <summary>An IPv6 client is counted by its /64, the block one machine or one home usually has whole.</summary>
    private const int Ipv6PrefixBytes = 8;

    /// <summary>A hub connection: the connection is the browser.</summary>
    public static Client OfConnection(HttpContext? http, string connectionId) => new(AddressOf(http), $"cx:{connectionId}");

    /// <summary>
    /// A live circuit: the circuit is the browser. A circuit whose address is unknown counts alone, rather than in one
    /// bucket with every other such circuit.
    /// </summary>
    public static Client OfCircuit(HttpContext? http, string circuitId) =>
        new(http?.Connection.RemoteIpAddress is null ? $"unknown:{circuitId}" : AddressOf(http), $"circuit:{circuitId}");

    /// <summary>A page rendered per request: the browser is told apart by a session cookie, set on its first visit.</summary>
    public static Client OfPage(HttpContext http)
    {
        if (http.Request.Cookies[BrowserCookie] is not { Length: 22 } browser)
        {
            browser = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            http.Response.Cookies.Append(BrowserCookie, browser, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
        }

        return new Client(AddressOf(http), $"nav:{browser}");
    }

    /// <summary>The address the limits count for a request: <c>ip:…</c>.</summary>
    public static string AddressOf(HttpContext? http)
    {
        var ip = http?.Connection.RemoteIpAddress;
        if (ip is { IsIPv4MappedToIPv6: true })
        {
            ip = ip.MapToIPv4();
        }

        if (ip is { AddressFamily: AddressFamily.InterNetworkV6 })
        {
            var bytes = ip.GetAddressBytes();
            Array.Clear(bytes, Ipv6PrefixBytes, bytes.Length - Ipv6PrefixBytes);
            ip = new IPAddress(bytes);
        }

        return $"ip:{ip}";
    }
}
