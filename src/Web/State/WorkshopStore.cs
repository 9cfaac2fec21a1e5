namespace CollectifLive.Web.State;

/// <summary>The workshop store of one circuit (scoped): what this screen shows of one workshop.</summary>
public sealed class WorkshopStore(WorkshopEffects effects, ILogger<WorkshopStore> logger)
    : Store<WorkshopSessionState>(WorkshopSessionState.Initial, WorkshopReducers.Reduce, effects, exception => logger.LogError(exception, "A workshop effect failed"));
