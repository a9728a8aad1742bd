using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>"did you mean" for a mistyped command or option name.</summary>
internal static class Suggestions
{
    /// <summary><c>; did you mean `x`?</c> for the closest candidate within a few edits, or an empty string.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        NameSuggestions.Closest(word, candidates) is { } best ? $"; did you mean `{best}`?" : "";
}
