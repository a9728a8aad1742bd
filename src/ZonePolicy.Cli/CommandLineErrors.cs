using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>Turns what the command-line parser found wrong into one-line ZP0311 diagnostics in the project's style.</summary>
internal static partial class CommandLineErrors
{
    public static IReadOnlyList<Diagnostic> From(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var messages = parse.UnmatchedTokens.Select(token => Unmatched(token, command)).ToList();
        foreach (var error in parse.Errors.Where(e => !IsSaidByUnmatched(e, parse)))
        {
            messages.Add(Describe(error, command));
        }

        return messages.Select(CliDiagnostics.InvalidArgument).ToList();
    }

    /// <summary>
    /// The parser's "unrecognized argument 'x'" for each unmatched token, and its "no command given" beside
    /// an unknown command, say less than <see cref="Unmatched"/> does.
    /// </summary>
    private static bool IsSaidByUnmatched(ParseError error, ParseResult parse) =>
        parse.UnmatchedTokens.Count > 0
        && error.SymbolResult is CommandResult commandResult
        && (commandResult.Command is RootCommand || parse.UnmatchedTokens.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)));

    private static string Unmatched(string token, Command command) =>
        token.StartsWith('-') ? $"unknown option `{token}`{NameSuggestions.DidYouMean(token, command.Options.Select(o => o.Name))}"
        : command.Subcommands.Count > 0 ? $"unknown command `{token}`{NameSuggestions.DidYouMean(token, command.Subcommands.Select(c => c.Name))}"
        : $"unexpected argument `{token}`; run `{Usage(command)} --help` for the usage";

    private static string Describe(ParseError error, Command command) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } option => $"`{option.Option.Name}` needs a value",
        ArgumentResult { Tokens.Count: 0 } argument => $"missing `<{argument.Argument.Name}>`; run `{Usage(command)} --help` for the usage",
        CommandResult { Command: RootCommand } => "missing command; run `zpol --help` to see the commands",
        _ => Normalize(error.Message),
    };

    private static string Usage(Command command) => command is RootCommand ? "zpol" : $"zpol {command.Name}";

    /// <summary>The parser's own sentences in the project's style: lowercase start, backticks, one line, no final period.</summary>
    private static string Normalize(string message)
    {
        var oneLine = string.Join("; ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var quoted = Quoted().Replace(oneLine, "`$1`").TrimEnd('.');
        return quoted.Length == 0 ? quoted : char.ToLowerInvariant(quoted[0]) + quoted[1..];
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
