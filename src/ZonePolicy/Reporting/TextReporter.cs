using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// The canonical compiler format: one <c>file(line,col): severity ID: message</c> line per diagnostic in
/// force, a blank line, and <c>2 errors, 1 warning, 0 infos (3 suppressed)</c>.
/// </summary>
internal static class TextReporter
{
    public static void Write(CheckResult result, TextWriter output)
    {
        var diagnostics = result.Diagnostics;
        foreach (var diagnostic in diagnostics)
        {
            output.Write(diagnostic.ToCanonicalString());
            output.Write('\n');
        }

        if (diagnostics.Count > 0)
        {
            output.Write('\n');
        }

        output.Write(Summary(result));
        output.Write('\n');
    }

    internal static string Summary(CheckResult result)
    {
        var counts = $"{Count(result.Errors, "error")}, {Count(result.Warnings, "warning")}, {Count(result.Infos, "info")}";
        return result.Suppressed.Count == 0 ? counts : $"{counts} ({result.Suppressed.Count} suppressed)";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
