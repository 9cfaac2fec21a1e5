namespace CollectifLive.Workshops;

/// <summary>Where a contribution comes from, so the room, remote people and paper are counted apart.</summary>
public enum Presence
{
    Room = 0,
    Remote = 1,
    Paper = 2,
}

/// <summary>Post-it colours offered to participants.</summary>
public enum NoteColour
{
    Yellow = 0,
    Pink = 1,
    Blue = 2,
    Green = 3,
    Orange = 4,
    Purple = 5,
}

/// <summary>Whose view of the workshop a snapshot or delta is.</summary>
public enum Audience
{
    Facilitator = 0,
    Projector = 1,
    Participants = 2,
}

/// <summary>The kind of secret a caller presents.</summary>
public enum CredentialKind
{
    Facilitator = 0,
    Projector = 1,
    Participant = 2,
}

/// <summary>The steps of a workshop (étapes); each decides what participants can do.</summary>
public enum Phase
{
    /// <summary>Accueil: people arrive and join.</summary>
    Welcome = 0,

    /// <summary>Contribution: participants post notes.</summary>
    Contribution = 1,

    /// <summary>Regroupement: the facilitator groups notes into themes.</summary>
    Grouping = 2,

    /// <summary>Vote.</summary>
    Vote = 3,

    /// <summary>Synthèse.</summary>
    Synthesis = 4,
}

/// <summary>Where a note stands in moderation. Hidden is not deleted: it can be shown again.</summary>
public enum NoteStatus
{
    Visible = 0,

    /// <summary>Waiting in the pre-moderation queue.</summary>
    Pending = 1,

    /// <summary>Hidden by the facilitator.</summary>
    Hidden = 2,
}

public enum ModerationAction
{
    Approve = 0,
    Hide = 1,
    Unhide = 2,
}

public enum TimerStatus
{
    Idle = 0,
    Running = 1,
    Paused = 2,
}

public enum SpotlightKind
{
    Note = 0,
    Cluster = 1,

    /// <summary>A vote round's results (closing a round puts it there).</summary>
    VoteRound = 2,

    /// <summary>One recommendation of the synthesis, with its sources and disagreements (the restitution).</summary>
    Recommendation = 3,
}

/// <summary>How the projector lays out the wall.</summary>
public enum WallLayout
{
    Columns = 0,
    Themes = 1,
}

/// <summary>One of the wall's on/off settings, changed alone so that two facilitators never undo each other's change.</summary>
public enum WallSetting
{
    SilentWriting = 0,
    SilentOnProjector = 1,
    PreModeration = 2,
    ParticipantsSeeWall = 3,
    LateNotes = 4,
}

/// <summary>What the facilitator can close the workshop to.</summary>
public enum WorkshopLock
{
    Joins = 0,
    Notes = 1,
}
