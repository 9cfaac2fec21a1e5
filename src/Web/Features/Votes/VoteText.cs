using CollectifLive.Web.Components.Shared;
using CollectifLive.Workshops;
using Microsoft.Extensions.Localization;

namespace CollectifLive.Web.Features.Votes;

/// <summary>How a round is named on every screen: its question, or what kind of vote it is.</summary>
public static class VoteText
{
    public static string Title(this IStringLocalizer localizer, VoteSetup setup) =>
        setup.Question ?? localizer[$"Vote.Kind.{setup.Kind}"];

    /// <summary>An item of the round by its label; an id the round no longer lists (a stored word answer) as it is.</summary>
    public static string LabelOf(this VoteRoundView round, string itemId) =>
        round.Items.FirstOrDefault(i => i.Id == itemId)?.Label ?? itemId;

    /// <summary>
    /// The rules in one line: "5 gommettes, au plus 3 par idée", "Plusieurs choix possibles"... (in simpler words for
    /// easy reading).
    /// </summary>
    public static string Rules(this IStringLocalizer localizer, VoteSetup setup, Reading? reading = null) => setup.Kind switch
    {
        VoteKind.Dots => localizer.For(reading, setup.Target == VoteTarget.Themes ? "Vote.Rules.DotsThemes" : "Vote.Rules.DotsNotes", setup.DotBudget, setup.DotCap),
        VoteKind.Poll => localizer.For(reading, setup.MultipleChoice ? "Vote.Rules.Multiple" : "Vote.Rules.Single"),
        VoteKind.Scale => localizer.For(reading, setup.Scale == ScaleRange.ZeroToTen ? "Vote.Rules.ZeroToTen" : "Vote.Rules.OneToFive"),
        VoteKind.Consent => localizer.For(reading, "Vote.Rules.Consent"),
        _ => localizer.For(reading, "Vote.Rules.Words", Limits.WordAnswersMax),
    };

    /// <summary>An item as this screen names it: a consent round's answers in the screen's language, others as stored.</summary>
    public static string ItemLabel(this IStringLocalizer localizer, VoteSetup setup, string itemId, string stored) =>
        setup.Kind == VoteKind.Consent ? localizer[$"Consent.{itemId}"] : stored;

    /// <summary>Items whose order means something (a scale, a consent round's answers) keep it; others sort by votes.</summary>
    public static bool KeepsItemOrder(this VoteSetup setup) => setup.Kind is VoteKind.Scale or VoteKind.Consent;
}
