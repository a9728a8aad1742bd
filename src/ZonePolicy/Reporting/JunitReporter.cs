using System.Text;
using System.Xml;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// JUnit XML for CI test tabs. Each checked site is a <c>testsuite</c>; each rule that ran is a
/// <c>testcase</c> in it, and each violation of the rule at that site is a <c>failure</c> whose type is its
/// severity (as ESLint's and Checkstyle's JUnit reports do, warnings are failures too). Engine diagnostics
/// are test cases named by their id: an error means the check could not run as asked, so it is an
/// <c>error</c>; a warning or info (an unused waiver) is a <c>failure</c>. Diagnostics that belong to no
/// site (a rule file, the command line) go to a suite named <c>zpol</c>. Waived and baselined violations are
/// listed in the test case's <c>system-out</c>.
/// </summary>
internal static class JunitReporter
{
    private const string ToolSuite = "zpol";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    private sealed record Case(string ClassName, string Name, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<Diagnostic> Suppressed)
    {
        public int Errors => Findings.Count(IsError);

        public int Failures => Findings.Count - Errors;
    }

    private sealed record Suite(string Name, IReadOnlyList<Case> Cases);

    public static void Write(CheckResult result, TextWriter output)
    {
        var suites = Suites(result);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", ToolSuite);
            WriteCounts(writer, suites.SelectMany(s => s.Cases).ToList());
            foreach (var suite in suites)
            {
                WriteSuite(writer, suite);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static List<Suite> Suites(CheckResult result)
    {
        var sites = SiteView.All(result);
        var suites = sites
            .Where(site => sites.Take(site.Index).All(s => s.Site.File != site.Site.File))
            .Select(site => new Suite(site.Site.File, Cases(result.Rules, site.Findings, site.Suppressed)))
            .ToList();
        var elsewhere = SiteView.Elsewhere(result, sites);
        if (elsewhere.Count > 0 || suites.Count == 0)
        {
            var files = sites.Select(s => s.Site.File).ToHashSet(StringComparer.Ordinal);
            var suppressed = result.Suppressed.Where(d => !files.Contains(d.Location.File)).ToList();
            suites.Add(new Suite(ToolSuite, Cases(sites.Count == 0 ? result.Rules : [], elsewhere, suppressed)));
        }

        return suites;
    }

    /// <summary>One case per rule that ran, then one per other id found, ordered by id.</summary>
    private static List<Case> Cases(IReadOnlyList<RuleInfo> rules, IReadOnlyList<Diagnostic> findings, IReadOnlyList<Diagnostic> suppressed)
    {
        var byId = findings.ToLookup(d => d.Id, StringComparer.Ordinal);
        var suppressedById = suppressed.ToLookup(d => d.Id, StringComparer.Ordinal);
        var cases = rules.Select(rule => new Case(rule.Pack ?? "rules", $"{rule.Id}: {rule.Title}", byId[rule.Id].ToList(), suppressedById[rule.Id].ToList())).ToList();
        var ruleIds = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in byId.Where(g => !ruleIds.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var title = first.Rule?.Title ?? (DiagnosticDescriptors.IsEngineId(first.Id) ? DiagnosticDescriptors.Get(first.Id).Title : first.Id);
            cases.Add(new Case(first.Rule?.Pack ?? ToolSuite, $"{first.Id}: {title}", group.ToList(), suppressedById[group.Key].ToList()));
        }

        return cases.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static void WriteSuite(XmlWriter writer, Suite suite)
    {
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", Clean(suite.Name));
        WriteCounts(writer, suite.Cases);
        foreach (var testCase in suite.Cases)
        {
            WriteCase(writer, testCase);
        }

        writer.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter writer, IReadOnlyList<Case> cases)
    {
        writer.WriteAttributeString("tests", cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", cases.Sum(c => c.Failures).ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", cases.Sum(c => c.Errors).ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteAttributeString("skipped", "0");
    }

    private static void WriteCase(XmlWriter writer, Case testCase)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", Clean(testCase.ClassName));
        writer.WriteAttributeString("name", Clean(testCase.Name));
        foreach (var finding in testCase.Findings)
        {
            writer.WriteStartElement(IsError(finding) ? "error" : "failure");
            writer.WriteAttributeString("message", Clean(finding.Message));
            writer.WriteAttributeString("type", finding.Severity.Name());
            writer.WriteString(Clean(Details(finding)));
            writer.WriteEndElement();
        }

        if (testCase.Suppressed.Count > 0)
        {
            var lines = testCase.Suppressed.Select(d => d.Waiver is { } waiver
                ? $"waived until {waiver.Expires:yyyy-MM-dd} ({waiver.Reason}): {d.ToCanonicalString()}"
                : $"known in the baseline: {d.ToCanonicalString()}");
            writer.WriteElementString("system-out", Clean(string.Join('\n', lines)));
        }

        writer.WriteEndElement();
    }

    /// <summary>The canonical line, the witness path of a reachability violation, and the help page.</summary>
    private static string Details(Diagnostic finding)
    {
        var text = new StringBuilder(finding.ToCanonicalString());
        if (finding.Witness.Count > 0)
        {
            text.Append("\npath: ").AppendJoin(" -> ", finding.Witness.Select(s => $"{s.Kind} {s.EntityId}"));
        }

        return finding.HelpUri.Length == 0 ? text.ToString() : text.Append("\nhelp: ").Append(finding.HelpUri).ToString();
    }

    /// <summary>An engine error means the check could not run as asked; a rule's violation is a failure at any severity.</summary>
    private static bool IsError(Diagnostic finding) => finding.Rule is null && finding.Severity == Severity.Error && DiagnosticDescriptors.IsEngineId(finding.Id);

    /// <summary>XML 1.0 cannot hold most control characters or a lone surrogate, even escaped: they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }
}
