using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>Notes: posting, editing, deleting, the paper bridge, moderation and the reveal of silent writing.</summary>
internal static partial class Workshop
{
    /// <summary>How far back a participant's pace is counted.</summary>
    private static readonly TimeSpan PaceWindow = TimeSpan.FromMinutes(1);

    private static Decision DecideAddNote(WorkshopState state, Actor actor, AddNote command, DateTimeOffset now, int notesPerMinute)
    {
        if (actor.Role != CredentialKind.Participant || actor.ParticipantId is null)
        {
            return Decision.Refuse(WorkshopError.NotAllowedForRole);
        }

        var author = state.Participants[actor.ParticipantId];
        if (RefuseWriting(state, author) is { } refused)
        {
            return refused;
        }

        if (RefuseNote(state, command.Text, command.ColumnId, command.Colour, out var text) is { } invalid)
        {
            return invalid;
        }

        var own = state.Notes.Values.Where(n => n.AuthorId == author.Id).ToList();
        if (own.Count >= Limits.NotesPerParticipantMax)
        {
            return Decision.Refuse(WorkshopError.TooManyNotesForParticipant, Limits.NotesPerParticipantMax);
        }

        // A flood from one key is cut here, whatever web server or address it comes through.
        if (own.Count(n => now - n.CreatedAt < PaceWindow) >= notesPerMinute)
        {
            return Decision.Refuse(WorkshopError.TooManyNotesPerMinute, notesPerMinute);
        }

        var note = NewNote(state, command.ColumnId, text, command.Colour, author.Presence, author.Id, state.Settings.PreModeration ? NoteStatus.Pending : NoteStatus.Visible, now);
        return Decision.Accept(new NoteAdded(note), note.Id);
    }

    /// <summary>The paper bridge: notes written on paper in the room count too. The facilitator is their moderator.</summary>
    private static Decision DecideAddPaperNote(WorkshopState state, AddPaperNote command, DateTimeOffset now)
    {
        if (RefuseNote(state, command.Text, command.ColumnId, command.Colour, out var text) is { } invalid)
        {
            return invalid;
        }

        var note = NewNote(state, command.ColumnId, text, command.Colour, Presence.Paper, null, NoteStatus.Visible, now);
        return Decision.Accept(new NoteAdded(note), note.Id);
    }

    /// <summary>A new note with the next id; while writing is silent, it starts unrevealed.</summary>
    private static Note NewNote(WorkshopState state, string columnId, string text, NoteColour colour, Presence origin, string? authorId, NoteStatus status, DateTimeOffset now) =>
        new($"n{state.NextSeq}", state.NextSeq, columnId, text, colour, origin, authorId, now, status, Revealed: !state.Settings.SilentWriting);

    private static Decision DecideEditNote(WorkshopState state, Actor actor, EditNote command, DateTimeOffset now)
    {
        if (RefuseChanging(state, actor, command.NoteId, out var note) is { } refused)
        {
            return refused;
        }

        if (RefuseNote(state, command.Text, command.ColumnId, command.Colour, out var text, counting: false) is { } invalid)
        {
            return invalid;
        }

        if (text == note.Text && command.ColumnId == note.ColumnId && command.Colour == note.Colour)
        {
            return Decision.Unchanged;
        }

        // Under pre-moderation an accepted note that its author rewrites goes back to the queue (and off the projector).
        var status = !actor.IsFacilitator && state.Settings.PreModeration && note.Status == NoteStatus.Visible ? NoteStatus.Pending : note.Status;
        var edited = new NoteEdited(note.Id, text, command.ColumnId, command.Colour, status, now);
        return Decision.Accept(status == NoteStatus.Pending ? WithoutSpotlightOn(state, SpotlightKind.Note, note.Id, edited) : [edited], note.Id);
    }

    private static Decision DecideDeleteNote(WorkshopState state, Actor actor, DeleteNote command)
    {
        if (RefuseChanging(state, actor, command.NoteId, out var note) is { } refused)
        {
            return refused;
        }

        return Decision.Accept(WithoutSpotlightOn(state, SpotlightKind.Note, note.Id, new NoteDeleted(note.Id)), note.Id);
    }

