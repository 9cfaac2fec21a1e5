using Microsoft.Extensions.Configuration;

namespace CollectifLive.Silo.Hosting;

/// <summary>
/// What the people who run the server may see that nobody else does: metrics for Prometheus and the Orleans Dashboard,
/// both off by default and both behind <see cref="Key"/> (section <c>Operator</c>; docs/operations.md).
/// </summary>
public sealed record OperatorOptions(string? Key, bool Metrics, bool Dashboard)
{
    public const string Section = "Operator";

    /// <summary>A key an operator can still type, long enough that guessing it over the network is hopeless.</summary>
    public const int MinKeyLength = 24;

    public bool AnyEnabled => Metrics || Dashboard;

    /// <summary>The operator's settings; a start with metrics or the dashboard on and no usable key is refused with the reason.</summary>
    public static OperatorOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new OperatorOptions(section["Key"], section.GetValue<bool>("Metrics"), section.GetValue<bool>("Dashboard"));
        if (options.AnyEnabled && (options.Key is null || options.Key.Trim().Length < MinKeyLength))
        {
            throw new InvalidOperationException(
                $"{Section}:Metrics and {Section}:Dashboard need {Section}:Key, at least {MinKeyLength} characters (for example: openssl rand -base64 24).");
        }

        return options;
    }
}
