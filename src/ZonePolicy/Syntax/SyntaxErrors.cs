using System.Reflection;
using Superpower.Display;
using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>What lies past the tokens a parse was given: the next token of the file, the <c>}</c> closing a message hole, or the end of the file.</summary>
internal readonly record struct InputEnd(string Description, SourceLocation Location);

/// <summary>
/// Turns a failed parse into a ZP0001 diagnostic in Superpower's style, quoting tokens as the author
/// writes them: <c>unexpected "}", expected "require" or "forbid"</c>.
/// </summary>
internal static class SyntaxErrors
{
    private const int MaxShownLength = 24;

    public static Diagnostic From<T>(TokenListParserResult<RuleToken, T> result, InputEnd end)
    {
        var next = result.Remainder.ConsumeToken();
        var location = next.HasValue ? SourceSpans.Locate(next.Value) : end.Location;

        // A parser that knows better than its expectations words the error itself.
        return result.ErrorMessage is { } message
            ? Diagnostic.Create(DiagnosticDescriptors.SyntaxError, location, message)
            : Unexpected(location, next.HasValue ? Describe(next.Value) : end.Description, result.Expectations ?? [], next.HasValue ? next.Value : null);
    }

    /// <summary><c>unexpected X, expected A, B or C</c>, with a suggestion when X is a misspelt keyword.</summary>
    public static Diagnostic Unexpected(SourceLocation location, string unexpected, IReadOnlyList<string> expectations, Token<RuleToken>? token)
    {
        var expected = expectations.Select(Quoted).Distinct(StringComparer.Ordinal).ToList();
        var suggestion = token is { Kind: RuleToken.Identifier } word ? Closest(word.ToStringValue(), expected) : null;
        var hint = suggestion is null ? "" : NameSuggestions.Hint(suggestion);
        return expected.Count == 0
            ? Diagnostic.Create(DiagnosticDescriptors.UnexpectedTokenNothingExpected, location, unexpected, hint)
            : Diagnostic.Create(DiagnosticDescriptors.UnexpectedToken, location, unexpected, List(expected), hint);
    }

    /// <summary>A declaration keyword after declarations that must follow it.</summary>
    public static Diagnostic OutOfOrder(Token<RuleToken> keyword, IReadOnlyList<string> allowed) =>
        Diagnostic.Create(DiagnosticDescriptors.DeclarationOutOfOrder, SourceSpans.Locate(keyword), Describe(keyword), List(allowed.Select(Quoted).Distinct(StringComparer.Ordinal).ToList()));

    /// <summary>A token as the author wrote it, with its category: <c>identifier "x"</c>, <c>"}"</c>.</summary>
    public static string Describe(Token<RuleToken> token)
    {
        var text = token.ToStringValue();
        if (text.Length > MaxShownLength)
            text = text[..MaxShownLength] + "…";

        var shown = token.Kind == RuleToken.String ? text : $"\"{text}\"";
        var category = TokenAttributeOf(token.Kind)?.Category;
        return category is null ? shown : $"{category} {shown}";
    }

    /// <summary>How a token kind is named among a parser's expectations, in Superpower's form: <c>`}`</c>, <c>identifier</c>.</summary>
    public static string Expectation(RuleToken kind)
    {
        var attribute = TokenAttributeOf(kind);
        return attribute?.Description ?? $"`{attribute?.Example ?? kind.ToString()}`";
    }

    /// <summary>Superpower quotes literals in backticks; syntax errors quote them as <c>"x"</c>.</summary>
    private static string Quoted(string expectation) =>
        expectation.Length > 2 && expectation[0] == '`' && expectation[^1] == '`'
            ? $"\"{expectation[1..^1]}\""
            : expectation;

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";

    private static string? Closest(string word, IEnumerable<string> expected)
    {
        if (word.Length < 3)
            return null;

        var limit = word.Length < 5 ? 1 : 2;
        return expected
            .Where(e => e.Length > 2 && e[0] == '"' && char.IsAsciiLetter(e[1]))
            .Select(e => (Keyword: e, Distance: NameSuggestions.Distance(word, e[1..^1], limit)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Select(c => c.Keyword)
            .FirstOrDefault();
    }


    private static TokenAttribute? TokenAttributeOf(RuleToken kind) =>
        typeof(RuleToken).GetField(kind.ToString())?.GetCustomAttribute<TokenAttribute>();
}
