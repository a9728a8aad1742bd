namespace ZonePolicy.Cli;

/// <summary>One <c>key = value</c> line of an <c>.editorconfig</c> or <c>.globalconfig</c> file, with its section.</summary>
internal sealed record AnalyzerConfigEntry(string? Section, string Key, string Value, int Line, int ValueColumn);

/// <summary>An <c>.editorconfig</c> or <c>.globalconfig</c> file, read the way .NET reads them for analyzers.</summary>
internal sealed record AnalyzerConfigFile(string Path, IReadOnlyList<AnalyzerConfigEntry> Entries)
{
    /// <summary>True when the file says <c>root = true</c> before its first section: the walk up stops here.</summary>
    public bool IsRoot => Entries.Any(e =>
        e.Section is null
        && e.Key.Equals("root", StringComparison.OrdinalIgnoreCase)
        && e.Value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>The file at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static AnalyzerConfigFile? TryRead(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not there, or not ours to read: these files configure many tools besides this one.
            return null;
        }

        return new AnalyzerConfigFile(path, Parse(lines));
    }

    private static List<AnalyzerConfigEntry> Parse(string[] lines)
    {
        var entries = new List<AnalyzerConfigEntry>();
        string? section = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']')
            {
                section = trimmed[1..^1];
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var rawValue = line[(equals + 1)..];
            var comment = rawValue.IndexOfAny(['#', ';']);
            var value = (comment < 0 ? rawValue : rawValue[..comment]).Trim();
            var valueColumn = equals + 2 + (rawValue.Length - rawValue.TrimStart().Length);
            entries.Add(new AnalyzerConfigEntry(section, line[..equals].Trim(), value, index + 1, valueColumn));
        }

        return entries;
    }
}
