using System.Globalization;
using CollectifLive.Workshops;

namespace CollectifLive.Bench;

/// <summary>
/// What to measure, from the command line; every option has the full run's value as default, so that no argument
/// at all is the benchmark the README's table comes from.
/// </summary>
internal sealed record BenchOptions(
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<int> Sizes,
    IReadOnlyList<int> Rates,
    int Seconds,
    int Runs,
    int Participants,
    int Phones,
    int ListenerProcesses,
    int Budget,
    int Cap,
    int Notes)
{
    /// <summary>In the order a full run takes them: memory first, on servers that have served nothing else yet.</summary>
    public static readonly IReadOnlyList<string> AllScenarios = ["memory", "joins", "fanout", "circuits", "votes"];

    public const string Usage = """
        dotnet CollectifLive.Bench.dll [--scenario all|memory,joins,fanout,circuits,votes] [--runs 3]
            [--sizes 100,500,1000,2000] [--rates 10,50] [--seconds 10]    fan-out: listeners, notes/s, seconds of notes
            [--participants 2000]                                          joins, memory and the vote burst
            [--phones 50]                                                  Blazor phone circuits beside the projector
            [--listener-processes 4]                                       processes the listeners are spread over
            [--dots 5] [--cap 3] [--notes 10]                              the vote burst's ballot
        """;

    private static readonly string[] Names =
        ["--scenario", "--runs", "--sizes", "--rates", "--seconds", "--participants", "--phones", "--listener-processes", "--dots", "--cap", "--notes"];

    /// <summary>The role this process plays: the benchmark itself (null), or a listener or bare-hub process it started.</summary>
    public static string? Role(string[] args)
    {
        var index = Array.IndexOf(args, "--role");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static BenchOptions Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Names.Contains(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected '{args[i]}'\n{Usage}");
            }
        }

        string Text(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 ? args[index + 1] : fallback;
        }

        int Value(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        int[] Values(string name, string fallback) => [.. Text(name, fallback).Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

        var scenario = Text("--scenario", "all");
        var scenarios = scenario == "all" ? AllScenarios : [.. AllScenarios.Where(scenario.Split(',').Contains)];
        if (scenario != "all" && scenarios.Count != scenario.Split(',').Length)
        {
            throw new ArgumentException($"unknown scenario in '{scenario}'\n{Usage}");
        }

        var options = new BenchOptions(
            scenarios,
            Values("--sizes", "100,500,1000,2000"),
            Values("--rates", "10,50"),
            Value("--seconds", 10),
            Value("--runs", 3),
            Value("--participants", 2000),
            Value("--phones", 50),
            Value("--listener-processes", 4),
            Value("--dots", 5),
            Value("--cap", 3),
            Value("--notes", 10));
        if (options.NotesPerFanOutWorkshop > Limits.NotesPerWorkshopMax)
        {
            throw new ArgumentException(
                $"fan-out posts {options.NotesPerFanOutWorkshop} notes to each workshop (runs × sum of rates × seconds), above the app's {Limits.NotesPerWorkshopMax}");
        }

        if (options.Sizes.Concat([options.Participants]).Any(n => n + options.FanOutSenders > Limits.ParticipantsPerWorkshopMax))
        {
            throw new ArgumentException($"a workshop takes at most {Limits.ParticipantsPerWorkshopMax} participants");
        }

        return options;
    }

    /// <summary>A fan-out workshop keeps its listeners for every rate and run: this many notes are posted to it.</summary>
    public int NotesPerFanOutWorkshop => Runs * Rates.Sum() * Seconds;

    /// <summary>Participants that post the notes, in turn: each may post at most <see cref="Limits.NotesPerParticipantMax"/>.</summary>
    public int FanOutSenders => Math.Max(4, (NotesPerFanOutWorkshop + Limits.NotesPerParticipantMax - 11) / (Limits.NotesPerParticipantMax - 10));

    public bool Includes(string scenario) => Scenarios.Contains(scenario);
}
