using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// Someone who uses no mouse: reaches a control with Tab (or Shift+Tab), as many presses as it takes in the page's own
/// order, and sees where the focus is at every stop.
/// </summary>
public static class Keys
{
    private const string FocusProblem = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return "nothing has the focus";
          const describe = `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.dataset.action ? "[data-action=" + e.dataset.action + "]" : ""} "${(e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 40)}"`;
          const box = e.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return `${describe} has the focus but no size`;
          const style = getComputedStyle(e);
          const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
          const shadow = style.boxShadow !== "none";
          return outline || shadow ? null : `${describe} has the focus without a visible ring`;
        }
        """;

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus; fails after <paramref name="most"/> presses.</summary>
    public static async Task TabTo(IPage page, ILocator target, bool backwards = false, int most = 80)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var presses = 1; presses <= most; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await HasFocus(target))
            {
                await AssertFocusVisible(page);
                return;
            }
        }

        Assert.Fail($"{most} presses of {(backwards ? "Shift+Tab" : "Tab")} did not reach {target}; the focus is on {await FocusedElement(page)}");
    }

    /// <summary>Presses a key on what has the focus (Enter, Space, an arrow, Escape...).</summary>
    public static Task Press(IPage page, string key) => page.Keyboard.PressAsync(key);

    /// <summary>Types text into what has the focus, key by key.</summary>
    public static Task Type(IPage page, string text) => page.Keyboard.TypeAsync(text);

    public static async Task<bool> HasFocus(ILocator target) => await target.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>Waits until <paramref name="target"/> has the focus (it may come after the server's answer), and that it shows.</summary>
    public static async Task AssertFocusGoesTo(IPage page, ILocator target)
    {
        await Expect(target).ToBeFocusedAsync();
        await AssertFocusVisible(page);
    }

    public static async Task AssertFocusVisible(IPage page)
    {
        var problem = await page.EvaluateAsync<string?>(FocusProblem);
        Assert.True(problem is null, problem);
    }

    private static Task<string> FocusedElement(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
}
