using System.Text.RegularExpressions;

namespace ZonePolicy.Syntax;

/// <summary>The form of a rule id, as the tokenizer reads it after <c>rule</c>: letters and digits in groups joined by <c>-</c>.</summary>
internal static partial class RuleIds
{
    public static bool IsWellFormed(string text) => Pattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")]
    private static partial Regex Pattern();
}
