using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting.Compliance;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol compliance [&lt;topology.json&gt;...] [--project file-or-dir] --pack &lt;name&gt;... | --rules &lt;file-or-dir&gt;...
/// [--param k=v]... [--severity ID=level]... [--today yyyy-MM-dd] [--baseline file] [--warnaserror]
/// [--format markdown|csv|json|html] [--output file]</c>: checks each site as <c>zpol check</c> does, with what the
/// command line leaves out taken from the project file as <c>zpol check</c> takes it (see <see cref="ProjectRequest"/>),
/// and prints, for every clause of the catalogues of the packs checked, whether it passed, failed (with its findings),
/// is waived, attested, misses evidence, or does not apply. The exit code is the check's.
/// </summary>
internal sealed class ComplianceCommand : Command
{
    private static readonly string[] FormatNames = Enum.GetNames<ComplianceFormat>().Select(n => n.ToLowerInvariant()).ToArray();

    private readonly CliContext context;

    private readonly Argument<string[]> topologies = new("topology.json")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "The topology files to assess; each describes one site (default: the project file's).",
    };

    private readonly RuleInputOptions inputs = new();

    private readonly Option<ComplianceFormat> format = new("--format")
    {
        HelpName = string.Join('|', FormatNames),
        Description = "The format of the matrix (default: markdown).",
        CustomParser = ParseFormat,
    };

    private readonly Option<string?> output;

    public ComplianceCommand(CliContext context)
        : base("compliance", "Shows how each clause of the packs' standards stands on each site: passed, failed, waived, attested, evidence missing, not applicable.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        inputs.AddTo(this, topologies);
        Add(inputs.Baseline);
        Add(inputs.WarningsAsErrors);
        Add(format);
        Add(output);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var chosen = parse.GetValue(format);
        var combined = inputs.Resolve(parse, parse.GetValue(topologies) ?? [], context.WorkingDirectory, "assess compliance with", describeSites: chosen == ComplianceFormat.Html, compliance: true);
        var result = combined.Request is { } request
            ? context.CheckSafely(request)
            : CliDiagnostics.Result(DiagnosticOrder.Sort([.. combined.ArgumentErrors, .. combined.ProjectDiagnostics]), inputInvalid: true);
        if (result.InputInvalid)
        {
            foreach (var problem in result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error))
            {
                ReportWriter.WriteLine(context.Error, problem);
            }
        }

        return ReportWriter.Write(writer => ComplianceReporter.Write(result, chosen, writer), result.ExitCode, result.Inputs, ReportTarget.From(parse, context.WorkingDirectory), context);
    }

    private static ComplianceFormat ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Enum.TryParse<ComplianceFormat>(text, ignoreCase: true, out var parsed) && !char.IsAsciiDigit(text[0]))
        {
            return parsed;
        }

        result.AddError($"`--format` takes {string.Join(", ", FormatNames[..^1])} or {FormatNames[^1]}, not `{text}`");
        return ComplianceFormat.Markdown;
    }
}
