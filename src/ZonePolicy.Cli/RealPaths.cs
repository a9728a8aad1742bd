namespace ZonePolicy.Cli;

/// <summary>Canonical paths with every symbolic link resolved, as <c>realpath(3)</c> gives them.</summary>
internal static class RealPaths
{
    // Enough for any real tree; more means a cycle of links.
    private const int MaxLinks = 40;

    /// <summary>The full path of <paramref name="path"/> with every link in it resolved; null when a link is broken or loops.</summary>
    public static string? Of(string path)
    {
        var pending = new Stack<string>(Components(Path.GetFullPath(path)).Reverse());
        var resolved = Path.GetPathRoot(Path.GetFullPath(path))!;
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Join(resolved, pending.Pop());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                if (!info.Exists)
                    return null;
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
                return null;

            var targetPath = Path.GetFullPath(target, resolved);
            resolved = Path.GetPathRoot(targetPath)!;
            foreach (var component in Components(targetPath).Reverse())
                pending.Push(component);
        }

        return resolved;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it.</summary>
    public static bool IsUnder(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(folder, comparison) || path.StartsWith(prefix, comparison);
    }

    private static IEnumerable<string> Components(string fullPath) =>
        fullPath[Path.GetPathRoot(fullPath)!.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}
