using System.Globalization;
using Bunit;
using CollectifLive.Testing;
using CollectifLive.Web.Features.Wall;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.Features.Wall;

/// <summary>The phone's composer: the limit it shows, the note it sends from the browser's draft, the refusal it shows.</summary>
[Collection(ClusterCollection.Name)]
public class NoteComposerTests(TestClusterFixture fixture) : StoreComponentTests(fixture)
{
    private async Task<(IRenderedComponent<NoteComposer> Composer, Credential Amina)> Composer()
    {
        var amina = await Workshop.Join("Amina");
        await Open(Audience.Participants, amina);
        return (Render<NoteComposer>(parameters => parameters.Add(p => p.WorkshopId, Workshop.Id)), amina);
    }

    [Fact]
    public async Task The_composer_shows_the_length_limit_and_the_columns_in_French()
    {
        var (composer, _) = await Composer();

        Assert.Equal($"0 / {Limits.NoteTextMaxLength}", composer.Find("#note-count").TextContent);
        var text = composer.Find("textarea#note-text");
        Assert.Equal(Limits.NoteTextMaxLength.ToString(CultureInfo.InvariantCulture), text.GetAttribute("data-max-length"));
        Assert.StartsWith("trop long : retirez {0} caractères", text.GetAttribute("data-too-long"));
        Assert.Equal(["Idées", "Questions"], composer.FindAll("input[name=column] + span").Select(s => s.TextContent));
        Assert.Equal("Envoyer", composer.Find("button[type=submit]").TextContent.Trim());
        Assert.False(composer.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_send_button_waits_while_the_note_travels_and_the_draft_becomes_a_note()
    {
        var (composer, amina) = await Composer();
        var staged = BrowserModule.Setup<DraftNote?>("stageDraft", _ => true);

        await composer.Find("form").SubmitAsync();

        // The browser has not answered yet: the note is on its way.
        composer.WaitForAssertion(() =>
        {
            var button = composer.Find("button[type=submit]");
            Assert.True(button.HasAttribute("disabled"));
            Assert.Equal("Envoi…", button.TextContent.Trim());
        }, Patience);
        var operation = Guid.Parse((string)staged.Invocations.Single().Arguments[1]!);
        staged.SetResult(new DraftNote("Une maison des associations", "c2", (int)NoteColour.Green, operation, 0));

        composer.WaitForAssertion(() => Assert.False(composer.Find("button[type=submit]").HasAttribute("disabled")), Patience);
        var note = Assert.Single((await Workshop.Own(amina)).Notes);
        Assert.Equal(("Une maison des associations", "c2", NoteColour.Green), (note.Text, note.ColumnId, note.Colour));
        Assert.Empty(composer.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task A_note_too_long_is_refused_in_French_and_the_button_comes_back()
    {
        var (composer, amina) = await Composer();
        BrowserModule.Setup<DraftNote?>("stageDraft", _ => true)
            .SetResult(new DraftNote(new string('a', Limits.NoteTextMaxLength + 1), "c1", 0, Guid.NewGuid(), 0));

        await composer.Find("form").SubmitAsync();

        composer.WaitForAssertion(() => Assert.Equal($"Le texte dépasse {Limits.NoteTextMaxLength} caractères.", composer.Find("[role=alert]").TextContent), Patience);
        Assert.Equal("Envoyer", composer.Find("button[type=submit]").TextContent.Trim());
        Assert.False(composer.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.Single(BrowserModule.Invocations, i => i.Identifier == "unstageDraft");
        Assert.Empty((await Workshop.Own(amina)).Notes);
    }
}
