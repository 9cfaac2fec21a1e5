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

    /// <summary>The narrowest phone still in use: 320 CSS px wide.</summary>
    public static BrowserNewContextOptions SmallPhone(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 320, Height = 568 },
        IsMobile = true,
        HasTouch = true,
        Locale = "fr-FR",
    };

    /// <summary>
    /// A 1366×768 laptop at 200 % zoom. Zooming a page halves the CSS pixels it is laid out in (683×384) and doubles the
    /// device pixels per CSS pixel: the same as this viewport with a scale factor of 2. (A 1366×768 viewport with a scale
    /// factor of 2 would be a sharper screen at 100 %, laid out exactly as unzoomed.)
    /// </summary>
    public static BrowserNewContextOptions ZoomedLaptop(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 683, Height = 384 },
        DeviceScaleFactor = 2,
        Locale = "fr-FR",
    };

    public static BrowserNewContextOptions Laptop(string baseUrl, string locale = "fr-FR") => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        Locale = locale,
    };

    /// <summary>The facilitator's usual laptop screen.</summary>
    public static BrowserNewContextOptions Console(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        Locale = "fr-FR",
    };

    public static BrowserNewContextOptions Projector(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        Locale = "fr-FR",
    };
}
