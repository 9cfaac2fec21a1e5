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
}
