namespace CollectifLive.Web.Workshops;

/// <summary>A ready-made workshop: its question and columns, keyed by resources for its name.</summary>
public sealed record WorkshopTemplate(string Id, string Title, string Question, IReadOnlyList<string> Columns);

/// <summary>The four workshops of the regional day on citizen initiatives, and a blank one.</summary>
public static class WorkshopTemplates
{
    private static readonly string[] DayColumns = ["Expériences qui marchent", "Freins", "Préconisations"];

    public static readonly WorkshopTemplate Blank = new("vierge", "", "", ["Idées"]);

    public static readonly IReadOnlyList<WorkshopTemplate> All =
    [
        Blank,
        new("emergence", "Émergence", "Quels espaces d'accueil et quel accompagnement des initiatives citoyennes ?", DayColumns),
        new("consolidation", "Consolidation", "Quels moyens humains, financiers et de gouvernance pour soutenir les initiatives ?", DayColumns),
        new("concretisation", "Concrétisation", "Comment faire vivre les initiatives dans la durée ?", DayColumns),
        new("numerique", "Numérique", "L'outil numérique est-il toujours au service de l'initiative citoyenne ?", DayColumns),
    ];

    public static WorkshopTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}
