using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace CollectifLive.Bench;

/// <summary>
/// A full, blocking garbage collection in another .NET process, asked through its diagnostics port as dotnet-gcdump
/// does: an EventPipe session with the runtime's GCHeapCollect keyword makes the runtime collect. The process's memory
/// is then what it holds, not the garbage its last allocations left.
/// </summary>
internal static class ForcedCollection
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GCHeapCollectKeyword = 0x800000;

    public static async Task Collect(int processId)
    {
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync(
            new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GCHeapCollectKeyword), requestRundown: false, token: CancellationToken.None);
        var draining = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await session.StopAsync(CancellationToken.None);
        await draining;
    }
}
