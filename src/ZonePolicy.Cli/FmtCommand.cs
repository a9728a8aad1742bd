using System.CommandLine;
using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Formatting;
using ZonePolicy.Inputs;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol fmt [--check] &lt;file-or-dir&gt;...</c>: lays out rule files canonically, in place. A file that is
/// already formatted is not touched; one with syntax errors is reported and left as it is. With
/// <c>--check</c> nothing is written: each file that would change is reported, and the exit code is 1.
/// </summary>
internal sealed class FmtCommand : Command
{
    private readonly CliContext context;

    private readonly Argument<string[]> paths = new("file-or-dir")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "Rule files, or folders whose *.zpol files (at any depth) are formatted.",
    };

    private readonly Option<bool> check = new("--check")
    {
        Description = "Writes nothing: reports each file that is not formatted and exits with 1 if there is one.",
    };

    public FmtCommand(CliContext context)
        : base("fmt", "Formats rule files in the one canonical layout, keeping every comment.")
    {
        this.context = context;
        Add(paths);
        Add(check);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var checkOnly = parse.GetValue(check);
        var (files, problems) = RuleFileSet.Collect(parse.GetRequiredValue(paths), context.WorkingDirectory);
        var diagnostics = new List<Diagnostic>(problems);
        var unformatted = false;
        foreach (var file in files)
        {
            var outcome = Format(file, checkOnly, context.WorkingDirectory);
            diagnostics.AddRange(outcome.Diagnostics);
            unformatted |= outcome.Changed;
            if (outcome.Changed && !checkOnly && outcome.Diagnostics.Count == 0)
                context.Out.Write($"formatted {file.Display}\n");
        }

        foreach (var diagnostic in diagnostics)
            ReportWriter.WriteLine(context.Out, diagnostic);

        return diagnostics.Any(d => d.Id == DiagnosticIds.InternalError) ? ExitCodes.InternalError
            : diagnostics.Any(d => d.Id != DiagnosticIds.NotFormatted) ? ExitCodes.InvalidInput
            : unformatted && checkOnly ? ExitCodes.NotFormatted
            : 0;
    }

    private static (bool Changed, IReadOnlyList<Diagnostic> Diagnostics) Format(RuleFileTarget file, bool checkOnly, string workingDirectory)
    {
        var (content, problem) = RuleFileIO.Read(file, workingDirectory);
        if (content is null)
            return (false, [problem!]);

        var result = RuleFormatter.Format(content.Text, file.Display);
        if (result.Text is not { } formatted)
            return (false, result.Diagnostics);

        var bytes = RuleFileIO.Encode(formatted);
        if (content.FirstLoneCarriageReturnLine == 0 && bytes.AsSpan().SequenceEqual(content.Bytes))
            return (false, []);

        if (checkOnly)
            return (true, [FormatDiagnostics.NotFormatted(file.Display, FirstDifferentLine(content, formatted))]);

        return RuleFileIO.Replace(file, bytes) is { } notWritten ? (true, [notWritten]) : (true, []);
    }

    /// <summary>
    /// The first line of the file that differs from <paramref name="formatted"/>: in its text, or in its bytes
    /// (a byte order mark, a lone carriage return, which the reader hands over as a line feed).
    /// </summary>
    private static int FirstDifferentLine(InputFile content, string formatted)
    {
        if (content.Bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            return 1;

        var lines = content.Text.Split('\n');
        var expected = formatted.Split('\n');
        var line = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            if (i >= expected.Length || lines[i] != expected[i])
            {
                line = i + 1;
                break;
            }
        }

        return content.FirstLoneCarriageReturnLine == 0 ? line : Math.Min(line, content.FirstLoneCarriageReturnLine);
    }
}
