using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Diagnostics;
using ZonePolicy.Findings;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol check [&lt;topology.json&gt;...] [--project file-or-dir] --rules &lt;file-or-dir&gt;... [--pack &lt;name&gt;]... [--param k=v]...
/// [--severity ID=level]... [--today yyyy-MM-dd] [--format text|json|sarif|markdown|junit|html|dot|mermaid] [--output file] [--baseline file]
/// [--warnaserror]</c>: checks each topology against the rules and reports every finding. What the command line
/// leaves out comes from the workspace's project file (see <see cref="ProjectRequest"/>).
/// </summary>
internal sealed class CheckCommand : Command
{
    private readonly CliContext context;

    private readonly Argument<string[]> topologies = new("topology.json")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "The topology files to check; each describes one site (default: the project file's).",
    };

    private readonly RuleInputOptions inputs = new();

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output;

    private readonly Option<string?> writeBaseline = new("--write-baseline")
    {
        HelpName = "file",
        Description = "Records every violation found (in force or suppressed) in this baseline file, to accept them and report only new ones later.",
    };

    public CheckCommand(CliContext context)
        : base("check", "Checks topologies against rules and reports every violation.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        inputs.AddTo(this, topologies);
        Add(format);
        Add(output);
        Add(inputs.Baseline);
        Add(writeBaseline);
        Add(inputs.WarningsAsErrors);
        Validators.Add(SeparateOutputs);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var target = ReportTarget.From(parse, context.WorkingDirectory);
        var combined = inputs.Resolve(parse, parse.GetValue(topologies) ?? [], context.WorkingDirectory, "check against", Reporter.DescribesSites(parse.GetValue(format)));
        if (combined.ArgumentErrors.Count > 0)
        {
            return ReportWriter.WriteArgumentErrors(combined.ArgumentErrors, target, context);
        }

        if (combined.Request is not { } request)
        {
            return ReportWriter.Write(CliDiagnostics.Result(DiagnosticOrder.Sort([.. combined.ProjectDiagnostics]), inputInvalid: true), target, context);
        }

        var result = context.CheckSafely(request);
        if (parse.GetValue(writeBaseline) is { } baselineFile && !result.InputInvalid)
        {
            var replaceable = parse.GetValue(inputs.Baseline) is { } read ? Path.GetFullPath(read, context.WorkingDirectory) : null;
            var refused = OutputFile.Write(Path.GetFullPath(baselineFile, context.WorkingDirectory), baselineFile, result,
                stream => Baseline.Write(result, stream), replaceable);
            result = refused is null ? result : result.Including([refused], inputInvalid: true);
        }

        return ReportWriter.Write(result, target, context);
    }

    /// <summary>
    /// The report, the baseline and the pack lock file cannot share a file. Whether one of them names an input is
    /// known once the check has read its inputs, and <see cref="OutputFile"/> refuses it then.
    /// </summary>
    private void SeparateOutputs(CommandResult result)
    {
        var outputs = new Option<string?>[] { output, writeBaseline, inputs.LockFile }
            .Select(option => (option.Name, Token: result.GetResult(option) is { Tokens: [var token] } ? token.Value : null))
            .Where(named => named.Token is not null)
            .ToList();
        for (var first = 0; first < outputs.Count; first++)
        {
            for (var second = first + 1; second < outputs.Count; second++)
            {
                if (SameFile(outputs[first].Token!, outputs[second].Token!))
                {
                    result.AddError($"`{outputs[first].Name}` and `{outputs[second].Name}` name the same file `{outputs[first].Token}`; give each its own file");
                }
            }
        }
    }

    private bool SameFile(string first, string second) =>
        OutputFile.SameFile(Path.GetFullPath(first, context.WorkingDirectory), Path.GetFullPath(second, context.WorkingDirectory));
}
