using System.Globalization;
using CollectifLive.Web.State;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Components.Shared;

/// <summary>Refusals in the user's language: one resource "Error.{code}" per <see cref="WorkshopError"/>, quoting the limit.</summary>
public static class Messages
{
    public static string Describe(this IStringLocalizer localizer, Notice notice) => localizer.Describe(notice.Error, notice.Limit);

    public static string Describe(this IStringLocalizer localizer, WorkshopError error, int? limit = null) =>
        limit is { } value ? localizer[$"Error.{error}", value] : localizer[$"Error.{error}"];

    /// <summary>
    /// "{key}.One" or "{key}.Other" for a count: French takes the singular for 0 and 1 ("0 idée"), English for 1 only.
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, string key, int count)
    {
        var singular = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? count <= 1 : count == 1;
        return localizer[$"{key}.{(singular ? "One" : "Other")}", count];
    }
}
