using CollectifLive.Workshops;

namespace CollectifLive.Web.Realtime;

/// <summary>
/// Join a workshop by its code, as a new participant or again with a kept participant token. To retry a join whose
/// answer was lost, send the same random <paramref name="OperationId"/> both times: the retry yields the same
/// participant and token. The participant's key is made by the server; keep the operation id as private as the token.
/// With the <paramref name="WorkshopId"/> of a join link (<c>/atelier/{workshopId}?code=…</c>), the code is not looked
/// up and no wrong-code limit applies: the workshop checks the code itself.
/// </summary>
public sealed record HubJoinRequest(
    string Code,
    string? DisplayName = null,
    Presence Presence = Presence.Room,
    string? ParticipantToken = null,
    Guid? OperationId = null,
    string? WorkshopId = null)
{
    public override string ToString() => $"HubJoinRequest {{ Code = {Code}, DisplayName = {DisplayName}, Presence = {Presence} }}";
}

/// <summary>A refusal: a stable code for programs, a message in the caller's language for people.</summary>
public sealed record HubError(WorkshopError Code, string Message, int? Limit);

/// <summary>The participants' wall at <paramref name="Version"/> and the caller's own slice (at its own, newer or equal, version).</summary>
public sealed record HubSnapshot(long Version, AudienceView View, OwnView Own);

public sealed record HubJoinResponse(HubError? Error, string? WorkshopId, string? ParticipantId, string? ParticipantToken, HubSnapshot? Snapshot)
{
    public override string ToString() => $"HubJoinResponse {{ Error = {Error}, WorkshopId = {WorkshopId}, ParticipantId = {ParticipantId} }}";
}

public sealed record HubAddNoteRequest(Guid OperationId, string ColumnId, string Text, NoteColour Colour = NoteColour.Yellow);

/// <summary>A whole ballot for a round: item id to count (dots per item; 1 per chosen option or word answer). Empty withdraws it.</summary>
public sealed record HubCastBallotRequest(Guid OperationId, string RoundId, IReadOnlyDictionary<string, int> Marks);

public sealed record HubCommandResponse(HubError? Error, long Version, string? Value);

/// <summary>Leaves the workshop (see <see cref="LeaveWorkshop"/>): the caller's name and key are forgotten.</summary>
public sealed record HubLeaveRequest(Guid OperationId, bool DeleteNotes);

/// <summary>Takes the caller's name off the workshop; their notes stay, signed by nobody.</summary>
public sealed record HubRemoveNameRequest(Guid OperationId);

/// <summary>Pushed as "Change": apply on top of version <paramref name="FromVersion"/> - 1; on a gap, call Resync.</summary>
public sealed record HubChange(long FromVersion, long ToVersion, HubDelta Delta);

/// <summary>
/// What changed in the participants' view, as the hub sends it to every phone: only what changed. The header when more
/// than its counts changed, else the counts alone; a kind of item is absent (null) when none of it changed.
/// </summary>
public sealed record HubDelta(
    WorkshopHeader? Header,
    ParticipationCounts? Counts,
    Changes<NoteView>? Notes,
    Changes<ParticipantView>? Roster,
    Changes<ThemeView>? Themes,
    Changes<VoteRoundView>? Rounds,
    Changes<RecommendationView>? Recommendations)
{
    public static HubDelta From(AudienceDelta delta) => new(
        delta.Header,
        delta.Counts,
        Changed(delta.Notes),
        Changed(delta.Roster),
        Changed(delta.Themes),
        Changed(delta.Rounds),
        Changed(delta.Recommendations));

    private static Changes<T>? Changed<T>(Changes<T> changes)
        where T : IKeyed => changes.IsEmpty ? null : changes;
}

/// <summary>Pushed as "Own": the caller's own slice changed at <paramref name="Version"/>.</summary>
public sealed record HubOwnChange(long Version, OwnDelta Delta);

/// <summary>Names of the messages the hub pushes.</summary>
public static class HubMessages
{
    public const string Change = "Change";
    public const string Own = "Own";

    /// <summary>The server lost track (pushes were lost): call Resync for a new snapshot.</summary>
    public const string Resync = "Resync";

    /// <summary>The workshop was deleted by its facilitator or organiser: nothing more will come.</summary>
    public const string Deleted = "Deleted";

    /// <summary>The server is stopping (Ctrl-C, SIGTERM, an upgrade): the connection closes next; reconnect and Resync.</summary>
    public const string Restarting = "Restarting";
}
