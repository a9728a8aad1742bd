namespace ZonePolicy.Configuration;

/// <summary>
/// Finds the analyzer config files that apply to a check the way the .NET SDK finds them for the files it
/// compiles: every <c>.editorconfig</c> and <c>.globalconfig</c> in the given folders and in each folder above them.
/// </summary>
internal static class AnalyzerConfigDiscovery
{
    private static readonly string[] FileNames = [".editorconfig", ".globalconfig"];

    /// <summary>
    /// The files, each once, nearest first; named relative to <paramref name="workingDirectory"/> when below it,
    /// else by full path.
    /// </summary>
    public static IReadOnlyList<string> Above(IEnumerable<string> folders, string workingDirectory)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in folders)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start, workingDirectory)); folder is not null && seen.Add(folder.FullName); folder = folder.Parent)
            {
                found.AddRange(FileNames.Select(name => Path.Combine(folder.FullName, name)).Where(File.Exists));
            }
        }

        return [.. found.Select(path => Named(path, workingDirectory))];
    }

    private static string Named(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
