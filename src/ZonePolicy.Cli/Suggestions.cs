namespace ZonePolicy.Cli;

/// <summary>"did you mean" for a mistyped command or option name.</summary>
internal static class Suggestions
{
    /// <summary><c>; did you mean `x`?</c> for the closest candidate within a few edits, or an empty string.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var allowed = Math.Max(1, word.Length / 3);
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(word, candidate)))
            .Where(c => c.distance <= allowed)
            .OrderBy(c => c.distance)
            .ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Select(c => c.candidate)
            .FirstOrDefault();
        return best is null ? "" : $"; did you mean `{best}`?";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
