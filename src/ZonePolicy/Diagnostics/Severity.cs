namespace ZonePolicy.Diagnostics;

/// <summary>How a diagnostic affects the outcome. <see cref="None"/> drops it entirely.</summary>
public enum Severity
{
    None,
    Info,
    Warning,
    Error,
}

internal static class SeverityNames
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "none",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "info": case "suggestion": case "silent": severity = Severity.Info; return true;
            case "none": severity = Severity.None; return true;
            default: severity = Severity.None; return false;
        }
    }
}
