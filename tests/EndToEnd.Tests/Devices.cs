using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests;

/// <summary>The screens of a workshop, as browser contexts: each has its own storage, as separate devices do.</summary>
public static class Devices
{
    public static BrowserNewContextOptions Phone(string baseUrl, string locale = "fr-FR") => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = locale,
    };

    public static BrowserNewContextOptions Laptop(string baseUrl, string locale = "fr-FR") => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        Locale = locale,
    };

    public static BrowserNewContextOptions Projector(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        Locale = "fr-FR",
    };
}
