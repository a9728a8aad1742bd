using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>Writes a result to its <see cref="ReportTarget"/> and turns it into the exit code.</summary>
internal static class ReportWriter
{
    public static int Write(CheckResult result, ReportTarget target, CliContext context) =>
        Write(writer => Reporter.Write(result, target.Format, writer), result.ExitCode, result.Inputs, target, context);

    /// <summary>
    /// Writes a report to standard output or to the target's file, which may not be one of <paramref name="inputs"/>;
    /// returns <paramref name="exitCode"/>, or invalid input when the file is refused or cannot be written.
    /// </summary>
    public static int Write(Action<TextWriter> write, int exitCode, IReadOnlyList<InputFile> inputs, ReportTarget target, CliContext context)
    {
        if (target.OutputFile is not { } file)
        {
            write(context.Out);
            return exitCode;
        }

        var refused = OutputFile.Write(file.FullPath, file.Name, inputs, stream =>
        {
            using var writer = new StreamWriter(stream, ReportTarget.Encoding);
            write(writer);
        });
        if (refused is null)
        {
            return exitCode;
        }

        WriteLine(context.Error, refused);
        return Math.Max(exitCode, ExitCodes.InvalidInput);
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
