using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// Everything a page receives on its WebSockets (Blazor's circuit: binary render batches), to prove that some text
/// never reached that browser at all, not merely that it is not shown.
/// </summary>
public sealed class WireRecorder
{
    private readonly ConcurrentQueue<byte[]> _frames = new();

    public static WireRecorder On(IPage page)
    {
        var recorder = new WireRecorder();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            recorder._frames.Enqueue(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
        return recorder;
    }

    public int FrameCount => _frames.Count;

    /// <summary>Whether the text came in, searched across frame boundaries (a large message is split into several frames).</summary>
    public bool Received(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        byte[] stream = [.. _frames.SelectMany(frame => frame)];
        return stream.AsSpan().IndexOf(needle) >= 0;
    }
}
