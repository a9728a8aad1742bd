using ZonePolicy.Diagnostics;

namespace ZonePolicy.Configuration;

/// <summary>
/// The severity levels of <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>, <c>--severity</c> and <c>ZonePolicySeverity</c>:
/// Roslyn's words, each with one meaning here.
/// <list type="table">
/// <item><term><c>error</c></term><description>an error: the check fails (exit code 1, a build error)</description></item>
/// <item><term><c>warning</c></term><description>a warning</description></item>
/// <item><term><c>suggestion</c> (or <c>info</c>)</term><description>an info: printed, never fails anything (SARIF <c>note</c>)</description></item>
/// <item><term><c>silent</c> (or <c>refactoring</c>)</term><description>not reported: Roslyn shows such diagnostics only in the IDE, which this tool does not have</description></item>
/// <item><term><c>none</c></term><description>not reported</description></item>
/// <item><term><c>default</c></term><description>the rule's own severity, whatever a setting of lower precedence says</description></item>
/// </list>
/// Case does not matter. Any other word is ZP0308.
/// </summary>
internal static class SeverityLevel
{
    public const string Expected = "error, warning, suggestion, silent, none or default";

    public static readonly string[] Names = ["error", "warning", "suggestion", "info", "silent", "refactoring", "none", "default"];

    /// <summary>False when the word is not a level; a null severity is <c>default</c>.</summary>
    public static bool TryParse(string text, out Severity? severity)
    {
        severity = text.ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "suggestion" or "info" => Severity.Info,
            "silent" or "refactoring" or "none" => Severity.None,
            _ => null,
        };
        return severity is not null || text.Equals("default", StringComparison.OrdinalIgnoreCase);
    }
}
