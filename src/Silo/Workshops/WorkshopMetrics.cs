using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CollectifLive.Silo.Workshops;

/// <summary>
/// What workshops' writes cost, for operators: the meter <c>CollectifLive.Silo</c>, exported when the operator turns
/// metrics on (docs/operations.md). No workshop content and no workshop id is in it.
/// </summary>
public sealed class WorkshopMetrics
{
    public const string MeterName = "CollectifLive.Silo";

    private readonly Histogram<double> _appendDuration;
    private readonly Histogram<int> _appendBytes;
    private readonly Histogram<int> _appendCommands;
    private readonly Counter<long> _writeFailures;
    private readonly Histogram<double> _snapshotDuration;

    public WorkshopMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _appendDuration = meter.CreateHistogram<double>("collectiflive.journal.append.duration", "s", "Time to store one write of a workshop (its retries included), before its callers are answered.");
        _appendBytes = meter.CreateHistogram<int>("collectiflive.journal.append.size", "By", "Size of one stored write (a journal entry, compressed and sealed).");
        _appendCommands = meter.CreateHistogram<int>("collectiflive.journal.append.commands", "{command}", "Commands carried by one write (group commit).");
        _writeFailures = meter.CreateCounter<long>("collectiflive.journal.append.failures", "{write}", "Writes given up after their retries: their commands were refused StorageUnavailable.");
        _snapshotDuration = meter.CreateHistogram<double>("collectiflive.snapshot.duration", "s", "Time to store a workshop's snapshot and compact its journal.");
    }

    public void Appended(long startedAt, int bytes, int commands)
    {
        _appendDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        _appendBytes.Record(bytes);
        _appendCommands.Record(commands);
    }

    public void WriteFailed() => _writeFailures.Add(1);

    public void Snapshotted(long startedAt) => _snapshotDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
}
