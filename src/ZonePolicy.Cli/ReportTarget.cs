using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>A file named on the command line: as written, and resolved against the working directory.</summary>
internal sealed record NamedFile(string Name, string FullPath);

/// <summary>Where and how a command writes its report: its <c>--format</c> and <c>--output</c> options.</summary>
internal sealed record ReportTarget(ReportFormat Format, NamedFile? OutputFile)
{
    /// <summary>Reports are UTF-8 without a byte order mark.</summary>
    public static readonly System.Text.Encoding Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Text on standard output.</summary>
    public static readonly ReportTarget Text = new(ReportFormat.Text, null);

    private const string FormatName = "--format";
    private const string OutputName = "--output";

    private static readonly string[] FormatNames = Enum.GetNames<ReportFormat>().Select(n => n.ToLowerInvariant()).ToArray();

    public static Option<ReportFormat> CreateFormatOption() => new(FormatName)
    {
        HelpName = string.Join('|', FormatNames),
        Description = "The report format (default: text).",
        CustomParser = ParseFormat,
    };

    /// <param name="workingDirectory">What a relative file name is relative to.</param>
    public static Option<string?> CreateOutputOption(string workingDirectory)
    {
        var output = new Option<string?>(OutputName, "-o")
        {
            HelpName = "file",
            Description = "Writes the report to this file (UTF-8) instead of standard output.",
        };
        output.Validators.Add(result => ValidateOutput(result, workingDirectory));
        return output;
    }

    /// <summary>
    /// The target of a parse, even one that failed: a <c>--format</c> that is not valid means text, an
    /// <c>--output</c> that is not usable means standard output.
    /// </summary>
    public static ReportTarget From(ParseResult parse, string workingDirectory) =>
        new(ValidValue<ReportFormat>(parse, FormatName),
            ValidValue<string?>(parse, OutputName) is { } output ? new NamedFile(output, Path.GetFullPath(output, workingDirectory)) : null);

    private static T? ValidValue<T>(ParseResult parse, string name) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) is Option<T> option
        && parse.GetResult(option) is { } result
        && !result.Errors.Any()
            ? result.GetValueOrDefault<T>()
            : default;

    private static ReportFormat ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Enum.TryParse<ReportFormat>(text, ignoreCase: true, out var format) && !char.IsAsciiDigit(text[0]))
        {
            return format;
        }

        result.AddError($"`{FormatName}` takes {string.Join(", ", FormatNames[..^1])} or {FormatNames[^1]}, not `{text}`");
        return ReportFormat.Text;
    }

    private static void ValidateOutput(OptionResult result, string workingDirectory)
    {
        var file = result.Tokens[0].Value;
        var fullPath = FilePaths.FullPathOrNull(file, workingDirectory);
        if (fullPath is null)
        {
            result.AddError($"`{file}` is not a valid file name for `{OutputName}`");
        }
        else if (Directory.Exists(fullPath))
        {
            result.AddError($"`{OutputName}` names the folder `{file}`; give a file name");
        }
        else if (Path.GetDirectoryName(fullPath) is { } folder && !Directory.Exists(folder))
        {
            result.AddError($"cannot write the report to `{file}`: folder `{Path.GetDirectoryName(file)}` does not exist; create it first");
        }
    }
}
