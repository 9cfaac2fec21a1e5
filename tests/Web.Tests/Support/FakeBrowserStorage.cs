using System.Collections.Concurrent;
using CollectifLive.Web.State;
using Microsoft.JSInterop;

namespace CollectifLive.Web.Tests.Support;

/// <summary>
/// A fake of the browser's localStorage as js/collectif.js keeps it (the one part of a circuit a test has no real
/// browser for): keys, and a draft per workshop staged, unstaged and cleared by the same rules as the script. A test
/// types into it, and can make the browser unreachable for a number of calls, as a dropped connection does.
/// </summary>
public sealed class FakeBrowserStorage(TimeProvider clock) : IBrowserStorage
{
    private readonly ConcurrentDictionary<string, string> _items = new();
    private readonly ConcurrentDictionary<string, StoredDraft> _drafts = new();
    private int _unreachableCalls;

    public FakeBrowserStorage()
        : this(TimeProvider.System)
    {
    }

    private sealed record StoredDraft(string Text, string ColumnId, int Colour, Guid? OperationId, DateTimeOffset? StagedAt);

    /// <summary>The next <paramref name="calls"/> calls fail as they do while the connection is down.</summary>
    public void Unreachable(int calls = int.MaxValue) => Volatile.Write(ref _unreachableCalls, calls);

    /// <summary>What the composer saves on each keystroke: the draft's content, with the operation id it had if unchanged.</summary>
    public void Type(string workshopId, string text, string columnId = "c1", int colour = 0) =>
        _drafts.AddOrUpdate(workshopId, _ => new StoredDraft(text, columnId, colour, null, null), (_, previous) =>
            previous.Text == text && previous.ColumnId == columnId && previous.Colour == colour
                ? previous
                : new StoredDraft(text, columnId, colour, null, null));

    /// <summary>A draft sent at <paramref name="stagedAt"/> with <paramref name="operationId"/>, whose answer never came back.</summary>
    public void Staged(string workshopId, string text, Guid operationId, DateTimeOffset stagedAt, string columnId = "c1") =>
        _drafts[workshopId] = new StoredDraft(text, columnId, 0, operationId, stagedAt);

    public string? Item(string key) => _items.GetValueOrDefault(key);

    public DraftNote? Draft(string workshopId) => _drafts.TryGetValue(workshopId, out var draft) ? WithAge(draft) : null;

    public Task<string?> Get(string key) => Call(() => _items.GetValueOrDefault(key));

    public Task Set(string key, string value) => Call(() => _items[key] = value);

    public Task Remove(string key) => Call(() =>
    {
        _items.TryRemove(key, out _);
        if (_drafts.Keys.FirstOrDefault(id => BrowserStorage.DraftKey(id) == key) is { } workshopId)
        {
            _drafts.TryRemove(workshopId, out _);
        }

        return true;
    });

    public Task<DraftNote?> StageDraft(string workshopId, Guid operationId) => Call(() =>
    {
        if (!_drafts.TryGetValue(workshopId, out var draft) || string.IsNullOrWhiteSpace(draft.Text))
        {
            return null;
        }

        var staged = draft.OperationId is null ? draft with { OperationId = operationId, StagedAt = clock.GetUtcNow() } : draft;
        _drafts[workshopId] = staged;
        return WithAge(staged);
    });

    public Task<DraftNote?> PeekDraft(string workshopId) => Call(() => Draft(workshopId));

    public Task ClearDraft(string workshopId, Guid operationId) => Call(() =>
        _drafts.TryGetValue(workshopId, out var draft) && draft.OperationId == operationId && _drafts.TryRemove(workshopId, out _));

    public Task UnstageDraft(string workshopId) => Call(() =>
        _drafts.TryGetValue(workshopId, out var draft) && _drafts.TryUpdate(workshopId, draft with { OperationId = null, StagedAt = null }, draft));

    private DraftNote WithAge(StoredDraft draft) => new(
        draft.Text,
        draft.ColumnId,
        draft.Colour,
        draft.OperationId,
        draft.StagedAt is { } at ? (long)(clock.GetUtcNow() - at).TotalMilliseconds : 0);

    private Task<T> Call<T>(Func<T> call)
    {
        if (Volatile.Read(ref _unreachableCalls) > 0)
        {
            Interlocked.Decrement(ref _unreachableCalls);
            return Task.FromException<T>(new JSDisconnectedException("The fake browser is out of reach."));
        }

        return Task.FromResult(call());
    }
}
