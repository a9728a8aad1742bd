namespace ZonePolicy.Diagnostics;

/// <summary>"Did you mean" candidates: the closest name by edit distance (a transposition counts one edit).</summary>
internal static class NameSuggestions
{
    /// <summary>The candidate closest to <paramref name="name"/>, if one is close enough to be a likely typo; ties go to the first.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = limit + 1;
        var rows = new int[3 * 64];
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) >= bestDistance || candidate == name)
            {
                continue;
            }

            if (rows.Length < 3 * (candidate.Length + 1))
            {
                rows = new int[3 * (candidate.Length + 1)];
            }

            var distance = Distance(name, candidate, bestDistance - 1, rows);
            if (distance < bestDistance && distance < Math.Max(name.Length, candidate.Length))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>"; did you mean `x`?" for the closest candidate, or the empty string: the one way every message offers a suggestion.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) => DidYouMean(Closest(name, candidates));

    /// <summary>"; did you mean `x`?" for a suggestion, or the empty string for none.</summary>
    public static string DidYouMean(string? suggestion) => suggestion is null ? "" : Hint(Quote(suggestion));

    /// <summary>"; did you mean X?" for a suggestion already quoted as its message quotes names.</summary>
    public static string Hint(string quotedSuggestion) => $"; did you mean {quotedSuggestion}?";

    private static string Quote(string name) => $"`{name}`";

    /// <summary>The optimal string alignment distance, or <paramref name="limit"/> + 1 once it is known to exceed the limit.</summary>
    public static int Distance(string a, string b, int limit) => Distance(a, b, limit, new int[3 * (b.Length + 1)]);

    private static int Distance(string a, string b, int limit, int[] rows)
    {
        var width = b.Length + 1;
        var previous2 = rows.AsSpan(0, width);
        var previous = rows.AsSpan(width, width);
        var current = rows.AsSpan(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
