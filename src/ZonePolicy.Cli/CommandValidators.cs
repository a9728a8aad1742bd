using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Diagnostics;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>Checks every command applies to its own command line.</summary>
internal static class CommandValidators
{
    /// <summary>
    /// A token like <c>--fromat</c> would otherwise be taken for an argument, and in <c>--rules --pack x</c>
    /// the parser takes <c>--pack</c> for the value of <c>--rules</c>.
    /// </summary>
    public static void RejectUnknownOptions(Command command, CommandResult result)
    {
        var names = command.Options.Select(o => o.Name).ToList();
        var aliases = command.Options.SelectMany(o => o.Aliases).Concat(names).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>A command that writes only some report formats refuses the others with a list of those it writes.</summary>
    public static void RequireFormat(CommandResult result, Option<ReportFormat> format, IReadOnlyList<ReportFormat> allowed, string command)
    {
        if (result.GetResult(format) is { } given && !given.Errors.Any() && given.GetValueOrDefault<ReportFormat>() is var chosen && !allowed.Contains(chosen))
        {
            var names = allowed.Select(f => f.ToString().ToLowerInvariant()).ToList();
            result.AddError($"`{command}` writes {string.Join(", ", names[..^1])} or {names[^1]}, not `{chosen.ToString().ToLowerInvariant()}`");
        }
    }
}
