using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ZonePolicy.Binding;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Regular expressions built from patterns computed while rules run, each compiled once (up to a limit, so
/// that data cannot fill memory), the way <see cref="RegularExpressions"/> compiles every pattern: linear
/// where it can be, with a timeout where it cannot.
/// </summary>
internal static class RegexCache
{
    private const int Limit = 1024;
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string? Problem)> Patterns = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern, or null and why it is not a regular expression.</summary>
    public static (Regex? Regex, string? Problem) Get(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var compiled))
        {
            return compiled;
        }

        try
        {
            compiled = (RegularExpressions.Compile(pattern), null);
        }
        catch (ArgumentException exception)
        {
            compiled = (null, RegularExpressions.Problem(exception));
        }

        if (Patterns.Count < Limit)
        {
            Patterns.TryAdd(pattern, compiled);
        }

        return compiled;
    }
}
