using System.Diagnostics;

namespace CollectifLive.Testing;

/// <summary>
/// A real Azurite (the npm package pinned in package.json) on free loopback ports, in memory unless a folder is given.
/// Started and stopped by the test that owns it; killed by its process id only.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private AzuriteProcess(Process process, ProcessOutput output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public string Output => _output.Text;

    /// <param name="location">A folder to keep data in across restarts of Azurite; null keeps it in memory.</param>
    public static async Task<AzuriteProcess> Start(string? location = null, (int Blob, int Queue, int Table)? ports = null)
    {
        if (!File.Exists(RepoPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.Azurite}: run 'npm ci' at the repository root (test.sh does).");
        }

        var (blob, queue, table) = ports ?? (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var info = new ProcessStartInfo(RepoPaths.Azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        if (location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(location);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start");
        var azurite = new AzuriteProcess(process, ProcessOutput.Capture(process), blob, queue, table);

        try
        {
            await Eventually.Until(
                () => process.HasExited || (FreePort.IsOpen(blob) && FreePort.IsOpen(queue) && FreePort.IsOpen(table)),
                "Azurite to listen",
                TimeSpan.FromSeconds(30));
            if (process.HasExited)
            {
                throw new InvalidOperationException("Azurite exited: " + azurite.Output);
            }
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>Stops Azurite gracefully: on disk, it saves its metadata on the way out (a SIGKILL can lose recent writes).</summary>
    public async ValueTask DisposeAsync()
    {
        await Signals.Terminate(_process, TimeSpan.FromSeconds(20));
        _process.Dispose();
    }
}
