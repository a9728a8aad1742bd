using System.CommandLine;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol diff &lt;before.json&gt; &lt;after.json&gt; [--rules &lt;file-or-dir&gt;]... [--pack &lt;name&gt;]... [--pack-dir dir]...
/// [--trust pack]... [--no-feeds] [--lock-file file] [--locked] [--param k=v]... [--severity ID=level]... [--today yyyy-MM-dd]
/// [--format text|json|sarif|markdown|html] [--output file]</c>:
/// what a change to a site adds, removes and changes; the zone crossings and the paths into control zones it
/// opens or closes; and, with rules, the violations it introduces and fixes.
/// </summary>
internal sealed class DiffCommand : Command
{
    private static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif, ReportFormat.Markdown, ReportFormat.Html];

    private readonly CliContext context;

    private readonly Argument<string> before = new("before.json") { Description = "The topology before the change." };

    private readonly Argument<string> after = new("after.json") { Description = "The topology after the change." };

    /// <summary>The options that choose the rules both versions are checked against, read as <c>zpol check</c> reads them: packs come from the same folders and feeds.</summary>
    private readonly RuleInputOptions inputs = new();

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output;

    public DiffCommand(CliContext context)
        : base("diff", "Reviews a change to a site: entities, zone crossings and paths into control zones it opens or closes, violations it introduces and fixes.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        inputs.Rules.Description = "Rules to check both versions against, to list the violations the change introduces and fixes; repeat for more.";
        Add(before);
        Add(after);
        inputs.AddRuleSelectionTo(this);
        Add(format);
        Add(output);
        Validators.Add(result => CommandValidators.RequireFormat(result, format, Formats, "zpol diff"));
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var files = new[] { parse.GetRequiredValue(before), parse.GetRequiredValue(after) };
        var request = new DiffRequest
        {
            Before = files[0],
            After = files[1],
            WorkingDirectory = context.WorkingDirectory,
            Check = inputs.Request(parse, files, context.WorkingDirectory),
        };

        var result = PolicyEngine.Diff(request);
        var target = ReportTarget.From(parse, context.WorkingDirectory);
        return ReportWriter.Write(writer => DiffReporter.Write(result, target.Format, writer), result.ExitCode, result.Inputs, target, context);
    }
}
