using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>
/// The diagnostics <c>zpol</c> reports itself: argument errors at <c>&lt;command-line&gt;</c>, and internal
/// errors at <c>&lt;internal&gt;</c> (reporters give such places no file location).
/// </summary>
internal static class CliDiagnostics
{
    public static readonly SourceLocation CommandLine = SourceLocation.None("<command-line>");
    private static readonly SourceLocation Internal = SourceLocation.None("<internal>");

    public static Diagnostic InvalidArgument(string message) =>
        DiagnosticCatalog.Create(DiagnosticIds.InvalidArgument, CommandLine, message);

    /// <summary>An exception as one line: its type and message, never its stack trace.</summary>
    public static Diagnostic InternalError(Exception exception)
    {
        var message = string.Join(' ', exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return DiagnosticCatalog.Create(
            DiagnosticIds.InternalError,
            Internal,
            $"internal error `{exception.GetType().Name}`: {message}; please report it with the input that caused it");
    }

    public static CheckResult Result(IReadOnlyList<Diagnostic> diagnostics, bool inputInvalid) => new()
    {
        Diagnostics = diagnostics,
        Suppressed = [],
        Rules = [],
        InputInvalid = inputInvalid,
    };
}
