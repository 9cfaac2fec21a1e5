using System.Diagnostics;

namespace CollectifLive.Testing;

/// <summary>
/// A CollectifLive process (the web app or the stand-alone silo) run from the build output, as an operator would run
/// it; stopped gracefully (SIGTERM) or killed, by its own process id only.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private ServerProcess(Process process, ProcessOutput output, string name)
    {
        _process = process;
        _output = output;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The process id, to read its memory and CPU time (benchmarks).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Once exited: 0 when it stopped by itself, 137 when it was killed.</summary>
    public int ExitCode => _process.ExitCode;

    public string Output => _output.Text;

    /// <summary>Starts <paramref name="assembly"/> from src/<paramref name="projectFolder"/>'s build output with the given settings.</summary>
    public static ServerProcess Start(string projectFolder, string assembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var path = RepoPaths.ProjectOutput(projectFolder, assembly);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build the solution first.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        info.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Production, as ./run.sh runs it: no developer pages; the static assets still come from the build.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{assembly} did not start");
        return new ServerProcess(process, ProcessOutput.Capture(process), assembly);
    }

    /// <summary>Waits until the process prints <paramref name="text"/>; fails at once if it exits first.</summary>
    public Task WaitForOutput(string text, TimeSpan? timeout = null) => Eventually.Until(
        () => HasExited ? throw new InvalidOperationException($"{Name} exited:\n{Output}") : Output.Contains(text, StringComparison.Ordinal),
        $"{Name} to print '{text}'",
        timeout ?? TimeSpan.FromSeconds(90));

    /// <summary>Asks the process to stop as Ctrl-C would (SIGTERM), and waits for it.</summary>
    public Task Stop() => Signals.Terminate(_process, TimeSpan.FromSeconds(30));

    /// <summary>Kills the process at once (SIGKILL): nothing it holds in memory gets a chance to be saved.</summary>
    public async Task KillHard()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _process.Dispose();
    }
}
