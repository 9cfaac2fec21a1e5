using System.Text.Json;
using System.Text.RegularExpressions;
using CollectifLive.EndToEnd.Tests.Api;
using CollectifLive.Testing;
using CollectifLive.Web.Api;
using CollectifLive.Web.Realtime;
using CollectifLive.Workshops;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// What a screen reader hears without looking: each kind of announcement in its own region, there before it speaks
/// (a new step, the timer's last minute, a vote recorded, polite; a refusal, assertive), and a burst of notes told
/// as a count, not note by note.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public class LiveRegionTests(AppFixture app)
{
    /// <summary>
    /// Records, from the page's first paint, every text each region marked data-announce takes (as a screen reader
    /// hears a region change), with its kind and the time: window.said.
    /// </summary>
    private const string Recorder = """
        window.said = [];
        const last = new Map();
        const listen = () => document.querySelectorAll('[data-announce]').forEach(region => {
            const text = region.textContent;
            if (last.get(region) !== text) {
                last.set(region, text);
                if (text.trim() !== '') {
                    window.said.push({ kind: region.dataset.announce, text: text.trim(), at: performance.now() });
                }
            }
        });
        document.addEventListener('DOMContentLoaded', () => {
            new MutationObserver(listen).observe(document.body, { subtree: true, childList: true, characterData: true });
            listen();
        });
        """;

    [Fact]
    public async Task A_step_the_last_minute_a_vote_and_a_refusal_are_announced_and_thirty_notes_are_told_as_a_count()
    {
        var workshop = await WorkshopApiClient.CreateFromTemplate(app.BaseUrl, phase: Phase.Welcome);
        await using var laptop = await app.Browser.NewContextAsync(Devices.Laptop(app.BaseUrl));
        await laptop.AddInitScriptAsync(Recorder);
        var console = await Console.Open(laptop, workshop.FacilitatorUrl);
        await using var phone = await app.Browser.NewContextAsync(Devices.Phone(app.BaseUrl));
        await phone.AddInitScriptAsync(Recorder);
        var amina = await Screens.JoinByLink(phone, workshop.JoinUrl, "Amina");

        // Every region is in the page before it has anything to say, so that a screen reader follows it.
        await Expect(amina.Locator("[data-announce=phase][role=status]")).ToBeEmptyAsync();
        await Expect(amina.Locator("[data-announce=vote][role=status]")).ToBeEmptyAsync();
        await Expect(amina.Locator("[data-announce=notes][role=status]")).ToBeEmptyAsync();
        await Expect(console.Page.Locator("[data-announce=refusal][role=alert]")).ToBeEmptyAsync();

        await console.SetPhase(Phase.Contribution);
        await Eventually.Until(() => Said(amina, "phase"), said => said.SequenceEqual(["Nouvelle étape : Contribution"]), "the new step to be announced");

        // Thirty notes from three phones at once: the wall's list is no live region; a count is said, at most once per ten seconds.
        await console.Setting("see-wall", on: true);
        await Screens.PostNote(amina, "Mon idée à moi");
        var others = new List<HubClient>();
        for (var i = 0; i < 3; i++)
        {
            var client = await HubClient.Connect(app.BaseUrl);
            others.Add(client);
            Assert.Null((await client.Join(new HubJoinRequest(workshop.JoinCode, $"Téléphone {i}"))).Error);
        }

        try
        {
            await Task.WhenAll(others.Select((client, i) => Task.Run(async () =>
            {
                for (var n = 0; n < 10; n++)
                {
                    Assert.Null((await client.AddNote(new HubAddNoteRequest(Guid.NewGuid(), "c1", $"Idée {n} du téléphone {i}"))).Error);
                }
            })));
        }
        finally
        {
            foreach (var client in others)
            {
                await client.DisposeAsync();
            }
        }

        await Expect(amina.Locator(".participant-wall .note")).ToHaveCountAsync(31);
        Assert.Equal(0, await amina.Locator(".participant-wall").EvaluateAsync<int>(
            "wall => wall.querySelectorAll('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]').length" +
            " + (wall.closest('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]') ? 1 : 0)"));
        await Eventually.Until(
            () => Said(amina, "notes"),
            said => said.Sum(text => int.Parse(Regex.Match(text, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture)) == 30,
            "the thirty notes of others, and not Amina's own, to be counted",
            TimeSpan.FromSeconds(LiveAnnouncementsQuiet + 15));
        var counts = await Said(amina, "notes");
        Assert.InRange(counts.Count, 1, 3);
        Assert.Matches(@"^\d+ nouvelles? idées? sur le mur$", counts[^1]);
        var times = await amina.EvaluateAsync<double[]>("() => window.said.filter(s => s.kind === 'notes').map(s => s.at)");
        // Measured where they are heard, so a little less than the server's ten seconds (a push can be late, the next one not).
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= (LiveAnnouncementsQuiet - 2) * 1000, $"two counts {pair.Second - pair.First} ms apart"));

        // A vote: said once recorded, and again for a change of mind; the timer's last minute, once (the round's timer
        // starts a little above a minute, so that the phone sees it cross the minute).
        await console.SetPhase(Phase.Vote);
        await WorkshopApiClient.OpenRound(app.BaseUrl, workshop, new OpenRoundRequest(VoteKind.Poll, "Quel créneau ?", Options: ["Samedi matin", "Mardi soir"], TimerSeconds: 64));
        await amina.Locator(".ballot .vote-choice", new() { HasTextString = "Mardi soir" }).ClickAsync();
        await Eventually.Until(() => Said(amina, "vote"), said => said.SequenceEqual(["Vote enregistré."]), "the vote to be announced as recorded");
        await amina.Locator(".ballot .vote-choice", new() { HasTextString = "Samedi matin" }).ClickAsync();
        await Eventually.Until(() => Said(amina, "vote"), said => said.SequenceEqual(["Vote enregistré.", "Vote enregistré."]), "the changed vote to be announced again");
        await Eventually.Until(() => Said(amina, "timer"), said => said.SequenceEqual(["Plus qu'une minute"]), "the last minute to be announced", TimeSpan.FromSeconds(20));
        Assert.Equal(["Nouvelle étape : Contribution", "Nouvelle étape : Vote"], await Said(amina, "phase"));

        // A refusal, at once (assertive), in the console.
        var paper = console.Page.Locator(".vote-round.current input[data-paper=o1]");
        await paper.FillAsync("5000");
        await paper.BlurAsync();
        await Eventually.Until(
            () => Said(console.Page, "refusal"),
            said => said.Any(text => text.StartsWith("Le nombre de votes papier va de 0 à 1000.", StringComparison.Ordinal)),
            "the refusal to be announced");
    }

    private static readonly int LiveAnnouncementsQuiet = (int)Web.Features.Wall.LiveAnnouncements.NotesQuiet.TotalSeconds;

    private static async Task<Heard> Said(IPage page, string kind) =>
        JsonSerializer.Deserialize<Heard>(await page.EvaluateAsync<string>($"() => JSON.stringify(window.said.filter(s => s.kind === '{kind}').map(s => s.text))"))!;

    /// <summary>What one region said, in order; shown whole when a wait for it times out.</summary>
    private sealed class Heard : List<string>
    {
        public override string ToString() => "[" + string.Join(" | ", this) + "]";
    }
}
