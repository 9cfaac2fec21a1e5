using System.Diagnostics;
using System.Diagnostics.Metrics;
using CollectifLive.Workshops;

namespace CollectifLive.Web.Hosting;

/// <summary>
/// What a room's screens and commands look like from this web server, for operators: the meter <c>CollectifLive.Web</c>,
/// exported when the operator turns metrics on (docs/operations.md). Workshops are named by their id, never by content.
/// </summary>
public sealed class WebMetrics
{
    public const string MeterName = "CollectifLive.Web";
    public const string Accepted = "accepted";

    private readonly Meter _meter;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _resyncs;

    public WebMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _commandDuration = _meter.CreateHistogram<double>("collectiflive.command.duration", "s", "Time from a command reaching this web server to its answer (stored when accepted), by command and outcome.");
        _refusals = _meter.CreateCounter<long>("collectiflive.command.refusals", "{command}", "Commands refused, by error code.");
        _pushes = _meter.CreateCounter<long>("collectiflive.feed.pushes", "{push}", "Updates handed to the pages and hub connections following a workshop on this web server.");
        _resyncs = _meter.CreateCounter<long>("collectiflive.feed.resyncs", "{resync}", "Snapshots a workshop's feed pulled because it lost track of the changes (every screen following it then gets the whole state).");
    }

    /// <summary>The pages and hub connections following each workshop on this web server, read when metrics are collected.</summary>
    public void ObserveScreens(Func<IEnumerable<(string WorkshopId, int Screens)>> screens) =>
        _meter.CreateObservableGauge(
            "collectiflive.screens",
            () => screens().Select(s => new Measurement<int>(s.Screens, new KeyValuePair<string, object?>("workshop", s.WorkshopId))),
            "{screen}",
            "Pages (phones, consoles, projectors) and hub connections following each workshop on this web server.");

    public void Answered(string command, long startedAt, WorkshopError error)
    {
        var outcome = error == WorkshopError.None ? Accepted : error.ToString();
        _commandDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new("command", command), new("outcome", outcome));
        if (error != WorkshopError.None)
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("code", outcome));
        }
    }

    public void Pushed(int screens) => _pushes.Add(screens);

    public void Resynced() => _resyncs.Add(1);
}
