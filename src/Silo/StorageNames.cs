namespace CollectifLive.Silo;

/// <summary>Names of the grain storage providers.</summary>
public static class StorageNames
{
    /// <summary>Blob storage: a workshop's state can exceed Table storage's 1 MiB entity limit.</summary>
    public const string Workshops = "workshops";

    public const string JoinCodes = "joincodes";

    public const string Events = "events";
}
