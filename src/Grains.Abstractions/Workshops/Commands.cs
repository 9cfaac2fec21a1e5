using System.Collections.Immutable;

namespace CollectifLive.Workshops;

/// <summary>Creates a workshop. The secrets are made by the caller and stored hashed by the grain.</summary>
[GenerateSerializer, Immutable, Alias("cl.CreateWorkshop")]
public sealed record CreateWorkshop(
    string Title,
    string? Question,
    ImmutableArray<string> Columns,
    string? TemplateId,
    string FacilitatorSecret,
    string ProjectorSecret)
{
    public override string ToString() => $"CreateWorkshop {{ Title = {Title}, Columns = {Columns.Length} }}";
}

/// <summary>Joins a workshop as a participant. The secret becomes the participant key; the grain keeps its hash.</summary>
[GenerateSerializer, Immutable, Alias("cl.JoinWorkshop")]
public sealed record JoinWorkshop(string? DisplayName, Presence Presence, string ParticipantSecret)
{
    public override string ToString() => $"JoinWorkshop {{ DisplayName = {DisplayName}, Presence = {Presence} }}";
}

/// <summary>A command on an existing workshop, checked against the caller's role.</summary>
[GenerateSerializer, Immutable, Alias("cl.WorkshopCommand")]
public abstract record WorkshopCommand;

/// <summary>Posts a note (post-it) into a column.</summary>
[GenerateSerializer, Immutable, Alias("cl.AddNote")]
public sealed record AddNote(string ColumnId, string Text, NoteColour Colour) : WorkshopCommand;
