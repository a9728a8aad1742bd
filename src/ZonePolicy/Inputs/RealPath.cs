namespace ZonePolicy.Inputs;

/// <summary>
/// A path with every symbolic link resolved, component by component, as <c>realpath(3)</c> resolves it: a
/// <c>..</c> after a link climbs from the link's target, not from the folder the link sits in, so the path
/// checked is the path the operating system opens.
/// </summary>
internal static class RealPath
{
    // Linux's own limit on links followed in one lookup.
    private const int MaxLinks = 40;

    /// <summary>
    /// The full path of <paramref name="path"/> (relative to <paramref name="baseDirectory"/>) with its links
    /// resolved, or null when resolving meets a symbolic link loop.
    /// </summary>
    public static string? Resolve(string path, string baseDirectory)
    {
        var full = Path.IsPathFullyQualified(path) ? path : Path.Join(baseDirectory, path);
        var current = Path.GetPathRoot(full) ?? "";
        var pending = Segments(full[current.Length..]);
        var links = 0;
        for (var index = 0; index < pending.Count; index++)
        {
            var segment = pending[index];
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, segment);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            var targetPath = Path.IsPathRooted(target) ? target : Path.Join(current, target);
            current = Path.GetPathRoot(targetPath) ?? current;
            pending.InsertRange(index + 1, Segments(targetPath[current.Length..]));
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both resolved).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var root = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(root, comparison)
            || (path.StartsWith(root, comparison) && path.Length > root.Length && path[root.Length] == Path.DirectorySeparatorChar)
            || (root.EndsWith(Path.DirectorySeparatorChar) && path.StartsWith(root, comparison));
    }

    private static List<string> Segments(string relative) =>
        [.. relative.Split(Path.DirectorySeparatorChar == '/' ? ['/'] : ['/', '\\'])];

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not readable as a link: opening it will say what is wrong.
            return null;
        }
    }
}