    private static Decision DecideModerate(WorkshopState state, ModerateNote command)
    {
        if (command.NoteId is null || !state.Notes.TryGetValue(command.NoteId, out var note))
        {
            return Decision.Refuse(WorkshopError.UnknownNote);
        }

        if (!Enum.IsDefined(command.Action))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        NoteStatus? next = command.Action switch
        {
            ModerationAction.Approve => note.Status == NoteStatus.Pending ? NoteStatus.Visible : null,
            ModerationAction.Hide => note.Status == NoteStatus.Hidden ? null : NoteStatus.Hidden,
            _ => note.Status == NoteStatus.Hidden ? NoteStatus.Visible : null,
        };
        if (next is not { } status)
        {
            return Decision.Unchanged;
        }

        var moderated = new NoteModerated(note.Id, status);
        return Decision.Accept(status == NoteStatus.Hidden ? WithoutSpotlightOn(state, SpotlightKind.Note, note.Id, moderated) : [moderated], note.Id);
    }

    private static Decision DecideReveal(WorkshopState state, RevealNotes command)
    {
        if (command.ColumnId is not null && !state.HasColumn(command.ColumnId))
        {
            return Decision.Refuse(WorkshopError.UnknownColumn);
        }

        var hidden = UnrevealedIn(state, command.ColumnId);
        return hidden.IsEmpty ? Decision.Unchanged : Decision.Accept(new NotesRevealed(hidden));
    }

    private static ImmutableArray<string> UnrevealedIn(WorkshopState state, string? columnId) =>
        [.. state.Notes.Values.Where(n => !n.Revealed && (columnId is null || n.ColumnId == columnId)).OrderBy(n => n.Seq).Select(n => n.Id)];

    /// <summary>Why a participant may not write now, or null when they may.</summary>
    private static Decision? RefuseWriting(WorkshopState state, Participant participant) =>
        participant.Blocked ? Decision.Refuse(WorkshopError.ParticipantBlocked)
        : state.Locks.NotesClosed ? Decision.Refuse(WorkshopError.NotesLocked)
        : !WorkshopRules.ParticipantsMayWrite(state.Phase, state.Settings.ToView(), state.Locks.ToView()) ? Decision.Refuse(WorkshopError.NotesClosedInPhase)
        : null;

    /// <summary>Why this actor may not edit or delete this note, or null: the facilitator may always, an author while writing is open.</summary>
    private static Decision? RefuseChanging(WorkshopState state, Actor actor, string? noteId, out Note note)
    {
        note = null!;
        if (actor.Role == CredentialKind.Projector)
        {
            return Decision.Refuse(WorkshopError.NotAllowedForRole);
        }

        if (noteId is null || !state.Notes.TryGetValue(noteId, out var found))
        {
            return Decision.Refuse(WorkshopError.UnknownNote);
        }

        note = found;
        if (actor.IsFacilitator)
        {
            return null;
        }

        return note.AuthorId != actor.ParticipantId
            ? Decision.Refuse(WorkshopError.NotYourNote)
            : RefuseWriting(state, state.Participants[actor.ParticipantId!]);
    }

    /// <summary>Why a note's content is not acceptable, or null with the cleaned text.</summary>
    private static Decision? RefuseNote(WorkshopState state, string? typed, string? columnId, NoteColour colour, out string text, bool counting = true)
    {
        text = Text.Clean(typed, multiline: true);
        if (text.Length == 0)
        {
            return Decision.Refuse(WorkshopError.TextRequired);
        }

        if (text.Length > Limits.NoteTextMaxLength)
        {
            return Decision.Refuse(WorkshopError.TextTooLong, Limits.NoteTextMaxLength);
        }

        if (!state.HasColumn(columnId))
        {
            return Decision.Refuse(WorkshopError.UnknownColumn);
        }

        if (!Enum.IsDefined(colour))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        return counting && state.Notes.Count >= Limits.NotesPerWorkshopMax
            ? Decision.Refuse(WorkshopError.TooManyNotes, Limits.NotesPerWorkshopMax)
            : null;
    }

    /// <summary>The event, preceded by switching the projector's spotlight off if it shows what the event removes.</summary>
    private static IEnumerable<WorkshopEvent> WithoutSpotlightOn(WorkshopState state, SpotlightKind kind, string id, WorkshopEvent @event)
    {
        if (state.Spotlight is { } spotlight && spotlight.Kind == kind && spotlight.Id == id)
        {
            yield return new SpotlightChanged(null);
        }

        yield return @event;
    }
}
