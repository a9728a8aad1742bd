using System.Reflection;

namespace ZonePolicy.Reporting;

/// <summary>Writes a <see cref="CheckResult"/> in any <see cref="ReportFormat"/>: the same result always gives the same bytes.</summary>
public static class Reporter
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>, with <c>\n</c> line ends.</summary>
    public static void Write(CheckResult result, ReportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReporter.Write(result, output);
                break;
            case ReportFormat.Sarif:
                SarifReporter.Write(result, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReporter.Write(result, output);
                break;
            case ReportFormat.Junit:
                JunitReporter.Write(result, output);
                break;
            case ReportFormat.Html:
                Html.HtmlReporter.Write(result, output);
                break;
            case ReportFormat.Dot:
                DotReporter.Write(result, output);
                break;
            case ReportFormat.Mermaid:
                MermaidReporter.Write(result, output);
                break;
            default:
                TextReporter.Write(result, output);
                break;
        }
    }

    /// <summary>
    /// True for the formats that describe the sites themselves, not only the findings: ask the engine for
    /// <see cref="CheckRequest.DescribeSites"/> when writing them.
    /// </summary>
    public static bool DescribesSites(ReportFormat format) => format is not (ReportFormat.Text or ReportFormat.Json or ReportFormat.Sarif);

    /// <summary>The tool's version without build metadata, as SARIF's <c>semanticVersion</c> wants it.</summary>
    internal static string ToolVersion { get; } = ReadToolVersion();

    private static string ReadToolVersion()
    {
        var informational = typeof(Reporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = informational.IndexOf('+');
        return metadata < 0 ? informational : informational[..metadata];
    }
}
