using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Workshops.Domain;

/// <summary>
/// Cuts the state into what each audience may see. Everything that leaves the grain goes through here, so a
/// note an audience may not see is never in its views or deltas.
/// </summary>
public static class WorkshopProjection
{
    public static WorkshopHeader Header(WorkshopState state)
    {
        int inRoom = 0, remote = 0;
        foreach (var participant in state.Participants.Values)
        {
            if (participant.Presence == Presence.Remote)
            {
                remote++;
            }
            else
            {
                inRoom++;
            }
        }

        int fromRoom = 0, fromRemote = 0, fromPaper = 0;
        foreach (var note in state.Notes.Values)
        {
            switch (note.Origin)
            {
                case Presence.Remote: fromRemote++; break;
                case Presence.Paper: fromPaper++; break;
                default: fromRoom++; break;
            }
        }

        return new WorkshopHeader(
            state.Id,
            state.Title,
            state.Question,
            state.Columns,
            state.JoinCode,
            new ParticipationCounts(inRoom, remote, fromRoom + fromRemote + fromPaper, fromRoom, fromRemote, fromPaper),
            state.CreatedAt);
    }

    /// <summary>The note as <paramref name="audience"/> sees it, or null when it may not see it.</summary>
    public static NoteView? NoteFor(WorkshopState state, Note note, Audience audience) => audience switch
    {
        Audience.Facilitator => View(state, note, withAuthor: true),
        _ => View(state, note, withAuthor: false),
    };

    public static ParticipantView ParticipantFor(Participant participant) =>
        new(participant.Id, participant.DisplayName, participant.Presence, participant.JoinedAt);

    public static AudienceView View(WorkshopState state, Audience audience)
    {
        var notes = state.Notes.Values
            .OrderBy(n => n.Seq)
            .Select(n => NoteFor(state, n, audience))
            .OfType<NoteView>()
            .ToImmutableArray();
        var roster = audience == Audience.Facilitator
            ? state.Participants.Values.OrderBy(p => p.JoinedAt).Select(ParticipantFor).ToImmutableArray()
            : [];
        return new AudienceView(audience, Header(state), notes, roster);
    }

    public static FeedSnapshot Snapshot(WorkshopState state) =>
        new(state.Version, View(state, Audience.Facilitator), View(state, Audience.Projector), View(state, Audience.Participants));

    public static OwnView Own(WorkshopState state, string participantId)
    {
        var me = state.Participants[participantId];
        var notes = state.Notes.Values
            .Where(n => n.AuthorId == participantId)
            .OrderBy(n => n.Seq)
            .Select(n => View(state, n, withAuthor: true))
            .ToImmutableArray();
        return new OwnView(state.Version, ParticipantFor(me), notes);
    }

    /// <summary>The per-audience difference between two states, limited to what <paramref name="touched"/> names.</summary>
    public static WorkshopChange Change(WorkshopState? before, WorkshopState after, ChangeTracker touched)
    {
        var fromVersion = (before?.Version ?? 0) + 1;
        var own = new Dictionary<string, OwnDeltaBuilder>();

        foreach (var noteId in touched.Notes)
        {
            var note = after.Notes.GetValueOrDefault(noteId) ?? before?.Notes.GetValueOrDefault(noteId);
            if (note?.AuthorId is { } authorId && after.Participants.ContainsKey(authorId))
            {
                OwnFor(own, authorId).Note(after.Notes.TryGetValue(noteId, out var current) ? View(after, current, withAuthor: true) : null, noteId);
            }
        }

        foreach (var participantId in touched.Participants)
        {
            if (after.Participants.TryGetValue(participantId, out var participant))
            {
                OwnFor(own, participantId).Me = ParticipantFor(participant);
            }
        }

        var header = touched.Header ? Header(after) : null;
        return new WorkshopChange(
            after.Id,
            fromVersion,
            after.Version,
            Delta(before, after, touched, Audience.Facilitator, header),
            Delta(before, after, touched, Audience.Projector, header),
            Delta(before, after, touched, Audience.Participants, header),
            [.. own.Values.Select(o => o.Build())]);
    }

    private static AudienceDelta Delta(WorkshopState? before, WorkshopState after, ChangeTracker touched, Audience audience, WorkshopHeader? header)
    {
        var notes = ImmutableArray.CreateBuilder<NoteView>();
        var removed = ImmutableArray.CreateBuilder<string>();
        foreach (var noteId in touched.Notes)
        {
            var was = before is not null && before.Notes.TryGetValue(noteId, out var old) ? NoteFor(before, old, audience) : null;
            var now = after.Notes.TryGetValue(noteId, out var current) ? NoteFor(after, current, audience) : null;
            if (now is not null && now != was)
            {
                notes.Add(now);
            }
            else if (now is null && was is not null)
            {
                removed.Add(noteId);
            }
        }

        var roster = ImmutableArray.CreateBuilder<ParticipantView>();
        var removedRoster = ImmutableArray.CreateBuilder<string>();
        if (audience == Audience.Facilitator)
        {
            foreach (var participantId in touched.Participants)
            {
                if (after.Participants.TryGetValue(participantId, out var participant))
                {
                    roster.Add(ParticipantFor(participant));
                }
                else
                {
                    removedRoster.Add(participantId);
                }
            }
        }

        if (header is null && notes.Count == 0 && removed.Count == 0 && roster.Count == 0 && removedRoster.Count == 0)
        {
            return AudienceDelta.Empty;
        }

        notes.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return new AudienceDelta(header, notes.ToImmutable(), removed.ToImmutable(), roster.ToImmutable(), removedRoster.ToImmutable());
    }

    private static NoteView View(WorkshopState state, Note note, bool withAuthor)
    {
        var author = withAuthor && note.AuthorId is { } id ? state.Participants.GetValueOrDefault(id) : null;
        return new NoteView(
            note.Id,
            note.Seq,
            note.ColumnId,
            note.Text,
            note.Colour,
            note.Origin,
            withAuthor ? note.AuthorId : null,
            author?.DisplayName,
            note.CreatedAt);
    }

    private static OwnDeltaBuilder OwnFor(Dictionary<string, OwnDeltaBuilder> own, string participantId)
    {
        if (!own.TryGetValue(participantId, out var builder))
        {
            builder = new OwnDeltaBuilder(participantId);
            own.Add(participantId, builder);
        }

        return builder;
    }

    private sealed class OwnDeltaBuilder(string participantId)
    {
        private readonly ImmutableArray<NoteView>.Builder _notes = ImmutableArray.CreateBuilder<NoteView>();
        private readonly ImmutableArray<string>.Builder _removed = ImmutableArray.CreateBuilder<string>();

        public ParticipantView? Me { get; set; }

        public void Note(NoteView? view, string noteId)
        {
            if (view is null)
            {
                _removed.Add(noteId);
            }
            else
            {
                _notes.Add(view);
            }
        }

        public OwnDelta Build() => new(participantId, Me, _notes.ToImmutable(), _removed.ToImmutable());
    }
}
