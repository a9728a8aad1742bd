using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;
using ZonePolicy.Workspace;

namespace ZonePolicy.Cli;

/// <summary>
/// The options that choose the rules of an evaluation and its settings: rule files, packs and where packs come
/// from, parameters, severities, the date, the baseline, and the project file that gives what the command line
/// leaves out. <c>check</c>, <c>compliance</c> and <c>explain</c> each own one set, so all read the same command line
/// and project file into the same <see cref="CheckRequest"/>.
/// </summary>
internal sealed class RuleInputOptions
{
    public const string PackLockFileName = "zonepolicy.lock.json";

    public Option<string?> Project { get; } = new("--project")
    {
        HelpName = "file-or-dir",
        Description = $"The project file ({ProjectFile.FileName}) that says what to check; by default the nearest one in the current folder or above, read when the command line does not name both topologies and rules.",
    };

    public Option<string[]> Rules { get; } = new("--rules")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "file-or-dir",
        Description = "A rule file, or a folder whose *.zpol files are the rules; repeat for more.",
    };

    public Option<string[]> Packs { get; } = new("--pack")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "name[@versions]",
        Description = "A rule pack by name, with the versions accepted in NuGet's syntax (name@1.2.0, name@[1.0,2.0), name@1.*): from --pack-dir, the packs beside zpol, then the NuGet feeds of nuget.config; repeat for more.",
    };

    public Option<string[]> PackDirectories { get; } = new("--pack-dir")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "dir",
        Description = "A folder of rule packs (one sub-folder each) or a pack's own folder, searched before the packs beside zpol; repeat for more.",
    };

    public Option<string[]> Trusted { get; } = new("--trust")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "pack",
        Description = "Lets the C# functions of this pack run (those of the packs beside zpol always do); repeat for more.",
    };

    public Option<bool> NoFeeds { get; } = new("--no-feeds")
    {
        Description = "Looks packs up only in folders (--pack-dir, beside zpol), never in a NuGet feed.",
    };

    public Option<string?> LockFile { get; } = new("--lock-file")
    {
        HelpName = "file",
        Description = $"The pack lock file, written whenever the packs chosen change (default: {PackLockFileName} in the current folder, used when it exists or a pack came from a feed).",
    };

    public Option<bool> Locked { get; } = new("--locked")
    {
        Description = "Uses exactly the packs of the lock file; fails when it is missing or the packs would change (for CI).",
    };

    public Option<List<KeyValuePair<string, string>>> Parameters { get; } = new("--param")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "name=value",
        Description = "Sets a pack parameter; the value is a literal of the rule language (10, 7.5, \"text\", @2027-01-01, true) and a bare word is text; repeat for more.",
        CustomParser = ParseParameters,
    };

    public Option<List<SeveritySetting>> Severities { get; } = new("--severity")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "ID=level",
        Description = "Sets the severity of a rule or diagnostic id to error, warning, suggestion, silent, none or default, over .editorconfig and .globalconfig; repeat for more.",
        CustomParser = ParseSeverities,
    };

    public Option<DateOnly?> Today { get; } = new("--today")
    {
        HelpName = "yyyy-MM-dd",
        Description = "The date rules see as `today` (default: the current UTC date).",
        CustomParser = ParseToday,
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        HelpName = "file",
        Description = "A baseline of accepted violations: only violations not in it are reported.",
    };

    public Option<bool> WarningsAsErrors { get; } = new("--warnaserror")
    {
        Description = "Treats warnings as errors.",
    };

    /// <summary>The options that choose the rules, their packs, parameters, severities and date, in the order help lists them.</summary>
    private IEnumerable<Option> RuleSelection => [Rules, Packs, PackDirectories, Trusted, NoFeeds, LockFile, Locked, Parameters, Severities, Today];

    /// <summary>
    /// Adds the command's <paramref name="topologies"/> argument, its own options that help lists first
    /// (<paramref name="leading"/>), the project option and the options that choose the rules to
    /// <paramref name="command"/>, and rejects options it does not know: what every command that reads a project
    /// and evaluates rules starts with.
    /// </summary>
    public void AddTo(Command command, Argument topologies, params Option[] leading)
    {
        command.Add(topologies);
        foreach (var option in leading)
        {
            command.Add(option);
        }

        command.Add(Project);
        AddRuleSelectionTo(command);
    }

    /// <summary>Adds the options that choose the rules to <paramref name="command"/>, and rejects options it does not know.</summary>
    public void AddRuleSelectionTo(Command command)
    {
        foreach (var option in RuleSelection)
        {
            command.Add(option);
        }

        command.Validators.Add(RejectUnknownOptions);
    }

    /// <summary>
    /// The one place a command line becomes an engine request for <paramref name="topologyFiles"/>; relative
    /// paths stay as given and resolve against <paramref name="workingDirectory"/>.
    /// </summary>
    public CheckRequest Request(ParseResult parse, IReadOnlyList<string> topologyFiles, string workingDirectory, bool describeSites = false, bool compliance = false)
    {
        return new CheckRequest
        {
            TopologyFiles = topologyFiles,
            RuleSources = parse.GetValue(Rules) ?? [],
            Packs = parse.GetValue(Packs) ?? [],
            PackDirectories = parse.GetValue(PackDirectories) ?? [],
            ShippedPackDirectories = [Path.Combine(AppContext.BaseDirectory, "packs")],
            TrustedPacks = parse.GetValue(Trusted) ?? [],
            NuGetConfigDirectory = parse.GetValue(NoFeeds) ? null : workingDirectory,
            LockFile = parse.GetValue(LockFile) ?? PackLockFileName,
            LockMode = parse.GetValue(Locked) ? PackLockMode.Locked : parse.GetValue(LockFile) is null ? PackLockMode.Auto : PackLockMode.Update,
            Parameters = parse.GetValue(Parameters) ?? [],
            Severities = parse.GetValue(Severities) ?? [],
            AnalyzerConfigFiles = AnalyzerConfigsFor(topologyFiles, workingDirectory),
            WorkingDirectory = workingDirectory,
            Today = parse.GetValue(Today),
            BaselineFile = parse.GetValue(Baseline),
            WarningsAsErrors = parse.GetValue(WarningsAsErrors),
            DescribeSites = describeSites,
            Compliance = compliance,
        };
    }

    /// <summary>
    /// The command line's request for <paramref name="topologyFiles"/> combined with the project file (see
    /// <see cref="ProjectRequest"/>), or what stops it; <paramref name="purpose"/> says what the rules are for.
    /// </summary>
    public ProjectRequest.Combined Resolve(ParseResult parse, IReadOnlyList<string> topologyFiles, string workingDirectory, string purpose, bool describeSites = false, bool compliance = false) =>
        ProjectRequest.Combine(Request(parse, topologyFiles, workingDirectory, describeSites, compliance), parse.GetValue(Project), workingDirectory, purpose);

    /// <summary>The <c>.editorconfig</c> and <c>.globalconfig</c> files of the working folder, the topologies' folders and those above them.</summary>
    public static IReadOnlyList<string> AnalyzerConfigsFor(IEnumerable<string> topologyFiles, string workingDirectory) =>
        AnalyzerConfigDiscovery.Above(
            topologyFiles.Select(file => Path.GetDirectoryName(Path.GetFullPath(file, workingDirectory))!).Prepend(workingDirectory), workingDirectory);

    /// <summary>
    /// A token like <c>--fromat</c> would otherwise be taken for a topology file, and in <c>--rules --pack x</c>
    /// the parser takes <c>--pack</c> for the value of <c>--rules</c>.
    /// </summary>
    public static void RejectUnknownOptions(CommandResult result)
    {
        var options = result.Command.Options;
        var names = options.Select(o => o.Name).ToList();
        var aliases = options.SelectMany(o => o.Aliases).Concat(names).ToHashSet(StringComparer.Ordinal);
        foreach (var child in result.Children)
        {
            // A negative number after an option is that option's value: its own parser says what range it takes.
            foreach (var token in child.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-' && !(child is OptionResult && IsNegativeNumber(t.Value))))
            {
                result.AddError(child is OptionResult option && aliases.Contains(token.Value)
                    ? $"`{option.Option.Name}` needs a value"
                    : $"unknown option `{token.Value}`{NameSuggestions.DidYouMean(token.Value, names)}");
            }
        }
    }

    private static bool IsNegativeNumber(string token) =>
        decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

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
