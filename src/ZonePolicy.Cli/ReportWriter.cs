using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>Writes a result to its <see cref="ReportTarget"/> and turns it into the exit code.</summary>
internal static class ReportWriter
{
    public static int Write(CheckResult result, ReportTarget target, CliContext context)
    {
        if (target.OutputFile is not { } file)
        {
            Reporter.Write(result, target.Format, context.Out);
            return result.ExitCode;
        }

        var refused = OutputFile.Write(file.FullPath, file.Name, result, stream =>
        {
            using var writer = new StreamWriter(stream, ReportTarget.Encoding);
            Reporter.Write(result, target.Format, writer);
        });
        if (refused is null)
        {
            return result.ExitCode;
        }

        WriteLine(context.Error, refused);
        return Math.Max(result.ExitCode, ExitCodes.InvalidInput);
    }

    /// <summary>
    /// One line per argument error on standard error; with a JSON or SARIF format the same errors also go
    /// to the report, so a tool reading it always gets its format.
    /// </summary>
    public static int WriteArgumentErrors(IReadOnlyList<Diagnostic> errors, ReportTarget target, CliContext context)
    {
        foreach (var error in errors)
        {
            WriteLine(context.Error, error);
        }

        if (target.Format != ReportFormat.Text)
        {
            Write(CliDiagnostics.Result(errors, inputInvalid: true), target, context);
        }

        return ExitCodes.InvalidInput;
    }

    public static void WriteLine(TextWriter writer, Diagnostic diagnostic)
    {
        writer.Write(diagnostic.ToCanonicalString());
        writer.Write('\n');
    }
}
