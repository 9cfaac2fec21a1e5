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
