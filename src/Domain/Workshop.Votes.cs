using System.Collections.Immutable;
using System.Globalization;
using CollectifLive.Workshops;

namespace CollectifLive.Domain;

/// <summary>Vote rounds: dot votes, polls, scales and word clouds, their ballots and their paper counts.</summary>
internal static partial class Workshop
{
    /// <summary>
    /// What one may vote for in a round now: visible notes or themes for dots (as they were at the close, once closed),
    /// the answers given for a word cloud, the options otherwise.
    /// </summary>
    public static ImmutableArray<RoundItem> VoteItems(WorkshopState state, VoteRound round) => round.Setup.Kind switch
    {
        _ when round.ClosedItems is { } closed => closed,
        VoteKind.Dots when round.Setup.Target == VoteTarget.Themes =>
            [.. state.Clusters.Values.OrderBy(c => c.Seq).Select(c => new RoundItem(c.Id, c.Name))],
        VoteKind.Dots =>
            [.. state.Notes.Values.Where(IsVotable).OrderBy(n => n.Seq).Select(n => new RoundItem(n.Id, n.Text))],
        VoteKind.WordCloud =>
            [.. round.Ballots.Values.SelectMany(b => b.Marks.Keys).Select(w => round.Merges.GetValueOrDefault(w, w)).Distinct().Order(StringComparer.Ordinal).Select(w => new RoundItem(w, w))],
        _ => round.Options,
    };

    /// <summary>A note one may vote on: accepted and revealed (the round shows it to everyone who votes).</summary>
    private static bool IsVotable(Note note) => note.Status == NoteStatus.Visible && note.Revealed;

    private static Decision DecideOpenRound(WorkshopState state, OpenVoteRound command, DateTimeOffset now)
    {
        var asked = command.Setup;
        if (asked is { Kind: VoteKind.Consent })
        {
            // A consent round is on a recommendation, and asks about it in its own words.
            if (RecommendationOf(state, asked.Subject) is not { } recommendation)
            {
                return Decision.Refuse(WorkshopError.UnknownRecommendation);
            }

            asked = asked with { Question = recommendation.Title };
        }

        if (ValidSetup(asked, out var setup, out var options) is { } invalid)
        {
            return invalid;
        }

        if (setup.Kind == VoteKind.Dots && !state.Settings.ParticipantsSeeWall)
        {
            return Decision.Refuse(WorkshopError.VoteNeedsWall);
        }

        if (state.Rounds.Count >= Limits.VoteRoundsPerWorkshopMax)
        {
            return Decision.Refuse(WorkshopError.TooManyVoteRounds, Limits.VoteRoundsPerWorkshopMax);
        }

        var round = new VoteRound(
            $"v{state.NextSeq}",
            state.NextSeq,
            setup,
            RoundStatus.Open,
            options,
            ImmutableDictionary<string, Ballot>.Empty,
            ImmutableDictionary<string, int>.Empty,
            ImmutableDictionary<string, string>.Empty,
            now);
        var events = MakingWayForARound(state);
        events.Add(new VoteRoundOpened(round));
        if (setup.TimerSeconds is { } seconds)
        {
            events.Add(new TimerChanged(new WorkshopTimer(TimerStatus.Running, seconds, now.AddSeconds(seconds), 0)));
        }

        return Decision.Accept(events, round.Id);
    }

    private static Decision DecideRoundStatus(WorkshopState state, string? roundId, RoundStatus wanted)
    {
        if (RoundOf(state, roundId) is not { } round)
        {
            return Decision.Refuse(WorkshopError.UnknownVoteRound);
        }

        if (round.Status == wanted)
        {
            return Decision.Unchanged;
        }

        if (round.Setup.Kind == VoteKind.Dots && !state.Settings.ParticipantsSeeWall && wanted == RoundStatus.Open)
        {
            return Decision.Refuse(WorkshopError.VoteNeedsWall);
        }

        // Closing puts the results on the projector, where the room waited for them; reopening shows the round again.
        if (wanted == RoundStatus.Closed)
        {
            var results = new Spotlight(SpotlightKind.VoteRound, round.Id);
            return Decision.Accept(state.Spotlight == results ? [new VoteRoundClosed(round.Id)] : [new VoteRoundClosed(round.Id), new SpotlightChanged(results)], round.Id);
        }

        var events = MakingWayForARound(state);
        events.Add(new VoteRoundReopened(round.Id));
        return Decision.Accept(events, round.Id);
    }

