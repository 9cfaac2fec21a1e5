using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Components.Shared;

/// <summary>
/// How a participant reads the page: as usual, or in easy reading (larger type, simpler words, one thing at a time).
/// The participant page cascades it; the texts that matter most have a simpler twin under "Easy.{key}".
/// </summary>
public sealed record Reading(bool Easy)
{
    public static readonly Reading Usual = new(false);

    public static readonly Reading EasyReading = new(true);
}

public static class ReadingText
{
    /// <summary>The "Easy.{key}" text in easy reading when there is one, else the usual "{key}".</summary>
    public static string For(this IStringLocalizer localizer, Reading? reading, string key, params object[] arguments)
    {
        if (reading?.Easy == true && localizer[$"Easy.{key}", arguments] is { ResourceNotFound: false } easy)
        {
            return easy;
        }

        return localizer[key, arguments];
    }
}
