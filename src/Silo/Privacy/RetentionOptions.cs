namespace CollectifLive.Silo.Privacy;

/// <summary>
/// How long a workshop (and an event) is kept after its last activity before it deletes itself, unless its organiser
/// or facilitator keeps it. Setting <c>Retention:Days</c>.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";
    public const int DefaultDays = 90;
    public const int MaxDays = 3650;

    /// <summary>How often a workshop checks whether its time is up: it is deleted at most this long after it expired.</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromHours(6);

    public int Days { get; set; } = DefaultDays;

    /// <summary>Whether something last active at <paramref name="lastActivity"/> is due for deletion at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset lastActivity, bool kept, DateTimeOffset now) => !kept && now - lastActivity >= TimeSpan.FromDays(Days);
}
