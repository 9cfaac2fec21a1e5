using System.Collections.Immutable;

namespace CollectifLive.Workshops;

/// <summary>
/// Creates a workshop. The secrets are made by the caller and stored hashed by the grain. A workshop of an event
/// names it, with the hashes of its organiser's keys (which open its console and projector too).
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.CreateWorkshop")]
public sealed record CreateWorkshop(
    string Title,
    string? Question,
    ImmutableArray<string> Columns,
    string? TemplateId,
    string FacilitatorSecret,
    string ProjectorSecret,
    string? EventId = null,
    string? OrganiserKeyHash = null,
    string? OrganiserProjectorKeyHash = null)
{
    public override string ToString() => $"CreateWorkshop {{ Title = {Title}, Columns = {Columns.Length} }}";
}

/// <summary>Makes a new workshop from an archive's JSON, with secrets made by the caller (the archive holds none).</summary>
[GenerateSerializer, Immutable, Alias("cl.ImportWorkshop")]
public sealed record ImportWorkshop(string ArchiveJson, string FacilitatorSecret, string ProjectorSecret)
{
    public override string ToString() => $"ImportWorkshop {{ Length = {ArchiveJson?.Length} }}";
}

/// <summary>
/// Joins a workshop as a participant, with its current join code (so a new code really stops newcomers who only
/// had the old one). The secret becomes the participant key; the grain keeps its hash.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.JoinWorkshop")]
public sealed record JoinWorkshop(string? DisplayName, Presence Presence, string ParticipantSecret, string JoinCode)
{
    public override string ToString() => $"JoinWorkshop {{ DisplayName = {DisplayName}, Presence = {Presence} }}";
}

/// <summary>A command on an existing workshop, checked against the caller's role.</summary>
[GenerateSerializer, Immutable, Alias("cl.WorkshopCommand")]
public abstract record WorkshopCommand;

/// <summary>A participant takes their name off the workshop: their notes stay, signed by nobody.</summary>
[GenerateSerializer, Immutable, Alias("cl.RemoveMyName")]
public sealed record RemoveMyName : WorkshopCommand;

/// <summary>
/// A participant leaves: their name and key are forgotten (their link no longer opens anything), and their notes are
/// deleted when <paramref name="DeleteNotes"/>, or else kept with no author. They still count among who took part.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.LeaveWorkshop")]
public sealed record LeaveWorkshop(bool DeleteNotes) : WorkshopCommand;

/// <summary>Posts a note (post-it) into a column.</summary>
[GenerateSerializer, Immutable, Alias("cl.AddNote")]
public sealed record AddNote(string ColumnId, string Text, NoteColour Colour) : WorkshopCommand;

/// <summary>Rewrites a note: the author while the phase allows it, or the facilitator (typos in paper notes).</summary>
[GenerateSerializer, Immutable, Alias("cl.EditNote")]
public sealed record EditNote(string NoteId, string Text, string ColumnId, NoteColour Colour) : WorkshopCommand;

/// <summary>Deletes a note for good: the author while the phase allows it, or the facilitator.</summary>
[GenerateSerializer, Immutable, Alias("cl.DeleteNote")]
public sealed record DeleteNote(string NoteId) : WorkshopCommand;

/// <summary>The facilitator types in a note written on paper in the room (the paper bridge).</summary>
[GenerateSerializer, Immutable, Alias("cl.AddPaperNote")]
public sealed record AddPaperNote(string ColumnId, string Text, NoteColour Colour) : WorkshopCommand;

/// <summary>Moves the workshop to a step, forward or back.</summary>
[GenerateSerializer, Immutable, Alias("cl.SetPhase")]
public sealed record SetPhase(Phase Phase) : WorkshopCommand;

/// <summary>Changes how the wall behaves (silent writing, pre-moderation, what participants see, projector layout).</summary>
[GenerateSerializer, Immutable, Alias("cl.ChangeSettings")]
public sealed record ChangeSettings(WallSettings Settings) : WorkshopCommand;

/// <summary>Turns one wall setting on or off, leaving the others as they are (what the console sends).</summary>
[GenerateSerializer, Immutable, Alias("cl.SetWallSetting")]
public sealed record SetWallSetting(WallSetting Setting, bool On) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.SetProjectorLayout")]
public sealed record SetProjectorLayout(WallLayout Layout) : WorkshopCommand;

/// <summary>Reveals the notes written silently, in one column, or everywhere when <paramref name="ColumnId"/> is null.</summary>
[GenerateSerializer, Immutable, Alias("cl.RevealNotes")]
public sealed record RevealNotes(string? ColumnId) : WorkshopCommand;

/// <summary>Accepts a pending note, hides a note, or shows a hidden one again.</summary>
[GenerateSerializer, Immutable, Alias("cl.ModerateNote")]
public sealed record ModerateNote(string NoteId, ModerationAction Action) : WorkshopCommand;

/// <summary>Stops (or lets again) a participant post, edit or delete notes.</summary>
[GenerateSerializer, Immutable, Alias("cl.SetParticipantBlocked")]
public sealed record SetParticipantBlocked(string ParticipantId, bool Blocked) : WorkshopCommand;

