namespace CollectifLive.Silo.Workshops.Domain;

/// <summary>What a batch of events touched, so that only those items are projected for each audience.</summary>
public sealed class ChangeTracker
{
    private readonly HashSet<string> _notes = [];
    private readonly HashSet<string> _participants = [];

    public bool Header { get; private set; }

    public IReadOnlyCollection<string> Notes => _notes;

    public IReadOnlyCollection<string> Participants => _participants;

    public bool IsEmpty => !Header && _notes.Count == 0 && _participants.Count == 0;

    public void Track(WorkshopEvent @event)
    {
        switch (@event)
        {
            case WorkshopCreated:
                Header = true;
                break;
            case ParticipantJoined joined:
                Header = true;
                _participants.Add(joined.Participant.Id);
                break;
            case NoteAdded added:
                Header = true;
                _notes.Add(added.Note.Id);
                break;
        }
    }
}
