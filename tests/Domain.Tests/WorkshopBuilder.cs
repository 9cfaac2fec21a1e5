using System.Collections.Immutable;
using CollectifLive.Silo.Workshops.Domain;
using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>Builds workshop states through the domain's own decisions, so tests start from states the rules allow.</summary>
public sealed class WorkshopBuilder
{
    public const string FacilitatorSecret = "facilitator-secret-0123456789abcdef";
    public const string ProjectorSecret = "projector-secret-0123456789abcdefgh";
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private WorkshopState _state;

    public WorkshopBuilder(params string[] columns)
    {
        var decision = Workshop.Create("ws", Create(columns.Length == 0 ? ["Idées", "Freins"] : [.. columns]), "ABC234", Now);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        _state = Workshop.Apply(null, decision.Events);
    }

    public WorkshopState State => _state;

    public static CreateWorkshop Create(ImmutableArray<string> columns, string title = "Atelier", string? question = "Question ?") =>
        new(title, question, columns, null, FacilitatorSecret, ProjectorSecret);

    public static string SecretFor(string name) => $"participant-secret-{name}-0123456789";

    public WorkshopBuilder WithParticipant(string name, Presence presence = Presence.Room)
    {
        var decision = Workshop.Join(_state, new JoinWorkshop(name, presence, SecretFor(name)), Now);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        _state = Workshop.Apply(_state, decision.Events);
        return this;
    }

    public WorkshopBuilder WithNote(string participantId, string text, string columnId = "c1")
    {
        var decision = Workshop.Decide(_state, Actor.Participant(participantId), new AddNote(columnId, text, NoteColour.Yellow), Now);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        _state = Workshop.Apply(_state, decision.Events);
        return this;
    }

    public string ParticipantId(string name) => _state.Participants.Values.Single(p => p.DisplayName == name).Id;
}
