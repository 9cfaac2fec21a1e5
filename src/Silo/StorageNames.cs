namespace CollectifLive.Silo;

/// <summary>
/// The clock the grains decide with (creation dates, timers, retention), apart from the one Orleans runs on, so that
/// a test can move the first without stalling the second.
/// </summary>
public static class Clocks
{
    public const string Domain = "collectiflive.domain-clock";
}

/// <summary>Names of the grain storage providers.</summary>
public static class StorageNames
{
    /// <summary>Blob storage: a workshop's state can exceed Table storage's 1 MiB entity limit.</summary>
    public const string Workshops = "workshops";

    public const string JoinCodes = "joincodes";

    public const string Events = "events";
}
