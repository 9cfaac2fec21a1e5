namespace CollectifLive.Silo.Workshops.Domain;

/// <summary>What a batch of events touched, so that only those items are projected for each audience.</summary>
public sealed class ChangeTracker
{
    private readonly HashSet<string> _notes = [];
    private readonly HashSet<string> _participants = [];
    private readonly HashSet<string> _clusters = [];
    private readonly HashSet<string> _rounds = [];
    private readonly HashSet<string> _ballotRounds = [];

    public bool Header { get; private set; }

    /// <summary>A change that can alter what each audience sees of every note and theme (the wall's settings).</summary>
    public bool AllNotes { get; private set; }

    public IReadOnlyCollection<string> Notes => _notes;

    public IReadOnlyCollection<string> Participants => _participants;

    public IReadOnlyCollection<string> Clusters => _clusters;

    public IReadOnlyCollection<string> Rounds => _rounds;

    /// <summary>Rounds whose ballots changed, so voters' own slices are compared.</summary>
    public IReadOnlyCollection<string> BallotRounds => _ballotRounds;

    /// <summary>Notes changed: what one may vote for in dot votes on notes may have changed.</summary>
    public bool NoteItems { get; private set; }

    /// <summary>Themes changed: what one may vote for in dot votes on themes may have changed.</summary>
    public bool ThemeItems { get; private set; }

    public void Track(WorkshopEvent @event)
    {
        NoteItems |= @event is NoteAdded or NoteEdited or NoteDeleted or NoteModerated or NotesRevealed;
        ThemeItems |= @event is ClusterCreated or ClusterRenamed or ClusterDissolved;
        switch (@event)
        {
            case ParticipantJoined joined:
                Header = true;
                _participants.Add(joined.Participant.Id);
                break;
            case ParticipantBlocked blocked:
                _participants.Add(blocked.ParticipantId);
                break;
            case NoteAdded added:
                Header = true;
                _notes.Add(added.Note.Id);
                break;
            case NoteEdited edited:
                Header = true;
                _notes.Add(edited.NoteId);
                break;
            case NoteDeleted deleted:
                Header = true;
                _notes.Add(deleted.NoteId);
                break;
            case NoteModerated moderated:
                Header = true;
                _notes.Add(moderated.NoteId);
                break;
            case NotesRevealed revealed:
                _notes.UnionWith(revealed.NoteIds);
                break;
            case NotesMoved moved:
                _notes.UnionWith(moved.NoteIds);
                break;
            case ClusterCreated created:
                _clusters.Add(created.Cluster.Id);
                break;
            case ClusterRenamed renamed:
                _clusters.Add(renamed.ClusterId);
                break;
            case ClusterDissolved dissolved:
                _clusters.Add(dissolved.ClusterId);
                break;
            case SettingsChanged:
                Header = true;
                AllNotes = true;
                break;
            case VoteRoundOpened opened:
                _rounds.Add(opened.Round.Id);
                break;
            case VoteRoundClosed closed:
                _rounds.Add(closed.RoundId);
                break;
            case VoteRoundReopened reopened:
                _rounds.Add(reopened.RoundId);
                break;
            case VoteRoundDiscarded discarded:
                _rounds.Add(discarded.RoundId);
                _ballotRounds.Add(discarded.RoundId);
                break;
            case BallotCast cast:
                _rounds.Add(cast.RoundId);
                _ballotRounds.Add(cast.RoundId);
                break;
            case PaperVotesSet paper:
                _rounds.Add(paper.RoundId);
                break;
            case WordsMerged merged:
                _rounds.Add(merged.RoundId);
                break;
            default:
                // The workshop's creation, its step, locks, timer, spotlight and code all live in the header.
                Header = true;
                break;
        }
    }
}