/// <summary>
/// Takes a participant out with every note they wrote (a flood, an intruder): their key opens nothing any more, as
/// when one leaves deleting one's notes.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.RemoveParticipant")]
public sealed record RemoveParticipant(string ParticipantId) : WorkshopCommand;

/// <summary>Groups notes into a new theme (taking them out of any theme they were in).</summary>
[GenerateSerializer, Immutable, Alias("cl.CreateCluster")]
public sealed record CreateCluster(string Name, ImmutableArray<string> NoteIds) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.RenameCluster")]
public sealed record RenameCluster(string ClusterId, string Name) : WorkshopCommand;

/// <summary>Moves notes into a theme, or out of any theme when <paramref name="ClusterId"/> is null.</summary>
[GenerateSerializer, Immutable, Alias("cl.MoveNotes")]
public sealed record MoveNotes(ImmutableArray<string> NoteIds, string? ClusterId) : WorkshopCommand;

/// <summary>Dissolves a theme; its notes stay, ungrouped.</summary>
[GenerateSerializer, Immutable, Alias("cl.DissolveCluster")]
public sealed record DissolveCluster(string ClusterId) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.StartTimer")]
public sealed record StartTimer(int Seconds) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.PauseTimer")]
public sealed record PauseTimer : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.ResumeTimer")]
public sealed record ResumeTimer : WorkshopCommand;

/// <summary>Adds time to a running or paused timer ("+1 min").</summary>
[GenerateSerializer, Immutable, Alias("cl.ExtendTimer")]
public sealed record ExtendTimer(int Seconds) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.ResetTimer")]
public sealed record ResetTimer : WorkshopCommand;

/// <summary>Shows one note or theme full-screen on the projector, or nothing when <paramref name="Spotlight"/> is null.</summary>
[GenerateSerializer, Immutable, Alias("cl.SetSpotlight")]
public sealed record SetSpotlight(SpotlightView? Spotlight) : WorkshopCommand;

/// <summary>Closes (or opens again) the workshop to new participants and to new notes.</summary>
[GenerateSerializer, Immutable, Alias("cl.SetLocks")]
public sealed record SetLocks(WorkshopLocks Locks) : WorkshopCommand;

/// <summary>Closes (or opens again) the workshop to one thing, leaving the other lock as it is (what the console sends).</summary>
[GenerateSerializer, Immutable, Alias("cl.SetLock")]
public sealed record SetLock(WorkshopLock Lock, bool Closed) : WorkshopCommand;

/// <summary>Gives the workshop a new join code; the old one stops working (people already in stay in).</summary>
[GenerateSerializer, Immutable, Alias("cl.RotateJoinCode")]
public sealed record RotateJoinCode : WorkshopCommand;

/// <summary>Keeps the workshop past the retention period (it is no longer deleted automatically), or lets it go again.</summary>
[GenerateSerializer, Immutable, Alias("cl.SetKept")]
public sealed record SetKept(bool Kept) : WorkshopCommand;

/// <summary>
/// New console and projector keys (made by the caller): the links given before stop working at once, for instance
/// after a console link was passed around. The organiser's keys are not changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.ReissueKeys")]
public sealed record ReissueKeys(string FacilitatorSecret, string ProjectorSecret) : WorkshopCommand
{
    public override string ToString() => "ReissueKeys";
}

/// <summary>Opens a vote round (closing any other open one); the result's value is the round id.</summary>
[GenerateSerializer, Immutable, Alias("cl.OpenVoteRound")]
public sealed record OpenVoteRound(VoteSetup Setup) : WorkshopCommand;

[GenerateSerializer, Immutable, Alias("cl.CloseVoteRound")]
public sealed record CloseVoteRound(string RoundId) : WorkshopCommand;

/// <summary>Opens a closed round again (closing any other open one); ballots cast so far stay.</summary>
[GenerateSerializer, Immutable, Alias("cl.ReopenVoteRound")]
public sealed record ReopenVoteRound(string RoundId) : WorkshopCommand;

/// <summary>Deletes a round and its ballots (a round opened by mistake).</summary>
[GenerateSerializer, Immutable, Alias("cl.DiscardVoteRound")]
public sealed record DiscardVoteRound(string RoundId) : WorkshopCommand;

/// <summary>
/// A participant's whole ballot for a round, replacing the one before (so a retry or a repeat changes nothing).
/// Marks are item id to count: dots per note or theme, 1 per chosen poll option, 1 on one scale value, 1 per word
/// answer (the key being the answer), 1 on one answer of a consent round. No marks withdraws the ballot.
/// <paramref name="Reason"/>: why one objects, in a consent round; the same objection sent again without one keeps it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.CastBallot")]
public sealed record CastBallot(string RoundId, ImmutableDictionary<string, int> Marks, string? Reason = null) : WorkshopCommand;

/// <summary>The facilitator records votes counted on paper in the room for an item (replacing the count before).</summary>
[GenerateSerializer, Immutable, Alias("cl.SetPaperVotes")]
public sealed record SetPaperVotes(string RoundId, string ItemId, int Count) : WorkshopCommand;

/// <summary>The facilitator merges near-duplicate answers of a word cloud into one.</summary>
[GenerateSerializer, Immutable, Alias("cl.MergeWords")]
public sealed record MergeWords(string RoundId, ImmutableArray<string> Words, string Into) : WorkshopCommand;
