using CollectifLive.Web.Api;
using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// A workshop as a room runs it: the facilitator's console, the projector, and participants joining on their own
/// devices (one browser context each, so each keeps its own key). Disposing it closes every device.
/// </summary>
public sealed class Room : IAsyncDisposable
{
    private readonly AppFixture _app;
    private readonly List<IBrowserContext> _devices = [];

    private Room(AppFixture app, CreateWorkshopResponse workshop)
    {
        _app = app;
        Workshop = workshop;
    }

    public CreateWorkshopResponse Workshop { get; }

    public Console Console { get; private set; } = null!;

    public IPage Projector { get; private set; } = null!;

    /// <summary>Everything the projector received, recorded from before its page opened its connection.</summary>
    public WireRecorder ProjectorWire { get; private set; } = null!;

    public static async Task<Room> Open(AppFixture app, CreateWorkshopResponse workshop)
    {
        var room = new Room(app, workshop);
        room.Console = await Console.Open(await room.Device(Devices.Laptop(app.BaseUrl)), workshop.FacilitatorUrl);
        room.Projector = await (await room.Device(Devices.Projector(app.BaseUrl))).NewPageAsync();
        room.ProjectorWire = WireRecorder.On(room.Projector);
        await room.Projector.GotoAsync(workshop.ProjectorUrl);
        return room;
    }

    /// <summary>Someone joins from their phone (room) or laptop (remote), by the room's or the remote link.</summary>
    public async Task<IPage> Join(string name, bool remote = false) =>
        await Screens.JoinByLink(
            await Device(remote ? Devices.Laptop(_app.BaseUrl) : Devices.Phone(_app.BaseUrl)),
            remote ? Workshop.RemoteJoinUrl : Workshop.JoinUrl,
            name,
            remote);

    /// <summary>Another device, for steps a test takes by hand.</summary>
    public async Task<IBrowserContext> Device(BrowserNewContextOptions options)
    {
        var context = await _app.Browser.NewContextAsync(options);
        _devices.Add(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }
    }
}
