using Bunit;
using CollectifLive.Testing;
using CollectifLive.Web.Features.Facilitation;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.Features.Facilitation;

/// <summary>Pre-moderation on the console: what waits, and what approving or hiding does to the wall.</summary>
[Collection(ClusterCollection.Name)]
public class ModerationQueueTests(TestClusterFixture fixture) : StoreComponentTests(fixture)
{
    private async Task<NoteStatus?> StatusOf(string noteId) => (await Workshop.Console()).Notes.GetValueOrDefault(noteId)?.Status;

    [Fact]
    public async Task Waiting_notes_are_listed_with_their_author_and_approving_or_hiding_one_takes_it_out_of_the_queue()
    {
        await Workshop.Run(new SetWallSetting(WallSetting.PreModeration, true));
        var amina = await Workshop.Join("Amina");
        var cafe = await Workshop.Post(amina, "Un café associatif");
        var spam = await Workshop.Post(amina, "Publicité");
        await Open(Audience.Facilitator, Workshop.Facilitator);
        var queue = Render<ModerationQueue>();

        Assert.Equal("À valider (2)", queue.Find("#moderation-title").TextContent);
        Assert.Equal(["Un café associatif", "Publicité"], queue.FindAll("li .note-text").Select(p => p.TextContent));
        Assert.StartsWith("Amina", queue.Find($"li[data-note-id='{cafe}'] .note-meta").TextContent);

        await queue.Find($"li[data-note-id='{cafe}'] button[data-action='approve']").ClickAsync(new());
        await queue.Find($"li[data-note-id='{spam}'] button[data-action='hide']").ClickAsync(new());

        queue.WaitForAssertion(() => Assert.Equal("À valider (0)", queue.Find("#moderation-title").TextContent), Patience);
        Assert.Equal("Aucune idée en attente.", queue.Find(".hint").TextContent);
        Assert.Equal(NoteStatus.Visible, await StatusOf(cafe));
        Assert.Equal(NoteStatus.Hidden, await StatusOf(spam));
    }

    [Fact]
    public async Task A_note_moderated_from_another_console_leaves_the_queue()
    {
        await Workshop.Run(new SetWallSetting(WallSetting.PreModeration, true));
        var amina = await Workshop.Join("Amina");
        var cafe = await Workshop.Post(amina, "Un café associatif");
        await Open(Audience.Facilitator, Workshop.Facilitator);
        var queue = Render<ModerationQueue>();
        Assert.Single(queue.FindAll("li[data-note-id]"));

        await Workshop.Run(new ModerateNote(cafe, ModerationAction.Approve));

        queue.WaitForAssertion(() => Assert.Empty(queue.FindAll("li[data-note-id]")), Patience);
        Assert.Equal(NoteStatus.Visible, await StatusOf(cafe));
    }
}
