using CollectifLive.Workshops;

namespace CollectifLive.Clients;

/// <summary>What a client does that its address and its browser are counted for.</summary>
public enum ClientAct
{
    WorkshopCreation = 0,
    Join = 1,
    Note = 2,
}

/// <summary>Whether an act may go ahead; if not, the error, the limit it hit and when to try again.</summary>
[GenerateSerializer, Immutable, Alias("cl.Admission")]
public sealed record Admission(WorkshopError Error, int? Limit = null, TimeSpan? RetryAfter = null)
{
    public static readonly Admission Granted = new(WorkshopError.None);

    public bool IsGranted => Error == WorkshopError.None;
}
