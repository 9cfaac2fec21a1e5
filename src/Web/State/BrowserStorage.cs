using Microsoft.JSInterop;

namespace CollectifLive.Web.State;

/// <summary>A note typed in the browser and kept there until the grain has it; the operation id makes the retry safe.</summary>
public sealed record DraftNote(string Text, string ColumnId, int Colour, Guid? OperationId);

/// <summary>
/// What the browser keeps across reloads and dropped connections: the participant key and the unsent note.
/// The browser owns the draft (it is saved as it is typed, even offline), so the server reads it from there.
/// </summary>
public sealed class BrowserStorage(IJSRuntime js) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    public static string ParticipantKey(string workshopId) => $"collectif.participant.{workshopId}";

    public static string DraftKey(string workshopId) => $"collectif.draft.{workshopId}";

    public async Task<string?> Get(string key) => await (await Module()).InvokeAsync<string?>("getItem", key);

    public async Task Set(string key, string value) => await (await Module()).InvokeVoidAsync("setItem", key, value);

    /// <summary>Gives the draft an operation id (unless it has one) and returns it, as the browser holds it now.</summary>
    public async Task<DraftNote?> StageDraft(string workshopId, Guid operationId) =>
        await (await Module()).InvokeAsync<DraftNote?>("stageDraft", DraftKey(workshopId), operationId.ToString());

    /// <summary>The draft saved for this workshop, if any (with its operation id if it was already sent once).</summary>
    public async Task<DraftNote?> PeekDraft(string workshopId) =>
        await (await Module()).InvokeAsync<DraftNote?>("peekDraft", DraftKey(workshopId));

    /// <summary>Forgets the draft once the note is durable, unless it was edited since (another operation).</summary>
    public async Task ClearDraft(string workshopId, Guid operationId) =>
        await (await Module()).InvokeVoidAsync("clearDraft", DraftKey(workshopId), operationId.ToString());

    /// <summary>Keeps the draft's text but forgets its operation id, after a refusal the user must fix.</summary>
    public async Task UnstageDraft(string workshopId) =>
        await (await Module()).InvokeVoidAsync("unstageDraft", DraftKey(workshopId));

    private Task<IJSObjectReference> Module() =>
        _module ??= js.InvokeAsync<IJSObjectReference>("import", "./js/collectif.js").AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } module)
        {
            try
            {
                await module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with its browser; nothing to release there.
            }
        }
    }
}
