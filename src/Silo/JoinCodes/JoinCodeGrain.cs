using CollectifLive.JoinCodes;

namespace CollectifLive.Silo.JoinCodes;

public sealed class JoinCodeState
{
    public string? WorkshopId { get; set; }

    public bool Retired { get; set; }

    /// <summary>Set instead of <see cref="WorkshopId"/> for an event's day code.</summary>
    public string? EventId { get; set; }
}

/// <summary>
/// Maps one join code to its workshop (or an event, for a day's code). A code is never given to another workshop while
/// the first exists; a deleted workshop's codes are forgotten.
/// </summary>
public sealed class JoinCodeGrain(
    [PersistentState("code", StorageNames.JoinCodes)] IPersistentState<JoinCodeState> state) : Grain, IJoinCodeGrain
{
    public async Task<bool> Claim(string workshopId)
    {
        if (state.State.EventId is not null)
        {
            return false;
        }

        if (state.State.WorkshopId is { } owner)
        {
            return owner == workshopId && !state.State.Retired;
        }

        state.State.WorkshopId = workshopId;
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> ClaimForEvent(string eventId)
    {
        if (state.State.WorkshopId is not null || state.State.EventId is { } owner && owner != eventId)
        {
            return false;
        }

        if (state.State.EventId is null)
        {
            state.State.EventId = eventId;
            await state.WriteStateAsync();
        }

        return true;
    }

    public Task<string?> ResolveEvent() => Task.FromResult(state.State.EventId);

    public Task<string?> Resolve() => Task.FromResult(state.State.Retired ? null : state.State.WorkshopId);

    public async Task Release(string workshopId)
    {
        if (state.State.WorkshopId == workshopId || state.State.EventId == workshopId)
        {
            await state.ClearStateAsync();
        }
    }

    public async Task Retire(string workshopId)
    {
        if (state.State.WorkshopId == workshopId && !state.State.Retired)
        {
            state.State.Retired = true;
            await state.WriteStateAsync();
        }
    }
}
