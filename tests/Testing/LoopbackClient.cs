using System.Net;
using System.Net.Sockets;

namespace CollectifLive.Testing;

/// <summary>
/// HTTP clients whose connections come from their own loopback address (127.0.0.2, 127.0.0.3, …), as other machines'
/// would: a limit kept per address counts each apart from every other test, whatever ran before it.
/// </summary>
public static class LoopbackClient
{
    private static int _lastHost = 1;

    /// <summary>A client from a loopback address that no other client of this process has used.</summary>
    public static HttpClient FromNewAddress(string baseUrl) => new(HandlerFrom(NewAddress())) { BaseAddress = new Uri(baseUrl) };

    /// <summary>A loopback address that no other client of this process has used.</summary>
    public static IPAddress NewAddress()
    {
        var host = Interlocked.Increment(ref _lastHost);
        if (host > 254)
        {
            throw new InvalidOperationException("No loopback address left for a new client.");
        }

        return new IPAddress([127, 0, 0, (byte)host]);
    }

    /// <summary>A handler whose connections come from <paramref name="source"/>, keeping cookies as a browser does.</summary>
    public static SocketsHttpHandler HandlerFrom(IPAddress source) =>
        new()
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
}
