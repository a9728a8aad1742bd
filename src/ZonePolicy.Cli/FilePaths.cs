namespace ZonePolicy.Cli;

internal static class FilePaths
{
    /// <summary>The full path of a path given on the command line, or null when it is not a valid path.</summary>
    public static string? FullPathOrNull(string path, string workingDirectory)
    {
        try
        {
            return Path.GetFullPath(path, workingDirectory);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
