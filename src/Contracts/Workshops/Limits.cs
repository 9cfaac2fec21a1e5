namespace CollectifLive.Workshops;

/// <summary>Every bound the workshop grain enforces, in one place so that the UI can quote them.</summary>
public static class Limits
{
    public const int TitleMaxLength = 120;
    public const int QuestionMaxLength = 300;
    public const int ColumnsMin = 1;
    public const int ColumnsMax = 8;
    public const int ColumnTitleMaxLength = 60;
    public const int DisplayNameMaxLength = 40;
    public const int NoteTextMaxLength = 500;
    public const int NotesPerWorkshopMax = 2_000;
    public const int NotesPerParticipantMax = 100;
    public const int ParticipantsPerWorkshopMax = 2_500;
    public const int ClusterNameMaxLength = 60;
    public const int ClustersPerWorkshopMax = 100;

    public const int DotBudgetMax = 20;
    public const int PollOptionsMin = 2;
    public const int PollOptionsMax = 10;
    public const int PollOptionMaxLength = 80;
    public const int VoteQuestionMaxLength = 200;
    public const int VoteRoundsPerWorkshopMax = 50;

    /// <summary>Word cloud: answers per participant, and each answer's words and characters.</summary>
    public const int WordAnswersMax = 3;
    public const int WordAnswerMaxWords = 3;
    public const int WordAnswerMaxLength = 40;

    /// <summary>Votes counted on paper for one item.</summary>
    public const int PaperVotesMax = 1_000;

    /// <summary>The synthesis: recommendations, what each comes from, and the disagreements kept with it.</summary>
    public const int RecommendationTitleMaxLength = 120;
    public const int RecommendationTextMaxLength = 1_000;
    public const int RecommendationsPerWorkshopMax = 50;
    public const int RecommendationSourcesMax = 100;
    public const int DisagreementTextMaxLength = 500;
    public const int DisagreementsPerRecommendationMax = 20;

    /// <summary>An archive to import: a full workshop of 2,000 notes and 2,500 participants fits well within it.</summary>
    public const int ArchiveMaxBytes = 8 * 1024 * 1024;

    /// <summary>Why one objects to a recommendation, in a consent round.</summary>
    public const int ObjectionReasonMaxLength = 300;

    /// <summary>A timer runs for at most three hours, and is extended by at most an hour at a time.</summary>
    public const int TimerMaxSeconds = 3 * 60 * 60;
    public const int TimerExtensionMaxSeconds = 60 * 60;

    /// <summary>
    /// Wrong join codes one browser (or hub connection) may type per minute: one person's typos, never their neighbours'.
    /// Right codes do not count; a code looked up counts as in flight until it is known to be wrong.
    /// </summary>
    public const int WrongJoinCodesPerBrowserPerMinute = 10;

    /// <summary>
    /// Wrong join codes one address may type per minute, every browser behind it together (the brute-force guard):
    /// a room of 300 behind one NAT, all typing at once with a few typos, stays far below it, and at this rate finding
    /// one of a thousand live codes among 2^30 takes about a day. Links and QR codes are never counted.
    /// </summary>
    public const int WrongJoinCodesPerAddressPerMinute = 500;

    /// <summary>Joins one browser (or hub connection) may make per minute: a person joins once, and again after leaving.</summary>
    public const int JoinsPerBrowserPerMinute = 10;

    /// <summary>Joins one address may make per minute: a whole room of 300 joining at the same moment passes.</summary>
    public const int JoinsPerAddressPerMinute = 400;

    /// <summary>Joins one address may make per hour: a room of 300 joining four ateliers passes; a flood cannot fill a workshop.</summary>
    public const int JoinsPerAddressPerHour = 1_200;

    /// <summary>Notes one participant may post per minute: a note every three seconds, far above what anyone types.</summary>
    public const int NotesPerParticipantPerMinute = 20;

    /// <summary>Notes one address may post per minute: a room of 300 each posting every 10 s is 1,800.</summary>
    public const int NotesPerAddressPerMinute = 2_400;

    /// <summary>Workshops one client address may create per minute through the API.</summary>
    public const int WorkshopCreationsPerMinute = 20;

    /// <summary>An event (a day of several ateliers): its workshops and where it takes place.</summary>
    public const int WorkshopsPerEventMax = 12;
    public const int PlaceMaxLength = 120;

    /// <summary>The largest body an API request other than an import may have (the largest real one is a few KiB).</summary>
    public const int ApiBodyMaxBytes = 64 * 1024;

    /// <summary>Operation ids remembered for idempotent retries, and for how long.</summary>
    public const int RememberedOperationsMax = 4_096;
    public static readonly TimeSpan RememberedOperationsTtl = TimeSpan.FromMinutes(30);

    /// <summary>Commands applied in memory but not yet durable; beyond it the grain asks callers to retry.</summary>
    public const int PendingCommandsMax = 10_000;

    /// <summary>Largest hub message a client may send, in bytes.</summary>
    public const int HubMessageMaxBytes = 16 * 1024;
}
