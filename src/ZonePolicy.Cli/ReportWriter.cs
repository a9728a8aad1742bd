using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>Writes a result to its <see cref="ReportTarget"/> and turns it into the exit code.</summary>
internal static class ReportWriter
{
    public static int Write(CheckResult result, ReportTarget target, CliContext context) =>
        Write(result, target.OutputFile, writer => Reporter.Write(result, target.Format, writer), context);

    /// <summary>Writes <paramref name="result"/> with <paramref name="write"/> to <paramref name="outputFile"/>, or to standard output when there is none.</summary>
    public static int Write(CheckResult result, NamedFile? outputFile, Action<TextWriter> write, CliContext context)
    {
        if (outputFile is not { } file)
        {
            write(context.Out);
            return result.ExitCode;
        }

        var refused = OutputFile.Write(file.FullPath, file.Name, result, stream =>
        {
            using var writer = new StreamWriter(stream, ReportTarget.Encoding);
            write(writer);
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
