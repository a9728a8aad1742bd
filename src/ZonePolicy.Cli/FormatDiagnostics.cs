using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>What <c>zpol fmt --check</c> reports about a file that is not formatted.</summary>
internal static class FormatDiagnostics
{
    public static Diagnostic NotFormatted(string file, int line) =>
        Diagnostic.Create(DiagnosticDescriptors.NotFormatted, SourceLocation.At(file, line, 1), file);
}
