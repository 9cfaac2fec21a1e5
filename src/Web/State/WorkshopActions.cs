using System.Collections.Immutable;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.Web.State;

/// <summary>A page asks to show a workshop as <paramref name="Audience"/>; a participant without key passes null.</summary>
public sealed record OpenWorkshop(string WorkshopId, Audience Audience, Credential? Credential) : IAction;

public sealed record JoinNeeded(Notice? Notice) : IAction;

/// <summary>Someone introduces themself, with the code they came with (or typed).</summary>
public sealed record JoinRequested(string? DisplayName, Presence Presence, string JoinCode) : IAction;

public sealed record JoinRefused(Notice Notice) : IAction;

public sealed record WorkshopOpened(Credential Credential, AudienceModel Shared, OwnModel? Own) : IAction;

public sealed record WorkshopUnavailable(Notice Notice) : IAction;

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

/// <summary>The grain refused a requested command; the notice says why.</summary>
public sealed record CommandRefused(WorkshopCommand Command, Notice Notice) : IAction;

/// <summary>The participant changed their ballot (a tap on +/−, a choice, words sent): the whole ballot, latest wins.</summary>
public sealed record BallotChanged(string RoundId, ImmutableDictionary<string, int> Marks) : IAction;

/// <summary>The grain stored these marks as the participant's ballot.</summary>
public sealed record BallotSaved(string RoundId, ImmutableDictionary<string, int> Marks) : IAction;
