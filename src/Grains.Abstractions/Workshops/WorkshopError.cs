namespace CollectifLive.Workshops;

/// <summary>Why a command was refused. Each code has a French and English message in the Web resources.</summary>
public enum WorkshopError
{
    None = 0,
    WorkshopNotFound = 1,
    WorkshopAlreadyExists = 2,
    AccessDenied = 3,
    NotAllowedForRole = 4,
    TitleRequired = 10,
    TitleTooLong = 11,
    QuestionTooLong = 12,
    TooFewColumns = 13,
    TooManyColumns = 14,
    ColumnTitleRequired = 15,
    ColumnTitleTooLong = 16,
    DisplayNameTooLong = 20,
    WorkshopFull = 21,
    TextRequired = 30,
    TextTooLong = 31,
    UnknownColumn = 32,
    TooManyNotes = 33,
    TooManyNotesForParticipant = 34,
    UnknownNote = 35,
    JoinCodeMalformed = 40,
    JoinCodeUnknown = 41,
    TooManyJoinAttempts = 42,
    Busy = 90,
    StorageUnavailable = 91,
    InvalidRequest = 92,
}
