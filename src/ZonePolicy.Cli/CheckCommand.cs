using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol check &lt;topology.json&gt;... --rules &lt;file-or-dir&gt;... [--pack &lt;name&gt;]... [--param k=v]...
/// [--severity ID=level]... [--today yyyy-MM-dd] [--format text|json|sarif|markdown|junit|html|dot|mermaid] [--output file] [--baseline file]
/// [--warnaserror]</c>: checks each topology against the rules and reports every finding.
/// </summary>
internal sealed class CheckCommand : Command
{
    private readonly CliContext context;

    private readonly Argument<string[]> topologies = new("topology.json")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "The topology files to check; each describes one site.",
    };

    private readonly RuleInputOptions inputs = new();

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output = ReportTarget.CreateOutputOption();

    private readonly Option<string?> writeBaseline = new("--write-baseline")
    {
        HelpName = "file",
        Description = "Records every violation found (in force or suppressed) in this baseline file, to accept them and report only new ones later.",
    };

    public CheckCommand(CliContext context)
        : base("check", "Checks topologies against rules and reports every violation.")
    {
        this.context = context;
        Add(topologies);
        foreach (var option in inputs.RuleSelection)
        {
            Add(option);
        }

        Add(format);
        Add(output);
        Add(inputs.Baseline);
        Add(writeBaseline);
        Add(inputs.WarningsAsErrors);
        Validators.Add(RuleInputOptions.RejectUnknownOptions);
        Validators.Add(inputs.RequireRules("check against"));
        Validators.Add(ProtectInputs);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var severityConfiguration = SeverityConfiguration.Resolve(context.WorkingDirectory, parse.GetValue(inputs.Severities) ?? []);
        var request = inputs.Request(parse, parse.GetRequiredValue(topologies), context.WorkingDirectory, severityConfiguration, Reporter.DescribesSites(parse.GetValue(format)));
        var result = WithConfigurationDiagnostics(CheckSafely(request), severityConfiguration.Diagnostics);
        if (parse.GetValue(writeBaseline) is { } baselineFile && !result.InputInvalid)
        {
            using var stream = File.Create(Path.Combine(context.WorkingDirectory, baselineFile));
            Baseline.Write(result, stream);
        }

        return ReportWriter.Write(result, ReportTarget.From(parse), context);
    }

    private CheckResult CheckSafely(CheckRequest request)
    {
        try
        {
            return context.Check(request);
        }
        catch (Exception exception)
        {
            return CliDiagnostics.Result([CliDiagnostics.InternalError(exception)], inputInvalid: false);
        }
    }

    private static CheckResult WithConfigurationDiagnostics(CheckResult result, IReadOnlyList<Diagnostic> configuration) =>
        configuration.Count == 0
            ? result
            : new CheckResult
            {
                Diagnostics = [.. result.Diagnostics, .. configuration],
                Suppressed = result.Suppressed,
                Rules = result.Rules,
                Sites = result.Sites,
                Today = result.Today,
                BaselineApplied = result.BaselineApplied,
                InputInvalid = true,
            };

    /// <summary><c>check</c> never modifies an input file, even when <c>--output</c> names one.</summary>
    private void ProtectInputs(CommandResult result)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var sources = new SymbolResult?[] { result.GetResult(topologies), result.GetResult(inputs.Rules) };
        foreach (var (option, readsBaseline) in new[] { (output, true), (writeBaseline, false), (inputs.LockFile, true) })
        {
            if (result.GetResult(option) is not { Tokens: [var token] } || FilePaths.FullPathOrNull(token.Value) is not { } written)
            {
                continue;
            }

            // Rewriting the baseline it reads is how `--write-baseline` refreshes one; a report may not replace it.
            var read = readsBaseline ? sources.Append(result.GetResult(inputs.Baseline)) : sources;
            if (read.SelectMany(input => input?.Tokens ?? []).Any(input => string.Equals(FilePaths.FullPathOrNull(input.Value), written, comparison)))
            {
                result.AddError($"`{option.Name}` names the input file `{token.Value}`; write to another file");
            }
        }
    }
}
