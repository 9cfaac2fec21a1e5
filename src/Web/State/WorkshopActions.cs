using System.Collections.Immutable;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>A page asks to show a workshop as <paramref name="Audience"/>; a participant without key passes null.</summary>
public sealed record OpenWorkshop(string WorkshopId, Audience Audience, Credential? Credential) : IAction;

/// <summary>
/// The join form is to be shown. <paramref name="Operation"/> is the join's operation id, the same for every retry, so
/// that a join whose answer was lost does not make a second participant.
/// </summary>
public sealed record JoinNeeded(Notice? Notice, Guid Operation) : IAction;

/// <summary>Someone introduces themself, with the code they came with (or typed).</summary>
public sealed record JoinRequested(string? DisplayName, Presence Presence, string JoinCode) : IAction;

/// <summary>A join was refused; the next try is <paramref name="NextOperation"/> (the same one when it may be retried).</summary>
public sealed record JoinRefused(Notice Notice, Guid NextOperation) : IAction;

public sealed record WorkshopOpened(Credential Credential, AudienceModel Shared, OwnModel? Own) : IAction;

public sealed record WorkshopUnavailable(Notice Notice) : IAction;

/// <summary>The console or projector key was checked again and still opens the workshop at this key generation.</summary>
public sealed record KeyChecked(int Generation) : IAction;

/// <summary>The feed moved on (or resynced from a snapshot).</summary>
public sealed record FeedUpdated(FeedUpdate Update) : IAction;

public sealed record OwnReloaded(OwnModel Own) : IAction;

/// <summary>
/// A note is to be sent: the composer was submitted (the effect reads the text from the browser, which owns the
/// draft), or a draft already <paramref name="Staged"/> with its operation id is sent again after a drop.
/// </summary>
public sealed record NoteSubmitted(Guid OperationId, DraftNote? Staged = null) : IAction;

public sealed record NoteAccepted(Guid OperationId, long Version) : IAction;

public sealed record NoteRefused(Guid OperationId, Notice Notice) : IAction;

/// <summary>The browser's connection to this circuit came back after a drop.</summary>
public sealed record ConnectionRestored : IAction;

public sealed record NoticeDismissed : IAction;

/// <summary>A command from a button (facilitator controls, a participant editing or deleting a note).</summary>
public sealed record CommandRequested(WorkshopCommand Command) : IAction;

/// <summary>The participant leaves the workshop; once it is done, this browser forgets their key and draft.</summary>
public sealed record LeaveRequested(bool DeleteNotes) : IAction;

/// <summary>The grain refused a requested command; the notice says why.</summary>
public sealed record CommandRefused(WorkshopCommand Command, Notice Notice) : IAction;

/// <summary>The participant set their whole ballot (word answers sent, or withdrawn): latest wins.</summary>
public sealed record BallotChanged(string RoundId, ImmutableDictionary<string, int> Marks) : IAction;

/// <summary>
/// A tap on the ballot: a dot more (+1) or less (−1) on an item. The reducer applies it to the ballot as it is now,
/// not as it was when the button was drawn, so taps faster than the screen are all counted.
/// </summary>
public sealed record DotTapped(string RoundId, string ItemId, int Step) : IAction;

/// <summary>A poll option or scale value ticked or unticked, applied to the ballot as it is now.</summary>
public sealed record ChoiceToggled(string RoundId, string ItemId) : IAction;

/// <summary>The grain stored these marks as the participant's ballot.</summary>
public sealed record BallotSaved(string RoundId, ImmutableDictionary<string, int> Marks) : IAction;
