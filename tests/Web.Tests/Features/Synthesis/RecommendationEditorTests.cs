using Bunit;
using Bunit.Rendering;
using CollectifLive.Testing;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.Features.Synthesis;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Tests.Features.Synthesis;

/// <summary>Writing a recommendation: what is sent, the form emptied, and what was typed given back on a refusal.</summary>
[Collection(ClusterCollection.Name)]
public class RecommendationEditorTests(TestClusterFixture fixture) : StoreComponentTests(fixture)
{
    private async Task<(IRenderedComponent<ContainerFragment> Editor, string NoteId)> NewRecommendation()
    {
        var amina = await Workshop.Join("Amina");
        var noteId = await Workshop.Post(amina, "Un café associatif");
        await Workshop.Run(new SetPhase(Phase.Synthesis));
        await Open(Audience.Facilitator, Workshop.Facilitator);
        var wall = Store.State.Shared!;
        var editor = Render(builder =>
        {
            builder.OpenComponent<RecommendationEditor>(0);
            builder.AddComponentParameter(1, nameof(RecommendationEditor.Wall), wall);
            builder.CloseComponent();
            builder.OpenComponent<CommandNotice>(2);
            builder.CloseComponent();
        });
        return (editor, noteId);
    }

    [Fact]
    public async Task A_new_recommendation_is_sent_with_its_sources_and_the_form_empties()
    {
        var (editor, noteId) = await NewRecommendation();

        await editor.Find(".rec-title").ChangeAsync(new() { Value = "Ouvrir un lieu d'accueil" });
        await editor.Find(".rec-text").ChangeAsync(new() { Value = "Un lieu ouvert le soir, tenu par les associations." });
        await editor.Find($"input[data-source='{noteId}']").ChangeAsync(new() { Value = true });
        Assert.Equal("Ajouter la préconisation", editor.Find("button[data-action='save-recommendation']").TextContent);
        await editor.Find("form").SubmitAsync();

        Assert.Equal("", editor.Find(".rec-title").GetAttribute("value") ?? "");
        Assert.False(editor.Find($"input[data-source='{noteId}']").HasAttribute("checked"));
        var stored = await Eventually.Until(async () => (await Workshop.Console()).Recommendations.Values.ToList(), list => list.Count == 1, "the recommendation to be stored");
        Assert.Equal(("Ouvrir un lieu d'accueil", "Un lieu ouvert le soir, tenu par les associations."), (stored[0].Title, stored[0].Text));
        Assert.Equal(noteId, Assert.Single(stored[0].Sources));
        Assert.Empty(editor.FindAll(".command-notice"));
    }

    [Fact]
    public async Task A_refused_recommendation_is_explained_in_French_and_gets_back_what_was_typed()
    {
        var (editor, noteId) = await NewRecommendation();

        await editor.Find(".rec-text").ChangeAsync(new() { Value = "Sans titre" });
        await editor.Find($"input[data-source='{noteId}']").ChangeAsync(new() { Value = true });
        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => Assert.StartsWith("Donnez un titre à la préconisation.", editor.Find("[role=alert]").TextContent.Trim()), Patience);
        editor.WaitForAssertion(() => Assert.Equal("Sans titre", editor.Find(".rec-text").GetAttribute("value")), Patience);
        Assert.True(editor.Find($"input[data-source='{noteId}']").HasAttribute("checked"));
        Assert.Empty((await Workshop.Console()).Recommendations);
    }
}
