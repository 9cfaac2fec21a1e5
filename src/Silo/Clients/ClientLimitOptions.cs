using CollectifLive.Workshops;

namespace CollectifLive.Silo.Clients;

/// <summary>
/// The per-client rates of the <c>Limits</c> settings section, read by the silos that enforce them. They default to the
/// product's limits; a deployment (or a test suite that does everything from one address, as fast as it can) may set
/// its own. Set the same values on every silo of a cluster.
/// </summary>
public sealed class ClientLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Workshops one address may create per minute, through the pages or the API.</summary>
    public int WorkshopCreationsPerMinute { get; set; } = Limits.WorkshopCreationsPerMinute;

    public int WrongJoinCodesPerBrowserPerMinute { get; set; } = Limits.WrongJoinCodesPerBrowserPerMinute;

    public int WrongJoinCodesPerAddressPerMinute { get; set; } = Limits.WrongJoinCodesPerAddressPerMinute;

    public int JoinsPerBrowserPerMinute { get; set; } = Limits.JoinsPerBrowserPerMinute;

    public int JoinsPerAddressPerMinute { get; set; } = Limits.JoinsPerAddressPerMinute;

    public int JoinsPerAddressPerHour { get; set; } = Limits.JoinsPerAddressPerHour;

    public int NotesPerAddressPerMinute { get; set; } = Limits.NotesPerAddressPerMinute;

    /// <summary>Read by the workshop grain, which enforces it in the domain's rules.</summary>
    public int NotesPerParticipantPerMinute { get; set; } = Limits.NotesPerParticipantPerMinute;

    /// <summary>Whether every rate lets at least one act through.</summary>
    public bool IsValid() =>
        new[]
        {
            WorkshopCreationsPerMinute, WrongJoinCodesPerBrowserPerMinute, WrongJoinCodesPerAddressPerMinute, JoinsPerBrowserPerMinute,
            JoinsPerAddressPerMinute, JoinsPerAddressPerHour, NotesPerAddressPerMinute, NotesPerParticipantPerMinute,
        }.All(rate => rate >= 1);
}
