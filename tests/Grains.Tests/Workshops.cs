using CollectifLive.Testing;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

/// <summary>Creates workshops (in the contribution step) and participants through the grains, as the web server does.</summary>
public sealed class Workshops(IGrainFactory grains)
{
    public const string FacilitatorKey = "facilitator-key-0123456789-abcdefgh";
    public const string ProjectorKey = "projector-key-0123456789-abcdefghij";

    public static string ParticipantKey(int n) => $"participant-key-{n:D4}-0123456789abcdef";

    public static Credential Facilitator => Credential.Facilitator(FacilitatorKey);

    public static Credential Projector => Credential.Projector(ProjectorKey);

    public IWorkshopGrain Grain(string id) => grains.GetGrain<IWorkshopGrain>(id);

    public async Task<(IWorkshopGrain Grain, string JoinCode)> Create(params string[] columns)
    {
        var id = "w" + Guid.NewGuid().ToString("N")[..13];
        var grain = Grain(id);
        var result = await grain.Create(Guid.NewGuid(), new CreateWorkshop("Émergence", "Quels espaces ?", [.. columns.Length == 0 ? ["Idées", "Freins"] : columns], "emergence", FacilitatorKey, ProjectorKey));
        Assert.True(result.IsAccepted, result.Error.ToString());

        // A new workshop starts in welcome, where participants may not post yet.
        var contribution = await grain.Execute(Facilitator, Guid.NewGuid(), new SetPhase(Phase.Contribution));
        Assert.True(contribution.IsAccepted, contribution.Error.ToString());
        return (grain, result.Value!);
    }

    /// <summary>A facilitator's command that must be accepted.</summary>
    public static async Task<CommandResult> Facilitate(IWorkshopGrain grain, WorkshopCommand command)
    {
        var result = await grain.Execute(Facilitator, Guid.NewGuid(), command);
        Assert.True(result.IsAccepted, $"{command} was refused: {result.Error}");
        return result;
    }

    /// <summary>The workshop's current join code, as its facilitator sees it.</summary>
    public static async Task<string> CodeOf(IWorkshopGrain grain) => (await grain.Sync(TestClusterFixture.Service, -1)).Snapshot?.Facilitator.Header.JoinCode ?? "ABC234";

    public static async Task<Credential> Join(IWorkshopGrain grain, int n, Presence presence = Presence.Room)
    {
        var result = await grain.Join(Guid.NewGuid(), new JoinWorkshop($"P{n}", presence, ParticipantKey(n), await CodeOf(grain)));
        Assert.True(result.IsAccepted, result.Error.ToString());
        return Credential.Participant(result.Value!, ParticipantKey(n));
    }
}
