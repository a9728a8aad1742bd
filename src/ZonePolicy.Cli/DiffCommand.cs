using System.CommandLine;
using ZonePolicy.Configuration;
using ZonePolicy.Findings;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol diff &lt;before.json&gt; &lt;after.json&gt; [--rules &lt;file-or-dir&gt;]... [--pack &lt;name&gt;]... [--pack-dir dir]...
/// [--param k=v]... [--severity ID=level]... [--today yyyy-MM-dd] [--format text|json|sarif|markdown] [--output file]</c>:
/// what a change to a site adds, removes and changes; the zone crossings and the paths into control zones it
/// opens or closes; and, with rules, the violations it introduces and fixes.
/// </summary>
internal sealed class DiffCommand : Command
{
    private static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif, ReportFormat.Markdown];

    private readonly CliContext context;

    private readonly Argument<string> before = new("before.json") { Description = "The topology before the change." };

    private readonly Argument<string> after = new("after.json") { Description = "The topology after the change." };

    private readonly Option<string[]> rules = new("--rules")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "file-or-dir",
        Description = "Rules to check both versions against, to list the violations the change introduces and fixes; repeat for more.",
    };

    private readonly Option<string[]> packs = new("--pack")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "name[@versions]",
        Description = "A rule pack checked on both versions, from --pack-dir or the packs beside zpol (never a feed); repeat for more.",
    };

    private readonly Option<string[]> packDirectories = new("--pack-dir")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "dir",
        Description = "A folder of rule packs (one sub-folder each) or a pack's own folder, searched before the packs beside zpol; repeat for more.",
    };

    private readonly Option<List<KeyValuePair<string, string>>> parameters = new("--param")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "name=value",
        Description = "Sets a pack parameter, as for zpol check; repeat for more.",
        CustomParser = CheckCommand.ParseParameters,
    };

    private readonly Option<List<SeveritySetting>> severities = new("--severity")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "ID=level",
        Description = "Sets the severity of a rule or diagnostic id, as for zpol check, over .editorconfig and .globalconfig; repeat for more.",
        CustomParser = CheckCommand.ParseSeverities,
    };

    private readonly Option<DateOnly?> today = new("--today")
    {
        HelpName = "yyyy-MM-dd",
        Description = "The date rules see as `today` (default: the current UTC date).",
        CustomParser = CheckCommand.ParseToday,
    };

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output;

    public DiffCommand(CliContext context)
        : base("diff", "Reviews a change to a site: entities, zone crossings and paths into control zones it opens or closes, violations it introduces and fixes.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        Add(before);
        Add(after);
        Add(rules);
        Add(packs);
        Add(packDirectories);
        Add(parameters);
        Add(severities);
        Add(today);
        Add(format);
        Add(output);
        Validators.Add(result => CommandValidators.RejectUnknownOptions(this, result));
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
                RuleSources = parse.GetValue(rules) ?? [],
                Packs = parse.GetValue(packs) ?? [],
                PackDirectories = [.. (parse.GetValue(packDirectories) ?? []).Select(dir => Path.GetFullPath(dir, context.WorkingDirectory))],
                ShippedPackDirectories = [Path.Combine(AppContext.BaseDirectory, "packs")],
                Parameters = parse.GetValue(parameters) ?? [],
                Severities = parse.GetValue(severities) ?? [],
                AnalyzerConfigFiles = AnalyzerConfigDiscovery.Above(configFolders, context.WorkingDirectory),
                WorkingDirectory = context.WorkingDirectory,
                Today = parse.GetValue(today),
            },
        };

        var result = PolicyEngine.Diff(request);
        var target = ReportTarget.From(parse, context.WorkingDirectory);
        return ReportWriter.Write(writer => DiffReporter.Write(result, target.Format, writer), result.ExitCode, result.Inputs, target, context);
    }
}
