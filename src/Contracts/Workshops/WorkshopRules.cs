namespace CollectifLive.Workshops;

/// <summary>Rules that both the grain (which enforces them) and the screens (which explain them) need.</summary>
public static class WorkshopRules
{
    /// <summary>
    /// Whether participants may post, edit or delete their notes now: during contribution, and during grouping and
    /// vote when late notes are allowed, unless the facilitator closed the wall to notes.
    /// </summary>
    public static bool ParticipantsMayWrite(Phase phase, WallSettings settings, WorkshopLocks locks) =>
        !locks.NotesClosed && (phase == Phase.Contribution || (settings.LateNotes && phase is Phase.Grouping or Phase.Vote));

    public static bool ParticipantsMayWrite(WorkshopHeader header) => ParticipantsMayWrite(header.Phase, header.Settings, header.Locks);

    /// <summary>The join code and QR code are shown on the projector while people are still arriving and writing.</summary>
    public static bool ProjectorShowsJoinCode(Phase phase) => phase is Phase.Welcome or Phase.Contribution;
}
