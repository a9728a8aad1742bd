using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ZonePolicy.Evaluation;

/// <summary>Regular expressions built from run-time patterns, each compiled once; an invalid pattern matches nothing.</summary>
internal static class RegexCache
{
    private const int Limit = 1024;
    private static readonly Regex Never = new("(?!)", RegexOptions.CultureInvariant);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            regex = Never;
        }

        if (Patterns.Count < Limit)
        {
            Patterns.TryAdd(pattern, regex);
        }

        return regex;
    }
}
