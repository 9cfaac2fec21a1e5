using System.Diagnostics;
using System.Threading.Channels;

namespace CollectifLive.Bench;

/// <summary>
/// This benchmark started again in another role (<c>--role listener</c> or <c>--role bare</c>): commands go to its
/// standard input, one answer line each comes back on its output; what it writes to its error output is passed on.
/// Stopped by asking it ("exit"), or killed by its own process id if it does not go.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _asking = new(1, 1);
    private readonly string _name;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static ChildProcess Start(string role, string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        // Run as "dotnet CollectifLive.Bench.dll" or as its own executable: start this same program the same way.
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        info.ArgumentList.Add("--role");
        info.ArgumentList.Add(role);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start"), name);
    }

    /// <summary>The next line the process writes (its "ready" line, at start).</summary>
    public async Task<string> ReadLine(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cancellation.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"{_name} exited");
        }
    }

    /// <summary>Sends a command and returns its answer after "ok "; an "error" answer throws.</summary>
    public async Task<string> Ask(string command, TimeSpan? timeout = null)
    {
        await _asking.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            var answer = await ReadLine(timeout ?? TimeSpan.FromMinutes(5));
            return answer.StartsWith("ok ", StringComparison.Ordinal)
                ? answer[3..]
                : throw new InvalidOperationException($"{_name} answered '{answer}' to '{command}'");
        }
        finally
        {
            _asking.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.StandardInput.WriteLineAsync("exit");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _asking.Dispose();
    }
}
