using System.Collections.Immutable;
using CollectifLive.Workshops;

namespace CollectifLive.Events;

/// <summary>
/// The recommendation the plenary restitution shows now, as the organiser's page chose it: which atelier, which
/// recommendation, what it says, and where it stands in the walk through the day (<paramref name="Position"/> of
/// <paramref name="Total"/>, 1 first).
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.PlenaryStep")]
public sealed record PlenaryStep(
    string WorkshopId,
    string WorkshopTitle,
    string RecommendationId,
    int Rank,
    string Title,
    string? Text,
    int Position,
    int Total)
{
    /// <summary>The key of the day's consent on this recommendation.</summary>
    public string Key => KeyOf(WorkshopId, RecommendationId);

    /// <summary>The key of the day's consent on a recommendation of an atelier.</summary>
    public static string KeyOf(string workshopId, string recommendationId) => $"{workshopId}/{recommendationId}";
}

/// <summary>The day's consent on one recommendation: how many agree, can live with it, or object.</summary>
[GenerateSerializer, Immutable, Alias("cl.DayConsentTally")]
public sealed record DayConsentTally(string Key, int Agree, int LiveWith, int Objection)
{
    public int Voters => Agree + LiveWith + Objection;
}

/// <summary>
/// The plenary as every screen of the day shows it: closed (<paramref name="Step"/> null), or on a recommendation with
/// the day's consent on it so far. <paramref name="Version"/> orders pushes that may arrive out of order.
/// </summary>
[GenerateSerializer, Immutable, Alias("cl.PlenaryView")]
public sealed record PlenaryView(string EventId, string EventTitle, long Version, PlenaryStep? Step, DayConsentTally? Consent);
