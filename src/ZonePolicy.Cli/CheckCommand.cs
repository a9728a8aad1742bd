using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;
using ZonePolicy.Findings;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol check &lt;topology.json&gt;... --rules &lt;file-or-dir&gt;... [--pack &lt;name&gt;]... [--param k=v]...
/// [--severity ID=level]... [--today yyyy-MM-dd] [--format text|json|sarif|markdown|junit|html|dot|mermaid] [--output file] [--baseline file]
/// [--warnaserror]</c>: checks each topology against the rules and reports every finding.
/// </summary>
internal sealed class CheckCommand : Command
{
    private const string PackLockFileName = "zonepolicy.lock.json";

    private readonly CliContext context;

    private readonly Argument<string[]> topologies = new("topology.json")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "The topology files to check; each describes one site.",
    };

    private readonly Option<string[]> rules = new("--rules")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "file-or-dir",
        Description = "A rule file, or a folder whose *.zpol files are the rules; repeat for more.",
    };

    private readonly Option<string[]> packs = new("--pack")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "name[@versions]",
        Description = "A rule pack by name, with the versions accepted in NuGet's syntax (name@1.2.0, name@[1.0,2.0), name@1.*): from --pack-dir, the packs beside zpol, then the NuGet feeds of nuget.config; repeat for more.",
    };

    private readonly Option<string[]> packDirectories = new("--pack-dir")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "dir",
        Description = "A folder of rule packs (one sub-folder each) or a pack's own folder, searched before the packs beside zpol; repeat for more.",
    };

    private readonly Option<string[]> trusted = new("--trust")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "pack",
        Description = "Lets the C# functions of this pack run (those of the packs beside zpol always do); repeat for more.",
    };

    private readonly Option<bool> noFeeds = new("--no-feeds")
    {
        Description = "Looks packs up only in folders (--pack-dir, beside zpol), never in a NuGet feed.",
    };

    private readonly Option<string?> lockFile = new("--lock-file")
    {
        HelpName = "file",
        Description = $"The pack lock file, written whenever the packs chosen change (default: {PackLockFileName} in the current folder, used when it exists or a pack came from a feed).",
    };

    private readonly Option<bool> locked = new("--locked")
    {
        Description = "Uses exactly the packs of the lock file; fails when it is missing or the packs would change (for CI).",
    };

    private readonly Option<List<KeyValuePair<string, string>>> parameters = new("--param")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "name=value",
        Description = "Sets a pack parameter; the value is a literal of the rule language (10, 7.5, \"text\", @2027-01-01, true) and a bare word is text; repeat for more.",
        CustomParser = ParseParameters,
    };

    private readonly Option<List<SeveritySetting>> severities = new("--severity")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "ID=level",
        Description = "Sets the severity of a rule or diagnostic id to error, warning, suggestion, silent, none or default, over .editorconfig and .globalconfig; repeat for more.",
        CustomParser = ParseSeverities,
    };

    private readonly Option<DateOnly?> today = new("--today")
    {
        HelpName = "yyyy-MM-dd",
        Description = "The date rules see as `today` (default: the current UTC date).",
        CustomParser = ParseToday,
    };

    private readonly Option<ReportFormat> format = ReportTarget.CreateFormatOption();

    private readonly Option<string?> output;

    private readonly Option<string?> baseline = new("--baseline")
    {
        HelpName = "file",
        Description = "A baseline of accepted violations: only violations not in it are reported.",
    };

    private readonly Option<string?> writeBaseline = new("--write-baseline")
    {
        HelpName = "file",
        Description = "Records every violation found (in force or suppressed) in this baseline file, to accept them and report only new ones later.",
    };

    private readonly Option<bool> warningsAsErrors = new("--warnaserror")
    {
        Description = "Treats warnings as errors.",
    };

    public CheckCommand(CliContext context)
        : base("check", "Checks topologies against rules and reports every violation.")
    {
        this.context = context;
        output = ReportTarget.CreateOutputOption(context.WorkingDirectory);
        Add(topologies);
        Add(rules);
        Add(packs);
        Add(packDirectories);
        Add(trusted);
        Add(noFeeds);
        Add(lockFile);
        Add(locked);
        Add(parameters);
        Add(severities);
        Add(today);
        Add(format);
        Add(output);
        Add(baseline);
        Add(writeBaseline);
        Add(warningsAsErrors);
        Validators.Add(RejectUnknownOptions);
        Validators.Add(RequireRules);
        Validators.Add(SeparateOutputs);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var target = ReportTarget.From(parse, context.WorkingDirectory);
        var result = CheckSafely(ToRequest(parse));
        if (parse.GetValue(writeBaseline) is { } baselineFile && !result.InputInvalid)
        {
            var replaceable = parse.GetValue(baseline) is { } read ? Path.GetFullPath(read, context.WorkingDirectory) : null;
            var refused = OutputFile.Write(Path.GetFullPath(baselineFile, context.WorkingDirectory), baselineFile, result,
                stream => Baseline.Write(result, stream), replaceable);
            result = refused is null ? result : result.Including([refused], inputInvalid: true);
        }

        return ReportWriter.Write(result, target, context);
    }

    /// <summary>The one place a command line becomes an engine request; relative paths stay as given and resolve against the working directory.</summary>
    private CheckRequest ToRequest(ParseResult parse)
    {
        var topologyFiles = parse.GetRequiredValue(topologies);
        var configFolders = topologyFiles.Select(file => Path.GetDirectoryName(Path.GetFullPath(file, context.WorkingDirectory))!).Prepend(context.WorkingDirectory);
        return new CheckRequest
        {
            TopologyFiles = topologyFiles,
            RuleSources = parse.GetValue(rules) ?? [],
            Packs = parse.GetValue(packs) ?? [],
            PackDirectories = parse.GetValue(packDirectories) ?? [],
            ShippedPackDirectories = [Path.Combine(AppContext.BaseDirectory, "packs")],
            TrustedPacks = parse.GetValue(trusted) ?? [],
            NuGetConfigDirectory = parse.GetValue(noFeeds) ? null : context.WorkingDirectory,
            LockFile = parse.GetValue(lockFile) ?? PackLockFileName,
            LockMode = parse.GetValue(locked) ? PackLockMode.Locked : parse.GetValue(lockFile) is null ? PackLockMode.Auto : PackLockMode.Update,
            Parameters = parse.GetValue(parameters) ?? [],
            Severities = parse.GetValue(severities) ?? [],
            AnalyzerConfigFiles = AnalyzerConfigDiscovery.Above(configFolders, context.WorkingDirectory),
            WorkingDirectory = context.WorkingDirectory,
            Today = parse.GetValue(today),
            BaselineFile = parse.GetValue(baseline),
            WarningsAsErrors = parse.GetValue(warningsAsErrors),
            DescribeSites = Reporter.DescribesSites(parse.GetValue(format)),
        };
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

    /// <summary>
    /// A token like <c>--fromat</c> would otherwise be taken for a topology file, and in <c>--rules --pack x</c>
    /// the parser takes <c>--pack</c> for the value of <c>--rules</c>.
    /// </summary>
    private void RejectUnknownOptions(CommandResult result)
    {
        var names = Options.Select(o => o.Name).ToList();
        var aliases = Options.SelectMany(o => o.Aliases).Concat(names).ToHashSet(StringComparer.Ordinal);
        foreach (var child in result.Children)
        {
            foreach (var token in child.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError(child is OptionResult option && aliases.Contains(token.Value)
                    ? $"`{option.Option.Name}` needs a value"
                    : $"unknown option `{token.Value}`{NameSuggestions.DidYouMean(token.Value, names)}");
            }
        }
    }

    private void RequireRules(CommandResult result)
    {
        if (result.GetResult(rules) is null && result.GetResult(packs) is null)
        {
            result.AddError("no rules to check against: give `--rules <file-or-dir>` or `--pack <name>`");
        }
    }

    /// <summary>
    /// The report, the baseline and the pack lock file cannot share a file. Whether one of them names an input is
    /// known once the check has read its inputs, and <see cref="OutputFile"/> refuses it then.
    /// </summary>
    private void SeparateOutputs(CommandResult result)
    {
        var outputs = new Option<string?>[] { output, writeBaseline, lockFile }
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

    private static List<KeyValuePair<string, string>> ParseParameters(ArgumentResult result) =>
        ParsePairs(result, "--param", "name=value", value => (true, value));

    /// <summary>Levels are the engine's to read: it reports a bad one as it reports one in a config file.</summary>
    private static List<SeveritySetting> ParseSeverities(ArgumentResult result) =>
        [.. ParsePairs(result, "--severity", "ID=level", level => (true, level.Trim()))
            .Select(pair => new SeveritySetting(pair.Key, pair.Value, SourceLocation.CommandLine))];

    /// <summary>Each token as <c>key=value</c>; a token that is not reports one error naming <paramref name="shape"/>.</summary>
    private static List<KeyValuePair<string, T>> ParsePairs<T>(ArgumentResult result, string option, string shape, Func<string, (bool Valid, T Value)> parseValue)
    {
        var pairs = new List<KeyValuePair<string, T>>();
        foreach (var token in result.Tokens)
        {
            var equals = token.Value.IndexOf('=');
            var (valid, value) = equals > 0 ? parseValue(token.Value[(equals + 1)..]) : (false, default!);
            if (!valid)
            {
                result.AddError($"`{option}` takes {shape}, not `{token.Value}`");
                continue;
            }

            pairs.Add(new(token.Value[..equals].Trim(), value));
        }

        return pairs;
    }

    private static DateOnly? ParseToday(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"`--today` takes a date as yyyy-MM-dd, not `{text}`");
        return null;
    }
}
