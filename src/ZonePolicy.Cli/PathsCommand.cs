using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol paths &lt;topology.json&gt; --from &lt;selector&gt;... --to &lt;selector&gt;... [--avoid &lt;selector&gt;]...
/// [--top k] [--protocol p] [--port n] [--format text|json|sarif] [--output file]</c>: the shortest attack paths
/// over what the site's network permits, each hop at the allow rule that permits it.
/// </summary>
internal sealed class PathsCommand : Command
{
    private const int MaxTop = 1000;

    private static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif];

    private readonly CliContext context;

    private readonly Argument<string> topology = new("topology.json")
    {
        Description = "The topology file of the site.",
    };

    private readonly Option<string[]> from = Selectors("--from", "Where paths start: a zone or asset id, type:<asset type>, kind:<zone kind>, sl:<1-4>, entry or entry:<kind>; repeat for more.");

    private readonly Option<string[]> to = Selectors("--to", "Where paths end, as for --from; repeat for more.");

    private readonly Option<string[]> avoid = Selectors("--avoid", "Assets a path may not pass through (it may start or end at them), as for --from; repeat for more.");

    private readonly Option<int> top = new("--top")
    {
        HelpName = "k",
        Description = $"How many paths at most, shortest first (default 3, at most {MaxTop}).",
        DefaultValueFactory = _ => 3,
        CustomParser = ParseTop,
    };

    private readonly Option<string?> protocol = new("--protocol")
    {
        HelpName = "name",
        Description = "Only hops that permit this protocol (rdp, opc-ua, ...).",
    };

    private readonly Option<int?> port = new("--port")
    {
        HelpName = "n",
        Description = "Only hops that permit this port.",
        CustomParser = ParsePort,
    };

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output;

    public PathsCommand(CliContext context)
        : base("paths", "Lists the shortest attack paths over what the network permits, each hop at the rule that permits it.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        Add(topology);
        Add(from);
        Add(to);
        Add(avoid);
        Add(top);
        Add(protocol);
        Add(port);
        Add(format);
        Add(output);
        Validators.Add(RuleInputOptions.RejectUnknownOptions);
        Validators.Add(result => CommandValidators.RequireFormat(result, format, Formats, "zpol paths"));
        Validators.Add(RequireEnds);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var request = new PathsRequest
        {
            TopologyFile = parse.GetRequiredValue(topology),
            From = parse.GetValue(from) ?? [],
            To = parse.GetValue(to) ?? [],
            Avoid = parse.GetValue(avoid) ?? [],
            Top = parse.GetValue(top),
            Protocol = parse.GetValue(protocol),
            Port = parse.GetValue(port),
            WorkingDirectory = context.WorkingDirectory,
        };

        var result = PolicyEngine.FindPaths(request);
        var target = ReportTarget.From(parse, context.WorkingDirectory);
        return ReportWriter.Write(writer => PathsReporter.Write(result, target.Format, writer), result.ExitCode, result.Inputs, target, context);
    }

    private void RequireEnds(CommandResult result)
    {
        foreach (var option in new[] { from, to })
        {
            if (result.GetResult(option) is null)
            {
                result.AddError($"missing `{option.Name} <selector>`: `zpol paths` needs where paths start and where they end");
            }
        }
    }

    private static Option<string[]> Selectors(string name, string description) => new(name)
    {
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "selector",
        Description = description,
    };

    private static int ParseTop(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= MaxTop)
        {
            return k;
        }

        result.AddError($"`--top` takes a number of paths from 1 to {MaxTop}, not `{text}`");
        return 0;
    }

    private static int? ParsePort(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535)
        {
            return number;
        }

        result.AddError($"`--port` takes a port from 0 to 65535, not `{text}`");
        return null;
    }
}