    /// <summary>
    /// Before a round opens (or opens again): the one open is closed, one round at a time; a closed round's results
    /// left on the projector give way, since the open round shows there by itself.
    /// </summary>
    private static List<WorkshopEvent> MakingWayForARound(WorkshopState state)
    {
        var events = new List<WorkshopEvent>();
        if (state.Spotlight is { Kind: SpotlightKind.VoteRound })
        {
            events.Add(new SpotlightChanged(null));
        }

        if (state.OpenRound is { } open)
        {
            events.Add(new VoteRoundClosed(open.Id));
        }

        return events;
    }

    private static Decision DecideDiscardRound(WorkshopState state, DiscardVoteRound command) =>
        RoundOf(state, command.RoundId) is { } round
            ? Decision.Accept(WithoutSpotlightOn(state, SpotlightKind.VoteRound, round.Id, new VoteRoundDiscarded(round.Id)), round.Id)
            : Decision.Refuse(WorkshopError.UnknownVoteRound);

    private static VoteRound? RoundOf(WorkshopState state, string? roundId) =>
        roundId is null ? null : state.Rounds.GetValueOrDefault(roundId);

    private static Decision DecideCastBallot(WorkshopState state, Actor actor, CastBallot command, DateTimeOffset now)
    {
        if (actor.Role != CredentialKind.Participant || actor.ParticipantId is null)
        {
            return Decision.Refuse(WorkshopError.NotAllowedForRole);
        }

        if (RoundOf(state, command.RoundId) is not { } round)
        {
            return Decision.Refuse(WorkshopError.UnknownVoteRound);
        }

        if (round.Status != RoundStatus.Open)
        {
            return Decision.Refuse(WorkshopError.VoteRoundClosed);
        }

        var participant = state.Participants[actor.ParticipantId];
        if (participant.Blocked)
        {
            return Decision.Refuse(WorkshopError.ParticipantBlocked);
        }

        if (command.Marks is null)
        {
            return Decision.Refuse(WorkshopError.InvalidBallot);
        }

        var checkedMarks = round.Setup.Kind switch
        {
            VoteKind.Dots => DotMarks(state, round, command.Marks),
            VoteKind.WordCloud => WordMarks(command.Marks),
            _ => ChoiceMarks(round, command.Marks),
        };
        if (checkedMarks.Refusal is { } refusal)
        {
            return refusal;
        }

        var marks = checkedMarks.Marks;
        var reason = marks.ContainsKey(ConsentAnswers.Objection) && round.Setup.Kind == VoteKind.Consent ? Text.Clean(command.Reason, multiline: true) : "";
        if (reason.Length > Limits.ObjectionReasonMaxLength)
        {
            return Decision.Refuse(WorkshopError.ObjectionReasonTooLong, Limits.ObjectionReasonMaxLength);
        }

        var previous = round.Ballots.GetValueOrDefault(actor.ParticipantId);
        var sameMarks = previous is null ? marks.IsEmpty : VoteMarks.Same(previous.Marks, marks);

        // The same answer without a reason keeps the reason given before (a phone resending its last tap).
        if (sameMarks && (reason.Length == 0 || reason == previous?.Reason))
        {
            return Decision.Accept([], round.Id);
        }

        var kept = reason.Length > 0 ? reason : sameMarks ? previous?.Reason : null;
        return Decision.Accept(new BallotCast(round.Id, new Ballot(participant.Id, participant.Presence, marks, now, kept)), round.Id);
    }

    private static Decision DecidePaperVotes(WorkshopState state, SetPaperVotes command)
    {
        if (RoundOf(state, command.RoundId) is not { } round)
        {
            return Decision.Refuse(WorkshopError.UnknownVoteRound);
        }

        if (round.Setup.Kind == VoteKind.WordCloud)
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (command.Count is < 0 or > Limits.PaperVotesMax)
        {
            return Decision.Refuse(WorkshopError.PaperVotesInvalid, Limits.PaperVotesMax);
        }

        if (!VoteItems(state, round).Any(i => i.Id == command.ItemId))
        {
            return Decision.Refuse(WorkshopError.UnknownVoteItem);
        }

        return round.Paper.GetValueOrDefault(command.ItemId) == command.Count
            ? Decision.Unchanged
            : Decision.Accept(new PaperVotesSet(round.Id, command.ItemId, command.Count), round.Id);
    }

