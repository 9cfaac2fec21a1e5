using Microsoft.JSInterop;

namespace CollectifLive.Web.State;

/// <summary>
/// A note typed in the browser and kept there until the grain has it. <paramref name="OperationId"/> is set once it
/// was sent; <paramref name="AgeMs"/> is how long ago, by the browser's own clock (so a phone's clock skew does not matter).
/// </summary>
public sealed record DraftNote(string Text, string ColumnId, int Colour, Guid? OperationId, long AgeMs);

/// <summary>
/// What the browser keeps across reloads and dropped connections: the participant key, the unsent note, the reading choice.
/// The browser owns the draft (it is saved as it is typed, even offline), so the server reads it from there.
/// Every call may fail while the connection is down: callers catch <see cref="JSException"/> and its kin
/// (<see cref="BrowserStorage.IsUnreachable"/>).
/// </summary>
public interface IBrowserStorage
{
    Task<string?> Get(string key);

    Task Set(string key, string value);

    Task Remove(string key);

    /// <summary>Gives the draft an operation id (unless it has one for the same content) and returns it as the browser holds it now.</summary>
    Task<DraftNote?> StageDraft(string workshopId, Guid operationId);

    /// <summary>The draft saved for this workshop, if any.</summary>
    Task<DraftNote?> PeekDraft(string workshopId);

    /// <summary>Forgets the draft once the note is durable, unless it was edited since (another operation).</summary>
    Task ClearDraft(string workshopId, Guid operationId);

    /// <summary>Keeps the draft's text but forgets its operation id: its next sending is a new operation.</summary>
    Task UnstageDraft(string workshopId);
}

/// <summary>The browser's localStorage, through js/collectif.js.</summary>
public sealed class BrowserStorage(IJSRuntime js) : IBrowserStorage, IAsyncDisposable
{
    private readonly BrowserModule _module = new(js, "./js/collectif.js");

    public static string ParticipantKey(string workshopId) => $"collectif.participant.{workshopId}";

    public static string DraftKey(string workshopId) => $"collectif.draft.{workshopId}";

    /// <summary>Whether this browser's participant chose easy reading: a need of the person, so for every workshop.</summary>
    public const string EasyReadingKey = "collectif.easy-reading";

    /// <summary>True for the failures of a browser call that a dropped connection causes.</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is JSException or JSDisconnectedException or TaskCanceledException or OperationCanceledException;

    public async Task<string?> Get(string key) => await (await Module()).InvokeAsync<string?>("getItem", key);

    public async Task Set(string key, string value) => await (await Module()).InvokeVoidAsync("setItem", key, value);

    public async Task Remove(string key) => await (await Module()).InvokeVoidAsync("removeItem", key);

    public async Task<DraftNote?> StageDraft(string workshopId, Guid operationId) =>
        await (await Module()).InvokeAsync<DraftNote?>("stageDraft", DraftKey(workshopId), operationId.ToString());

    public async Task<DraftNote?> PeekDraft(string workshopId) =>
        await (await Module()).InvokeAsync<DraftNote?>("peekDraft", DraftKey(workshopId));

    public async Task ClearDraft(string workshopId, Guid operationId) =>
        await (await Module()).InvokeVoidAsync("clearDraft", DraftKey(workshopId), operationId.ToString());

    public async Task UnstageDraft(string workshopId) =>
        await (await Module()).InvokeVoidAsync("unstageDraft", DraftKey(workshopId));

    private Task<IJSObjectReference> Module() => _module.Get();

    public ValueTask DisposeAsync() => _module.DisposeAsync();
}
