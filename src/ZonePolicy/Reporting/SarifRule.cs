using System.Text;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>What SARIF's <c>tool.driver.rules</c> says about one rule or engine diagnostic id.</summary>
internal sealed partial record SarifRule(string Id, string Title, Severity DefaultSeverity, string? Category, IReadOnlyList<string> Refs, string HelpUri)
{
    /// <summary>
    /// Every rule that ran, every engine id among the results, and any other id a result carries, ordered
    /// by id, so each result's <c>ruleIndex</c> points into this list.
    /// </summary>
    public static IReadOnlyList<SarifRule> Collect(CheckResult result)
    {
        var rules = new Dictionary<string, SarifRule>(StringComparer.Ordinal);
        foreach (var rule in result.Rules)
        {
            rules.TryAdd(rule.Id, From(rule));
        }

        foreach (var diagnostic in result.Diagnostics.Concat(result.Suppressed))
        {
            if (!rules.ContainsKey(diagnostic.Id))
            {
                rules.Add(diagnostic.Id, Describe(diagnostic));
            }
        }

        return rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A SARIF <c>name</c>: the title as one PascalCase word, as analyzers name their rules.</summary>
    public string Name
    {
        get
        {
            var name = new StringBuilder();
            foreach (var word in Words().EnumerateMatches(Title))
            {
                var text = Title.AsSpan(word.Index, word.Length);
                name.Append(char.ToUpperInvariant(text[0])).Append(text[1..]);
            }

            return name.Length > 0 ? name.ToString() : Id;
        }
    }

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();

    private static SarifRule From(RuleInfo rule) =>
        new(rule.Id, rule.Title, rule.DefaultSeverity, rule.Category, rule.Refs, rule.HelpUri);

    private static SarifRule Describe(Diagnostic diagnostic)
    {
        if (diagnostic.Rule is { } rule)
        {
            return From(rule);
        }

        if (DiagnosticDescriptors.IsEngineId(diagnostic.Id))
        {
            var descriptor = DiagnosticDescriptors.Get(diagnostic.Id);
            return new(descriptor.Id, descriptor.Title, descriptor.DefaultSeverity, descriptor.Category.ToString().ToLowerInvariant(), [], descriptor.HelpLinkUri);
        }

        return new(diagnostic.Id, diagnostic.Id, diagnostic.Severity, null, [], diagnostic.HelpUri);
    }
}
