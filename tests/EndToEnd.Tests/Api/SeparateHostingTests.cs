using CollectifLive.Testing;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;

namespace CollectifLive.EndToEnd.Tests.Api;

/// <summary>The many-machines layout on one machine: a stand-alone silo and a web server in Orleans client mode.</summary>
public class SeparateHostingTests
{
    [Fact]
    public async Task A_web_server_in_client_mode_works_against_a_separate_silo()
    {
        await using var azurite = await AzuriteProcess.Start();
        var settings = AppSettings.CoHosted(azurite.ConnectionString) with { ClientMode = true, ClusterId = "separate-" + Guid.NewGuid().ToString("N")[..8] };
        await using var silo = await AppInstance.StartSilo(settings);
        await using var web = await AppInstance.Start(settings);

        var workshop = await WorkshopApiClient.CreateFromTemplate(settings.BaseUrl);
        await using var first = await HubClient.Connect(settings.BaseUrl);
        await using var second = await HubClient.Connect(settings.BaseUrl);
        Assert.Null((await first.Join(new HubJoinRequest(workshop.JoinCode, "Un"))).Error);
        Assert.Null((await second.Join(new HubJoinRequest(workshop.JoinCode, "Deux"))).Error);
        var added = await second.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", "Par le silo séparé", NoteColour.Blue));

        Assert.Null(added.Error);
        await Eventually.Until(() => first.Changes.Any(c => c.Delta.Notes?.Upserts.Any(n => n.Text == "Par le silo séparé") == true), "the note to reach the other client");
        Assert.Contains("CollectifLive (Client)", web.Output, StringComparison.Ordinal);
        Assert.False(silo.HasExited);
    }
}
