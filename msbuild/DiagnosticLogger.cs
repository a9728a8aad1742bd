using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild;

/// <summary>
/// Logs diagnostics through MSBuild so that each prints as <c>file(line,col): error ID: message</c>,
/// carries its help link, and lands in the IDE's error list at its place. The end of the span is
/// left out on purpose: given one, MSBuild prints <c>file(line,col,endLine,endCol)</c> instead of the
/// canonical form the command line, CI annotations and the tests expect.
/// </summary>
internal sealed class DiagnosticLogger(TaskLoggingHelper log, string projectFile)
{
    public string ProjectFile => projectFile;

    public void LogAll(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Log(diagnostic);
        }
    }

    public void Log(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        // The command line, or no place at all, is this project's build: errors about it belong to the project file.
        var file = DisplayText.Escape(location.IsInFile && location.File.Length > 0 ? Path.GetFullPath(location.File) : projectFile);
        var message = DisplayText.Escape(diagnostic.Message);
        switch (diagnostic.Severity)
        {
            case Severity.Error:
                log.LogError(null, diagnostic.Id, diagnostic.Id, diagnostic.HelpUri, file,
                    location.Line, location.Column, 0, 0, message);
                break;
            case Severity.Warning:
                log.LogWarning(null, diagnostic.Id, diagnostic.Id, diagnostic.HelpUri, file,
                    location.Line, location.Column, 0, 0, message);
                break;
            case Severity.Info:
                log.LogMessage(null, diagnostic.Id, diagnostic.Id, file,
                    location.Line, location.Column, 0, 0, MessageImportance.High, message);
                break;
        }
    }

    /// <summary>A bug must not take the build down: it becomes ZP0901, with the details at low importance.</summary>
    public void LogInternalError(Exception exception)
    {
        Log(Diagnostic.Create(DiagnosticDescriptors.BuildTaskFailed, SourceLocation.InFile(projectFile), exception.GetType().Name, FirstLine(exception.Message).TrimEnd('.')));
        log.LogMessage(MessageImportance.Low, exception.ToString());
    }

    private static string FirstLine(string text) =>
        text.Split('\n', 2)[0].TrimEnd('\r');
}
