using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace CollectifLive.Bench;

/// <summary>Called with each SignalR record (without its separator) and the moment its WebSocket message ended.</summary>
internal delegate void RecordHandler(RawHubConnection connection, ReadOnlySpan<byte> record, long receivedAt);

/// <summary>
/// A SignalR client reduced to what a listener needs, on a bare WebSocket with the JSON protocol: the handshake, one
/// join, keep-alive pings, and every record handed over as raw bytes. A listener process holds hundreds of them, so
/// receiving a push costs a scan of its bytes, not a deserialisation.
/// </summary>
internal sealed class RawHubConnection : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly RecordHandler _handler;
    private TaskCompletionSource<bool>? _join;
    private Task _receiving = Task.CompletedTask;

    private RawHubConnection(RecordHandler handler) => _handler = handler;

    public bool Joined { get; private set; }

    /// <summary>When the answer to the join arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    public long JoinAnsweredAt { get; private set; }

    public static async Task<RawHubConnection> Open(Uri hub, RecordHandler handler, CancellationToken cancellation)
    {
        var connection = new RawHubConnection(handler);
        try
        {
            await connection._socket.ConnectAsync(hub, cancellation);
            await connection.Send("""{"protocol":"json","version":1}""");
            var handshake = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection._receiving = connection.Receive(handshake);
            var answer = await handshake.Task.WaitAsync(cancellation);
            return answer == "{}" ? connection : throw new InvalidOperationException($"handshake refused: {answer}");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends the join invocation; true once answered without an error.</summary>
    public async Task<bool> Join(string arguments)
    {
        _join = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Send($$"""{"type":1,"invocationId":"j","target":"Join","arguments":[{{arguments}}]}""");
        Joined = await _join.Task;
        return Joined;
    }

    public Task Ping() => Send("""{"type":6}""");

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        await _receiving;
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task Send(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message + (char)RecordSeparator);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task Receive(TaskCompletionSource<string> handshake)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var receivedAt = Stopwatch.GetTimestamp();
                var rest = buffer.AsSpan(0, filled);
                for (var end = rest.IndexOf(RecordSeparator); end >= 0; end = rest.IndexOf(RecordSeparator))
                {
                    OnRecord(rest[..end], receivedAt, handshake);
                    rest = rest[(end + 1)..];
                }

                filled = 0;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The connection ended (closed by us, or the server went away): what it received is already counted.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            handshake.TrySetResult("connection closed");
            _join?.TrySetResult(false);
        }
    }

    private void OnRecord(ReadOnlySpan<byte> record, long receivedAt, TaskCompletionSource<string> handshake)
    {
        if (!handshake.Task.IsCompleted)
        {
            handshake.TrySetResult(Encoding.UTF8.GetString(record));
            return;
        }

        if (record.StartsWith("{\"type\":3,\"invocationId\":\"j\","u8))
        {
            // A refused join: the hub's answer says "error" first (the real hub leaves null fields out), or SignalR's
            // own completion carries an error instead of a result.
            var refused = record.IndexOf("{\"error\":"u8) >= 0 || record.StartsWith("{\"type\":3,\"invocationId\":\"j\",\"error\""u8);
            JoinAnsweredAt = receivedAt;
            _join?.TrySetResult(!refused);
            return;
        }

        _handler(this, record, receivedAt);
    }
}
