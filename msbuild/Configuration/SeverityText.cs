using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild.Configuration;

/// <summary>
/// Severity words as projects and analyzer config files write them. <c>suggestion</c> is <c>info</c>;
/// <c>silent</c> hides the diagnostic as it does for analyzers; <c>default</c> keeps the rule's own severity.
/// </summary>
internal static class SeverityText
{
    /// <summary>False when the word is not a severity; a null severity means "no override".</summary>
    public static bool TryParse(string text, out Severity? severity)
    {
        severity = text.Trim().ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" or "suggestion" => Severity.Info,
            "none" or "silent" => Severity.None,
            _ => null,
        };
        return severity is not null || text.Trim().Equals("default", StringComparison.OrdinalIgnoreCase);
    }
}