    private static Decision DecideMergeWords(WorkshopState state, MergeWords command)
    {
        if (RoundOf(state, command.RoundId) is not { } round)
        {
            return Decision.Refuse(WorkshopError.UnknownVoteRound);
        }

        if (round.Setup.Kind != VoteKind.WordCloud)
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        if (command.Words.IsDefaultOrEmpty || Text.Clean(command.Into, multiline: false).Length == 0)
        {
            return Decision.Refuse(WorkshopError.NothingToMerge);
        }

        if (Answer(command.Into) is not { } typed)
        {
            return Decision.Refuse(WorkshopError.AnswerTooLong, Limits.WordAnswerMaxLength);
        }

        // Only answers on the cloud now can be merged; a word kept that was itself merged away means the word it went to.
        var answers = VoteItems(state, round).Select(i => i.Id).ToHashSet();
        ImmutableArray<string> words = [.. command.Words.Select(Answer).OfType<string>().Distinct()];
        if (words.Any(w => !answers.Contains(w)))
        {
            return Decision.Refuse(WorkshopError.UnknownVoteItem);
        }

        var into = round.Merges.GetValueOrDefault(typed, typed);
        return words.IsEmpty || words.All(w => w == into)
            ? Decision.Accept([], round.Id)
            : Decision.Accept(new WordsMerged(round.Id, words, into), round.Id);
    }

    /// <summary>Checks a setup; returns the cleaned setup and the round's fixed options (poll options, scale values).</summary>
    private static Decision? ValidSetup(VoteSetup? setup, out RoundSetup cleaned, out ImmutableArray<RoundItem> options)
    {
        cleaned = null!;
        options = [];
        if (setup is null || !Enum.IsDefined(setup.Kind) || !Enum.IsDefined(setup.Target) || !Enum.IsDefined(setup.Scale))
        {
            return Decision.Refuse(WorkshopError.InvalidRequest);
        }

        var question = Text.Clean(setup.Question, multiline: false);
        if (question.Length > Limits.VoteQuestionMaxLength)
        {
            return Decision.Refuse(WorkshopError.VoteQuestionTooLong, Limits.VoteQuestionMaxLength);
        }

        if (question.Length == 0 && setup.Kind != VoteKind.Dots)
        {
            return Decision.Refuse(WorkshopError.VoteQuestionRequired);
        }

        if (setup.TimerSeconds is < 1 or > Limits.TimerMaxSeconds)
        {
            return Decision.Refuse(WorkshopError.TimerDurationInvalid, Limits.TimerMaxSeconds);
        }

        switch (setup.Kind)
        {
            case VoteKind.Dots when setup.DotBudget is < 1 or > Limits.DotBudgetMax || setup.DotCap < 1 || setup.DotCap > setup.DotBudget:
                return Decision.Refuse(WorkshopError.DotBudgetInvalid, Limits.DotBudgetMax);
            case VoteKind.Poll:
                var labels = (setup.Options.IsDefault ? [] : setup.Options).Select(o => Text.Clean(o, multiline: false)).Where(o => o.Length > 0).ToList();
                if (labels.Count is < Limits.PollOptionsMin or > Limits.PollOptionsMax || labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Count)
                {
                    return Decision.Refuse(WorkshopError.PollOptionsInvalid, Limits.PollOptionsMax);
                }

                if (labels.Any(o => o.Length > Limits.PollOptionMaxLength))
                {
                    return Decision.Refuse(WorkshopError.PollOptionTooLong, Limits.PollOptionMaxLength);
                }

                options = [.. labels.Select((label, i) => new RoundItem($"o{i + 1}", label))];
                break;
            case VoteKind.Scale:
                var (from, to) = setup.Scale == ScaleRange.ZeroToTen ? (0, 10) : (1, 5);
                options = [.. Enumerable.Range(from, to - from + 1).Select(v => v.ToString(CultureInfo.InvariantCulture)).Select(v => new RoundItem(v, v))];
                break;
            case VoteKind.Consent:
                // Stored in French, the workshop's language of record; screens show each answer in their own language.
                options = [new RoundItem(ConsentAnswers.Agree, "D'accord"), new RoundItem(ConsentAnswers.LiveWith, "Je peux vivre avec"), new RoundItem(ConsentAnswers.Objection, "Objection")];
                break;
        }

        cleaned = RoundSetup.Of(setup) with
        {
            Question = question.Length == 0 ? null : question,
            Options = [.. options.Select(o => o.Label)],
            DotBudget = setup.Kind == VoteKind.Dots ? setup.DotBudget : 0,
            DotCap = setup.Kind == VoteKind.Dots ? setup.DotCap : 0,
            Subject = setup.Kind == VoteKind.Consent ? setup.Subject : null,
        };
        return null;
    }

