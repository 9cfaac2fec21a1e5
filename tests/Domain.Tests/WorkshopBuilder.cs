using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain.Tests;

/// <summary>
/// Builds workshop states through the domain's own decisions, so tests start from states the rules allow. A built
/// workshop is in the contribution step (a new one starts in welcome, where participants may not post).
/// </summary>
internal sealed class WorkshopBuilder
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
        Facilitate(new SetPhase(Phase.Contribution));
    }

    public WorkshopState State => _state;

    public static CreateWorkshop Create(ImmutableArray<string> columns, string title = "Atelier", string? question = "Question ?") =>
        new(title, question, columns, null, FacilitatorSecret, ProjectorSecret);

    public static string SecretFor(string name) => $"participant-secret-{name}-0123456789";

    public WorkshopBuilder WithParticipant(string name, Presence presence = Presence.Room)
    {
        var decision = Workshop.Join(_state, new JoinWorkshop(name, presence, SecretFor(name), "ABC234"), Now);
        Assert.True(decision.IsAccepted, decision.Error.ToString());
        _state = Workshop.Apply(_state, decision.Events);
        return this;
    }

    public WorkshopBuilder WithNote(string participantId, string text, string columnId = "c1") =>
        Do(Actor.Participant(participantId), new AddNote(columnId, text, NoteColour.Yellow));

    public WorkshopBuilder WithPaperNote(string text, string columnId = "c1") => Facilitate(new AddPaperNote(columnId, text, NoteColour.Yellow));

    /// <summary>Changes the wall's settings from the current ones.</summary>
    public WorkshopBuilder WithSettings(Func<WallSettings, WallSettings> change) => Facilitate(new ChangeSettings(change(_state.Settings.ToView())));

    public WorkshopBuilder Facilitate(WorkshopCommand command, DateTimeOffset? at = null) => Do(Actor.Facilitator, command, at);

    /// <summary>Runs a command that must be accepted and change something, and keeps the new state.</summary>
    public WorkshopBuilder Do(Actor actor, WorkshopCommand command, DateTimeOffset? at = null)
    {
        var decision = Workshop.Decide(_state, actor, command, at ?? Now);
        Assert.True(decision.IsAccepted, $"{command} was refused: {decision.Error}");
        Assert.False(decision.Events.IsEmpty, $"{command} changed nothing");
        _state = Workshop.Apply(_state, decision.Events);
        return this;
    }

    /// <summary>Runs commands as one group-committed batch and returns what each audience is told of it.</summary>
    public WorkshopChange Change(params (Actor Actor, WorkshopCommand Command)[] commands)
    {
        var before = _state;
        foreach (var (actor, command) in commands)
        {
            var decision = Workshop.Decide(_state, actor, command, Now);
            Assert.True(decision.IsAccepted, $"{command} was refused: {decision.Error}");
            _state = Workshop.Apply(_state, decision.Events);
        }

        return WorkshopProjection.Change(before, _state);
    }

    public WorkshopChange Change(Actor actor, WorkshopCommand command) => Change((actor, command));

    public WorkshopChange ChangeByFacilitator(WorkshopCommand command) => Change((Actor.Facilitator, command));

    public Decision Decide(Actor actor, WorkshopCommand command, DateTimeOffset? at = null) => Workshop.Decide(_state, actor, command, at ?? Now);

    public string ParticipantId(string name) => _state.Participants.Values.Single(p => p.DisplayName == name).Id;

    public Actor Participant(string name) => Actor.Participant(ParticipantId(name));

    public string NoteId(string text) => _state.Notes.Values.Single(n => n.Text == text).Id;

    public Note Note(string text) => _state.Notes.Values.Single(n => n.Text == text);

    public string ClusterId(string name) => _state.Clusters.Values.Single(c => c.Name == name).Id;
}
