using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>Writes a result to its <see cref="ReportTarget"/> and turns it into the exit code.</summary>
internal static class ReportWriter
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public static int Write(CheckResult result, ReportTarget target, CliContext context) =>
        Write(output => Reporter.Write(result, target.Format, output), result.ExitCode, target, context);

    /// <summary>Writes a report to standard output or the target's file; <paramref name="exitCode"/> unless the file cannot be written.</summary>
    public static int Write(Action<TextWriter> write, int exitCode, ReportTarget target, CliContext context)
    {
        var report = new StringWriter();
        write(report);
        if (target.OutputFile is null)
        {
            context.Out.Write(report.ToString());
            return exitCode;
        }

        try
        {
            File.WriteAllText(target.OutputFile, report.ToString(), Utf8WithoutBom);
            return exitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WriteLine(context.Error, CliDiagnostics.InvalidArgument($"cannot write the report to `{target.OutputFile}`: {exception.Message.TrimEnd('.')}"));
            return ExitCodes.InvalidInput;
        }
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
