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

    /// <summary>The rules in one line: "5 gommettes, au plus 3 par idée", "Plusieurs choix possibles"...</summary>
    public static string Rules(this IStringLocalizer localizer, VoteSetup setup) => setup.Kind switch
    {
        VoteKind.Dots => localizer[setup.Target == VoteTarget.Themes ? "Vote.Rules.DotsThemes" : "Vote.Rules.DotsNotes", setup.DotBudget, setup.DotCap],
        VoteKind.Poll => localizer[setup.MultipleChoice ? "Vote.Rules.Multiple" : "Vote.Rules.Single"],
        VoteKind.Scale => localizer[setup.Scale == ScaleRange.ZeroToTen ? "Vote.Rules.ZeroToTen" : "Vote.Rules.OneToFive"],
        _ => localizer["Vote.Rules.Words", Limits.WordAnswersMax],
    };
}
