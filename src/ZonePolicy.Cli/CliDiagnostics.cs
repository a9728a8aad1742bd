using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>
/// The diagnostics <c>zpol</c> reports itself: argument errors about the command line, and internal
/// errors, which are about no place at all.
/// </summary>
internal static class CliDiagnostics
{
    /// <summary>An argument error, worded by the command-line parser's validators.</summary>
    public static Diagnostic InvalidArgument(string message) =>
        Diagnostic.Create(DiagnosticDescriptors.InvalidArgument, SourceLocation.CommandLine, message);

    /// <summary>An exception as one line: its type and message, never its stack trace.</summary>
    public static Diagnostic InternalError(Exception exception)
    {
        var message = string.Join(' ', exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return Diagnostic.Create(DiagnosticDescriptors.CommandFailed, SourceLocation.None, exception.GetType().Name, message);
    }

    public static CheckResult Result(IReadOnlyList<Diagnostic> diagnostics, bool inputInvalid) => new()
    {
        Diagnostics = diagnostics,
        Suppressed = [],
        Rules = [],
        InputInvalid = inputInvalid,
    };
}
