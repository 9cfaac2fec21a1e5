using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops.Domain;

/// <summary>A fact decided by the domain; applying it is deterministic and cannot fail.</summary>
public abstract record WorkshopEvent;

public sealed record WorkshopCreated(
    string Id,
    string Title,
    string? Question,
    ImmutableArray<ColumnView> Columns,
    string? TemplateId,
    string JoinCode,
    string FacilitatorKeyHash,
    string ProjectorKeyHash,
    DateTimeOffset At) : WorkshopEvent;

public sealed record ParticipantJoined(Participant Participant) : WorkshopEvent;

public sealed record NoteAdded(Note Note) : WorkshopEvent;
