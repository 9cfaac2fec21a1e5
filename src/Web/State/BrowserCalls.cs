namespace CollectifLive.Web.State;

/// <summary>Browser calls whose failure (a dropped connection) must not stop what the server already did.</summary>
internal static partial class BrowserCalls
{
    /// <summary>Runs <paramref name="call"/>; a browser out of reach is logged, not thrown.</summary>
    public static async Task Tolerate(ILogger logger, string workshopId, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (BrowserStorage.IsUnreachable(exception))
        {
            LogUnreachable(logger, exception, workshopId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: the browser could not be reached")]
    public static partial void LogUnreachable(ILogger logger, Exception exception, string workshopId);
}
