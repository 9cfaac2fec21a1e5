using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CollectifLive.Testing;

/// <summary>Stops a process the way Ctrl-C or a service manager would: SIGTERM, then SIGKILL if it does not exit.</summary>
public static partial class Signals
{
    private const int SigTerm = 15;

    public static async Task Terminate(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        _ = Kill(process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
