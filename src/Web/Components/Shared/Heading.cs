using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CollectifLive.Web.Components.Shared;

/// <summary>A heading whose level is given, for a part shown on its own page or nested in a larger document.</summary>
public sealed class Heading : ComponentBase
{
    [Parameter, EditorRequired]
    public int Level { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, $"h{Math.Clamp(Level, 1, 6)}");
        builder.AddAttribute(1, "dir", "auto");
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
