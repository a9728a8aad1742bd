namespace ZonePolicy.Diagnostics;

/// <summary>
/// The one order of diagnostics everywhere they are shown: places that are not in a file first (the
/// command line, then none), then by file, line, column, id (all ordinal), then message.
/// </summary>
internal static class DiagnosticOrder
{
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.Kind switch { LocationKind.CommandLine => 0, LocationKind.None => 1, _ => 2 })
            .ThenBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
