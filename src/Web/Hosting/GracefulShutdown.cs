using System.Collections.Concurrent;
using CollectifLive.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.JSInterop;

namespace CollectifLive.Web.Hosting;

/// <summary>
/// Ctrl-C or SIGTERM: before the web server closes its connections, every open page and every hub client is told the
/// server restarts, so a phone says so instead of "connection lost". Then the host stops as it always does: the web
/// server lets running requests finish, and the silo deactivates every workshop, each waiting for its pending write
/// and its snapshot (<c>StopDuringBurstTests</c>).
/// </summary>
/// <remarks>
/// A page answers the notice (a JS call), so it is known to have it. A hub client does not answer, and SignalR's own
/// stop drops what a connection has not sent yet: so each hub connection is told, then closed by the hub itself, and
/// the stop waits until its request is over (the transport has sent what was pending, then the close).
/// </remarks>
public sealed class ShutdownNotices(IHubContext<WorkshopHub> hub, ILogger<ShutdownNotices> log)
{
    /// <summary>How long the stop waits for pages and hub clients to take the notice: a phone on bad Wi-Fi is not waited for.</summary>
    public static readonly TimeSpan NoticeBound = TimeSpan.FromSeconds(2);

    /// <summary>The function of <c>ReconnectBanner.razor.js</c> that shows the notice.</summary>
    public const string PageFunction = "collectifServerRestarting";

    private readonly ConcurrentDictionary<string, IJSRuntime> _pages = new();
    private readonly ConcurrentDictionary<string, (HubCallerContext Connection, TaskCompletionSource Closed)> _hubConnections = new();

    public void Opened(string circuitId, IJSRuntime page) => _pages[circuitId] = page;

    public void Closed(string circuitId) => _pages.TryRemove(circuitId, out _);

    public void HubOpened(HubCallerContext connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hubConnections[connection.ConnectionId] = (connection, closed);
        connection.GetHttpContext()?.Response.OnCompleted(() =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        });
    }

    public void HubClosed(HubCallerContext connection)
    {
        if (_hubConnections.TryRemove(connection.ConnectionId, out var closed) && connection.GetHttpContext() is null)
        {
            closed.Closed.TrySetResult();
        }
    }

    public async Task Announce()
    {
        List<Task> notices = [.. _pages.Values.Select(page => page.InvokeVoidAsync(PageFunction).AsTask())];
        notices.AddRange(_hubConnections.Values.Select(TellAndClose));
        var all = Task.WhenAll(notices);
        try
        {
            await all.WaitAsync(NoticeBound);
            log.LogInformation("Stopping: {Count} pages and hub connections were told the server restarts.", notices.Count);
        }
        catch (TimeoutException)
        {
            log.LogWarning("Stopping: {Pending} of {Count} pages and hubs had not taken the restart notice after {Bound}.", notices.Count(n => !n.IsCompleted), notices.Count, NoticeBound);
        }
        catch (Exception) when (all.Exception is { } failures)
        {
            // A page that left as the notice went out: the others got it.
            log.LogInformation("Stopping: {Failed} pages could not be told of the restart ({First}).", failures.InnerExceptions.Count, failures.InnerExceptions[0].Message);
        }
    }

    private async Task TellAndClose((HubCallerContext Connection, TaskCompletionSource Closed) hubConnection)
    {
        await hub.Clients.Client(hubConnection.Connection.ConnectionId).SendAsync(HubMessages.Restarting);
        hubConnection.Connection.Abort();
        await hubConnection.Closed.Task;
    }
}

public static class GracefulShutdown
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services) => services.AddSingleton<ShutdownNotices>();

    /// <summary>
    /// The notice goes out from the first of the stopping callbacks: registered once the app has started, after
    /// SignalR's own (which closes every connection), and stopping callbacks run last registered first.
    /// </summary>
    public static void AnnounceRestarts(this WebApplication app)
    {
        var notices = app.Services.GetRequiredService<ShutdownNotices>();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Lifetime.ApplicationStopping.Register(() => notices.Announce().GetAwaiter().GetResult()));
    }
}
