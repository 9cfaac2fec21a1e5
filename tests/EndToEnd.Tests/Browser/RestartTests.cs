using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>Everything stopped and started again: what people wrote is in Azure Storage, not in memory.</summary>
[Collection(AppCollection.Name)]
public class RestartTests(AppFixture shared)
{
    [Fact]
    public async Task A_phone_is_told_the_server_restarts_and_after_the_restart_the_workshop_its_notes_and_participants_are_all_there()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "collectiflive-restart-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteProcess.Start(dataFolder);
        var settings = AppSettings.CoHosted(azurite.ConnectionString);
        var app = await AppInstance.Start(settings);
        try
        {
            var workshop = await WorkshopApiClient.CreateFromTemplate(settings.BaseUrl, "numerique");
            await using var phoneContext = await shared.Browser.NewContextAsync(Devices.Phone(settings.BaseUrl));
            var phone = await Screens.JoinByLink(phoneContext, workshop.JoinUrl, "Amina");
            await Screens.PostNote(phone, "Garder un accueil humain à côté du numérique");
            var reloaded = new TaskCompletionSource();
            phone.Load += (_, _) => reloaded.TrySetResult();

            await app.Stop();
            Assert.Equal(0, app.ExitCode);

            // Told before the connection closed, and still saying it while the server is away.
            await Expect(phone.Locator(".reconnect-banner.restarting .restart-notice")).ToHaveTextAsync("Le serveur redémarre. Ce que vous avez envoyé est enregistré ; la page revient d'elle-même dans un instant.");
            await azurite.DisposeAsync();
            azurite = await AzuriteProcess.Start(dataFolder);
            settings = settings with { StorageConnectionString = azurite.ConnectionString, SiloPort = FreePort.Next(), GatewayPort = FreePort.Next() };
            app = await AppInstance.Start(settings);

            // The phone was left open: it reconnects (reloading, since the old circuit is gone) as the same participant.
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Expect(phone.Locator(".own-notes .note-text")).ToHaveTextAsync("Garder un accueil humain à côté du numérique", new() { Timeout = 45_000 });
            await Expect(phone.Locator("form.join-form")).ToHaveCountAsync(0);

            await using var projectorContext = await shared.Browser.NewContextAsync(Devices.Projector(settings.BaseUrl));
            var projector = await Screens.Open(projectorContext, workshop.ProjectorUrl);
            await Expect(Screens.Note(projector, "Garder un accueil humain")).ToBeVisibleAsync();
            await Expect(projector.Locator("[data-count=room]")).ToHaveTextAsync("1 dans la salle");
            await Expect(projector.Locator("[data-join-code]")).ToHaveAttributeAsync("data-join-code", workshop.JoinCode);
        }
        finally
        {
            await app.DisposeAsync();
            await azurite.DisposeAsync();
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
