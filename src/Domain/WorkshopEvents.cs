using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>A fact decided by the domain; applying it is deterministic and cannot fail.</summary>
public abstract record WorkshopEvent;

public sealed record WorkshopCreated(
    string Id,
    string Title,
    string? Question,
    ImmutableArray<Column> Columns,
    string? TemplateId,
    string JoinCode,
    string FacilitatorKeyHash,
    string ProjectorKeyHash,
    DateTimeOffset At,
    string? EventId = null,
    string? OrganiserKeyHash = null,
    string? OrganiserProjectorKeyHash = null) : WorkshopEvent;

/// <summary>A workshop made from an archive, whole (a new id, code and keys).</summary>
public sealed record WorkshopImported(WorkshopState State) : WorkshopEvent;

public sealed record ParticipantJoined(Participant Participant) : WorkshopEvent;

public sealed record ParticipantBlocked(string ParticipantId, bool Blocked) : WorkshopEvent;

public sealed record NoteAdded(Note Note) : WorkshopEvent;

public sealed record NoteEdited(string NoteId, string Text, string ColumnId, NoteColour Colour, NoteStatus Status, DateTimeOffset At) : WorkshopEvent;

public sealed record NoteDeleted(string NoteId) : WorkshopEvent;

public sealed record NoteModerated(string NoteId, NoteStatus Status) : WorkshopEvent;

public sealed record NotesRevealed(ImmutableArray<string> NoteIds) : WorkshopEvent;

public sealed record NotesMoved(ImmutableArray<string> NoteIds, string? ClusterId) : WorkshopEvent;

public sealed record ClusterCreated(Cluster Cluster) : WorkshopEvent;

public sealed record ClusterRenamed(string ClusterId, string Name) : WorkshopEvent;

public sealed record ClusterDissolved(string ClusterId) : WorkshopEvent;

public sealed record PhaseChanged(Phase Phase) : WorkshopEvent;

public sealed record SettingsChanged(WallOptions Settings) : WorkshopEvent;

public sealed record LocksChanged(Locks Locks) : WorkshopEvent;

public sealed record TimerChanged(WorkshopTimer Timer) : WorkshopEvent;

public sealed record SpotlightChanged(Spotlight? Spotlight) : WorkshopEvent;

public sealed record JoinCodeRotated(string JoinCode) : WorkshopEvent;

public sealed record ParticipantNameRemoved(string ParticipantId) : WorkshopEvent;

/// <summary>A participant left: <paramref name="DeletedNoteIds"/> are removed, their other notes lose their author.</summary>
public sealed record ParticipantLeft(string ParticipantId, ImmutableArray<string> DeletedNoteIds) : WorkshopEvent;

/// <summary>The workshop is kept past the retention period, or no longer.</summary>
public sealed record KeptChanged(bool Kept) : WorkshopEvent;

/// <summary>The console and projector keys were replaced; the old ones open nothing any more.</summary>
public sealed record KeysReissued(string FacilitatorKeyHash, string ProjectorKeyHash) : WorkshopEvent;

public sealed record VoteRoundOpened(VoteRound Round) : WorkshopEvent;

public sealed record VoteRoundClosed(string RoundId) : WorkshopEvent;

public sealed record VoteRoundReopened(string RoundId) : WorkshopEvent;

public sealed record VoteRoundDiscarded(string RoundId) : WorkshopEvent;

/// <summary>A ballot replaced (or, with no marks, withdrawn).</summary>
public sealed record BallotCast(string RoundId, Ballot Ballot) : WorkshopEvent;

public sealed record PaperVotesSet(string RoundId, string ItemId, int Count) : WorkshopEvent;

public sealed record WordsMerged(string RoundId, ImmutableArray<string> Words, string Into) : WorkshopEvent;

public sealed record RecommendationAdded(Recommendation Recommendation) : WorkshopEvent;

/// <summary>A recommendation's text, sources, priority or disagreements changed: the new one replaces it whole.</summary>
public sealed record RecommendationChanged(Recommendation Recommendation) : WorkshopEvent;

public sealed record RecommendationRemoved(string RecommendationId) : WorkshopEvent;

/// <summary>The recommendations' new order, first to last.</summary>
public sealed record RecommendationsReordered(ImmutableArray<string> RecommendationIds) : WorkshopEvent;

public sealed record NoteKeptAsDisagreement(string NoteId, bool Keep) : WorkshopEvent;
