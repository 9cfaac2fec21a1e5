using Bunit;
using CollectifLive.Testing;
using CollectifLive.Web.Components.Shared;
using CollectifLive.Web.State;
using CollectifLive.Web.Tests.Support;
using CollectifLive.Workshops;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace CollectifLive.Web.Tests.Features.Shared;

/// <summary>What a component throws while it takes in a push reaches the page's error boundary, not a task nobody awaits.</summary>
[Collection(ClusterCollection.Name)]
public class ComponentErrorTests(TestClusterFixture fixture) : StoreComponentTests(fixture)
{
    /// <summary>A component whose handling of a new step fails, as a bug in a real one would.</summary>
    public sealed class FailingOnNewStep : WorkshopComponent<Phase?>
    {
        public const string Failure = "Cette étape n'était pas prévue";

        protected override Phase? Select(WorkshopSessionState state) => state.Header?.Phase;

        protected override void SliceChanged() => throw new InvalidOperationException(Failure);

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Slice?.ToString());
    }

    [Fact]
    public async Task An_exception_thrown_while_a_push_is_taken_in_reaches_the_error_boundary()
    {
        await Open(Audience.Facilitator, Workshop.Facilitator);
        var page = Render<ErrorBoundary>(parameters => parameters
            .Add<FailingOnNewStep>(boundary => boundary.ChildContent, _ => { })
            .Add(boundary => boundary.ErrorContent, exception => $"<p class=\"failed\">{exception.Message}</p>"));
        Assert.Equal(nameof(Phase.Contribution), page.Markup.Trim());

        await Workshop.Run(new SetPhase(Phase.Vote));

        page.WaitForAssertion(() => Assert.Equal(FailingOnNewStep.Failure, page.Find("p.failed").TextContent), Patience);
    }
}
