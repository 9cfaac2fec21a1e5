using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CollectifLive.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CollectifLive.EndToEnd.Tests.Browser;

/// <summary>
/// axe-core's rules, run on each screen a test reaches, step after step. Serious and critical violations fail the test
/// at its end, all steps together, so one run tells every one of them; the report (rule, impact, the elements' selectors,
/// the help page) is the failure's message and a file under TestResults/accessibility/, with the moderate and minor
/// ones beside them for the record.
/// </summary>
public sealed class AxeAudit(string name)
{
    private static readonly HashSet<string> Blocking = ["serious", "critical"];

    private readonly List<(string Step, string Url, AxeResultItem Violation)> _found = [];
    private readonly List<string> _steps = [];

    public static AxeAudit For([CallerMemberName] string test = "") => new(test);

    /// <summary>
    /// Runs every rule on the page as it will stay: every fold opened first (<c>details</c>) so what it hides is checked
    /// too, and every animation run to its end (a note fading in has no contrast yet, and nobody reads it then).
    /// </summary>
    public async Task Check(IPage page, string step)
    {
        await page.EvaluateAsync("""
            () => {
                document.querySelectorAll('details:not([open])').forEach(d => d.open = true);
                document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity).forEach(a => a.finish());
            }
            """);
        var result = await page.RunAxe();
        _steps.Add(step);
        foreach (var violation in result.Violations)
        {
            _found.Add((step, result.Url, violation));
        }
    }

    /// <summary>Writes the report when anything was found, and fails when any of it is serious or critical.</summary>
    public void AssertClean()
    {
        if (_found.Count == 0)
        {
            return;
        }

        var blocking = _found.Where(f => Blocking.Contains(f.Violation.Impact ?? "")).ToList();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"axe-core: {blocking.Count} serious or critical violation(s) in {_steps.Count} step(s) of {name}.")
            .Append(Describe(blocking))
            .AppendLine()
            .AppendLine("Moderate and minor (not failing):")
            .Append(Describe(_found.Except(blocking)))
            .ToString();
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "accessibility");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".txt");
        File.WriteAllText(file, report);
        Assert.True(blocking.Count == 0, report + $"{Environment.NewLine}(report written to {file})");
    }

    private static string Describe(IEnumerable<(string Step, string Url, AxeResultItem Violation)> found)
    {
        var text = new StringBuilder();
        foreach (var (step, url, violation) in found)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[{step}] {violation.Id} ({violation.Impact}): {violation.Help}")
                .AppendLine(CultureInfo.InvariantCulture, $"    {violation.HelpUrl}")
                .AppendLine(CultureInfo.InvariantCulture, $"    on {url}");
            foreach (var node in violation.Nodes)
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).FirstOrDefault();
                text.AppendLine(CultureInfo.InvariantCulture, $"    - {node.Target}: {why}")
                    .AppendLine(CultureInfo.InvariantCulture, $"      {node.Html}");
            }
        }

        return text.ToString();
    }
}
