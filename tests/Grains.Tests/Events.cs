using CollectifLive.Domain;
using CollectifLive.Events;
using CollectifLive.Workshops;

namespace CollectifLive.Grains.Tests;

/// <summary>Creates events through the grain, with ids and keys made here as the web server makes them.</summary>
public static class Events
{
    public const string OrganiserKey = "organiser-key-0123456789-abcdefghijk";
    public const string OrganiserProjectorKey = "organiser-projector-0123456789-abcd";

    public static string NewId(char prefix) => prefix + Guid.NewGuid().ToString("N")[..13];

    public static EventWorkshop Atelier(string title) =>
        new(NewId('w'), title, "Que voulons-nous pour le quartier ?", ["Idées", "Freins"], null, $"facilitator-{Guid.NewGuid():N}", $"projector-{Guid.NewGuid():N}");

    public static CreateEvent Day(params EventWorkshop[] workshops) =>
        new("Journée citoyenne", new DateOnly(2026, 12, 5), "Maison des associations", OrganiserKey, OrganiserProjectorKey, [.. workshops]);

    public static async Task<(IEventGrain Grain, EventView View)> Create(IGrainFactory grains, CreateEvent command)
    {
        var grain = grains.GetGrain<IEventGrain>(NewId('e'));
        var result = await grain.Create(command);
        Assert.True(result.Error == WorkshopError.None, result.Error.ToString());
        return (grain, result.View!);
    }

    public static string Hash(string secret) => WorkshopAccess.Hash(secret);
}
