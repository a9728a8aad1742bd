using System.CommandLine;
using System.Globalization;
using ZonePolicy.Testing;

namespace ZonePolicy.Cli;

/// <summary><c>zpol test &lt;pack-or-folder&gt;...</c>: runs rule packs' fixture tests.</summary>
internal static class TestCommand
{
    /// <param name="check">The engine to run each fixture through; <see cref="PolicyEngine.Check"/> when null.</param>
    public static Command Create(Func<CheckRequest, CheckResult>? check = null)
    {
        var packs = new Argument<string[]>("pack")
        {
            Description = "Rule pack names or folders; each folder's tests/ holds <case>.json fixtures with <case>.expect beside them",
            Arity = ArgumentArity.OneOrMore,
        };
        var today = new Option<DateOnly?>("--today")
        {
            Description = "The evaluation date (yyyy-MM-dd) for every fixture, instead of the pack's tests/settings",
            CustomParser = result => ParseDate(result.Tokens[0].Value, result),
        };
        var requireCoverage = new Option<bool?>("--require-coverage")
        {
            Description = "Fail when a rule has no violating or no passing case (default: the pack's tests/settings)",
            Arity = ArgumentArity.ZeroOrOne,
            // The parser hands a boolean option only `true` or `false` tokens; a bare switch means true.
            CustomParser = result => result.Tokens.Count == 0 || bool.Parse(result.Tokens[0].Value),
        };
        var cases = new Option<string[]>("--case")
        {
            Description = "Run only this case (its name under tests/, without extension); repeatable",
        };
        var packDirectories = new Option<string[]>("--pack-dir")
        {
            Description = "A folder holding one sub-folder per rule pack, searched before rules/; repeatable",
        };

        var trusted = new Option<string[]>("--trust")
        {
            Description = "Lets the C# functions of this dependency run (the pack under test is trusted); repeatable",
        };

        var command = new Command("test", "Run rule pack tests: check every fixture under tests/ and compare the diagnostics with its .expect file");
        command.Arguments.Add(packs);
        command.Options.Add(today);
        command.Options.Add(requireCoverage);
        command.Options.Add(cases);
        command.Options.Add(packDirectories);
        command.Options.Add(trusted);
        command.SetAction(parseResult =>
        {
            var request = new PackTestRequest
            {
                Packs = parseResult.GetValue(packs) ?? [],
                PackDirectories = parseResult.GetValue(packDirectories) ?? [],
                Today = parseResult.GetValue(today),
                RequireCoverage = parseResult.GetValue(requireCoverage),
                Cases = parseResult.GetValue(cases) ?? [],
                TrustedPacks = parseResult.GetValue(trusted) ?? [],
                NuGetConfigDirectory = Directory.GetCurrentDirectory(),
            };
            return PackTestEngine.Run(request, parseResult.InvocationConfiguration.Output, check);
        });
        return command;
    }

    private static DateOnly? ParseDate(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"`{text}` is not a date; write --today yyyy-MM-dd");
        return null;
    }
}
