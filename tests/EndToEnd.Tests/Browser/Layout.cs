using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// What a small screen or a zoomed page must not do: cut something off (a box past the viewport's width, the page
/// scrolling sideways, text hidden by its box) or lay controls over each other. Measured on the page as it is drawn.
/// </summary>
public static class Layout
{
    private const string Problems = """
        (scope) => {
          const width = document.documentElement.clientWidth;
          const problems = [];
          const name = (e) => `<${e.tagName.toLowerCase()}${e.id ? " id=" + e.id : ""}${typeof e.className === "string" && e.className ? " class='" + e.className.trim() + "'" : ""}> "${(e.innerText || e.value || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
          const shown = (e) => {
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            return box.width >= 2 && box.height >= 2 && style.visibility !== "hidden" && !e.closest(".visually-hidden");
          };
          const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) { if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return true; } return false; };
          if (document.documentElement.scrollWidth > width + 1) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px of content in ${width} px`);
          const all = [...document.querySelectorAll(scope + ", " + scope + " *")].filter(shown);
          for (const e of all) {
            const box = e.getBoundingClientRect();
            if ((box.left < -1 || box.right > width + 1) && !scrolls(e)) problems.push(`${name(e)} is cut off: from ${Math.round(box.left)} to ${Math.round(box.right)} px in ${width} px`);
            if (e.matches("input, textarea, select")) continue;
            const style = getComputedStyle(e);
            const hides = (overflow) => overflow === "hidden" || overflow === "clip";
            if ((hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1)) problems.push(`${name(e)} hides part of its text: ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
          }
          const controls = all.filter((e) => e.matches("a[href], button, input:not([type=hidden]), select, textarea, summary"));
          for (let i = 0; i < controls.length; i++) {
            for (let j = i + 1; j < controls.length; j++) {
              const [a, b] = [controls[i], controls[j]];
              if (a.contains(b) || b.contains(a)) continue;
              const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
              const overlap = Math.max(0, Math.min(p.right, q.right) - Math.max(p.left, q.left)) * Math.max(0, Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top));
              if (overlap > 1) problems.push(`${name(a)} and ${name(b)} overlap`);
            }
          }
          return problems;
        }
        """;

    /// <summary>Fails with every problem found inside <paramref name="scope"/> (a CSS selector), named and measured.</summary>
    public static async Task AssertNothingCutOffOrOverlapping(IPage page, string what, string scope = "main")
    {
        var problems = await page.EvaluateAsync<string[]>(Problems, scope);
        var viewport = page.ViewportSize!;
        Assert.True(problems.Length == 0, $"{what} at {viewport.Width}x{viewport.Height}:\n{string.Join('\n', problems.Take(20))}");
    }
}
