using System.Text.RegularExpressions;

namespace ZonePolicy.Binding;

/// <summary>How the language builds the regular expression of a <c>matches</c>.</summary>
internal static class RegularExpressions
{
    /// <summary>How long one match may run before it is reported as timed out (ZP0401).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A pattern compiled to run in time linear in its input where .NET can (no backreferences, lookarounds
    /// or atomic groups), so that no text can make it backtrack for ever; otherwise with backtracking, under
    /// <see cref="MatchTimeout"/>. Throws <see cref="ArgumentException"/> for an invalid pattern.
    /// </summary>
    public static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }

    /// <summary>The last sentence of .NET's message ("Invalid pattern '[' at offset 1. Unterminated [] set."), lowercased.</summary>
    public static string Problem(ArgumentException exception)
    {
        var sentences = exception.Message.TrimEnd('.').Split(". ", StringSplitOptions.RemoveEmptyEntries);
        var problem = sentences.Length > 0 ? sentences[^1] : "invalid pattern";
        return char.ToLowerInvariant(problem[0]) + problem[1..];
    }
}
