using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Reporting;

namespace ZonePolicy.Cli;

/// <summary>Checks every command applies to its own command line.</summary>
internal static class CommandValidators
{
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
