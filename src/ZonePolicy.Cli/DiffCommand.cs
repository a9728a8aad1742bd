using System.CommandLine;
using ZonePolicy.Configuration;
using ZonePolicy.Findings;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol diff &lt;before.json&gt; &lt;after.json&gt; [--rules &lt;file-or-dir&gt;]... [--pack &lt;name&gt;]... [--pack-dir dir]...
/// [--param k=v]... [--severity ID=level]... [--today yyyy-MM-dd] [--format text|json|sarif|markdown|html] [--output file]</c>:
/// what a change to a site adds, removes and changes; the zone crossings and the paths into control zones it
/// opens or closes; and, with rules, the violations it introduces and fixes.
/// </summary>
internal sealed class DiffCommand : Command
{
    private static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif, ReportFormat.Markdown, ReportFormat.Html];

    private readonly CliContext context;

    private readonly Argument<string> before = new("before.json") { Description = "The topology before the change." };

    private readonly Argument<string> after = new("after.json") { Description = "The topology after the change." };

    /// <summary>The options that choose the rules both versions are checked against, as for <c>zpol check</c>; packs come only from folders.</summary>
    private readonly RuleInputOptions inputs = new();

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output;

    public DiffCommand(CliContext context)
        : base("diff", "Reviews a change to a site: entities, zone crossings and paths into control zones it opens or closes, violations it introduces and fixes.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        inputs.Rules.Description = "Rules to check both versions against, to list the violations the change introduces and fixes; repeat for more.";
        inputs.Packs.Description = "A rule pack checked on both versions, from --pack-dir or the packs beside zpol (never a feed); repeat for more.";
        Add(before);
        Add(after);
        Add(inputs.Rules);
        Add(inputs.Packs);
        Add(inputs.PackDirectories);
        Add(inputs.Parameters);
        Add(inputs.Severities);
        Add(inputs.Today);
        Add(format);
        Add(output);
        Validators.Add(RuleInputOptions.RejectUnknownOptions);
        Validators.Add(result => CommandValidators.RequireFormat(result, format, Formats, "zpol diff"));
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var files = new[] { parse.GetRequiredValue(before), parse.GetRequiredValue(after) };
        var configFolders = files.Select(file => Path.GetDirectoryName(Path.GetFullPath(file, context.WorkingDirectory))!).Prepend(context.WorkingDirectory);
        var request = new DiffRequest
        {
            Before = files[0],
            After = files[1],
            WorkingDirectory = context.WorkingDirectory,
            Check = new CheckRequest
            {
                RuleSources = parse.GetValue(inputs.Rules) ?? [],
                Packs = parse.GetValue(inputs.Packs) ?? [],
                PackDirectories = [.. (parse.GetValue(inputs.PackDirectories) ?? []).Select(dir => Path.GetFullPath(dir, context.WorkingDirectory))],
                ShippedPackDirectories = [Path.Combine(AppContext.BaseDirectory, "packs")],
                Parameters = parse.GetValue(inputs.Parameters) ?? [],
                Severities = parse.GetValue(inputs.Severities) ?? [],
                AnalyzerConfigFiles = AnalyzerConfigDiscovery.Above(configFolders, context.WorkingDirectory),
                WorkingDirectory = context.WorkingDirectory,
                Today = parse.GetValue(inputs.Today),
            },
        };

        var result = PolicyEngine.Diff(request);
        var target = ReportTarget.From(parse, context.WorkingDirectory);
        return ReportWriter.Write(writer => DiffReporter.Write(result, target.Format, writer), result.ExitCode, result.Inputs, target, context);
    }
}