    private readonly record struct CheckedMarks(ImmutableDictionary<string, int> Marks, Decision? Refusal);

    private static CheckedMarks Refused(WorkshopError error, int? limit = null) => new(ImmutableDictionary<string, int>.Empty, Decision.Refuse(error, limit));

    /// <summary>Dots: only on items one may vote for, at most the cap on one, at most the budget in all.</summary>
    private static CheckedMarks DotMarks(WorkshopState state, VoteRound round, ImmutableDictionary<string, int> marks)
    {
        var items = VoteItems(state, round).Select(i => i.Id).ToHashSet();
        var kept = ImmutableDictionary.CreateBuilder<string, int>();
        foreach (var (item, dots) in marks)
        {
            if (dots < 0)
            {
                return Refused(WorkshopError.InvalidBallot);
            }

            if (dots == 0)
            {
                continue;
            }

            if (!items.Contains(item))
            {
                return Refused(WorkshopError.UnknownVoteItem);
            }

            if (dots > round.Setup.DotCap)
            {
                return Refused(WorkshopError.OverItemCap, round.Setup.DotCap);
            }

            kept[item] = dots;
        }

        return kept.Values.Sum() > round.Setup.DotBudget
            ? Refused(WorkshopError.OverBudget, round.Setup.DotBudget)
            : new CheckedMarks(kept.ToImmutable(), null);
    }

    /// <summary>Polls and scales: one mark per chosen option; one option only unless the poll is multiple choice.</summary>
    private static CheckedMarks ChoiceMarks(VoteRound round, ImmutableDictionary<string, int> marks)
    {
        var chosen = marks.Where(m => m.Value != 0).ToList();
        if (chosen.Any(m => m.Value != 1))
        {
            return Refused(WorkshopError.InvalidBallot);
        }

        if (chosen.Any(m => !round.Options.Any(o => o.Id == m.Key)))
        {
            return Refused(WorkshopError.UnknownVoteItem);
        }

        var single = round.Setup.Kind == VoteKind.Scale || !round.Setup.MultipleChoice;
        return single && chosen.Count > 1
            ? Refused(WorkshopError.InvalidBallot)
            : new CheckedMarks(chosen.ToImmutableDictionary(m => m.Key, _ => 1), null);
    }

    /// <summary>Word clouds: up to three answers of one to three words each, compared regardless of case and spacing.</summary>
    private static CheckedMarks WordMarks(ImmutableDictionary<string, int> marks)
    {
        var answers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (typed, count) in marks)
        {
            if (count is < 0 or > 1)
            {
                return Refused(WorkshopError.InvalidBallot);
            }

            if (count == 0 || Text.Clean(typed, multiline: false).Length == 0)
            {
                continue;
            }

            if (Answer(typed) is not { } answer)
            {
                return Refused(WorkshopError.AnswerTooLong, Limits.WordAnswerMaxLength);
            }

            answers.Add(answer);
        }

        return answers.Count > Limits.WordAnswersMax
            ? Refused(WorkshopError.TooManyAnswers, Limits.WordAnswersMax)
            : new CheckedMarks(answers.ToImmutableDictionary(a => a, _ => 1), null);
    }

    /// <summary>A word-cloud answer as it is counted (lower case, single spaces), or null when empty or too long.</summary>
    private static string? Answer(string? typed)
    {
        var words = Text.Clean(typed, multiline: false).ToLower(CultureInfo.GetCultureInfo("fr")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var answer = string.Join(' ', words);
        return words.Length is >= 1 and <= Limits.WordAnswerMaxWords && answer.Length <= Limits.WordAnswerMaxLength ? answer : null;
    }

}
