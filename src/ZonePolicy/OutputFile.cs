using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy;

/// <summary>
/// Writes what a check produces (a report, a baseline) to a file, never over a file the check read: the file
/// is compared by identity (device and inode), so a symbolic link or a hard link to an input is refused as the
/// input itself is (ZP0318). An I/O error is ZP0319. Neither ever throws.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// Writes the file at the full path <paramref name="path"/> with <paramref name="write"/>, unless it is one of
    /// the inputs of <paramref name="result"/> other than <paramref name="mayReplace"/> (a baseline refreshed in
    /// place); returns null, or the diagnostic (at <paramref name="displayPath"/>) that says why it was not written.
    /// </summary>
    public static Diagnostic? Write(string path, string displayPath, CheckResult result, Action<Stream> write, string? mayReplace = null) =>
        Write(path, displayPath, result.Inputs, write, mayReplace);

    /// <summary>As above, for the output of a command whose inputs are <paramref name="inputs"/>.</summary>
    internal static Diagnostic? Write(string path, string displayPath, IReadOnlyList<InputFile> inputs, Action<Stream> write, string? mayReplace = null)
    {
        if (InputAt(path, inputs, mayReplace) is { } input)
        {
            return Diagnostic.Create(DiagnosticDescriptors.OutputOverwritesInput, SourceLocation.InFile(displayPath), displayPath, input);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            write(stream);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Diagnostic.Create(DiagnosticDescriptors.OutputNotWritable, SourceLocation.InFile(displayPath), displayPath, Reason(exception));
        }
    }

    /// <summary>True when two paths name one file (the same identity, or the same path once links are resolved).</summary>
    public static bool SameFile(string first, string second)
    {
        var a = NativeFiles.StatusOf(first);
        var b = NativeFiles.StatusOf(second);
        return a.Identity is { } left && b.Identity is { } right ? left == right : SamePath(first, second);
    }

    /// <summary>How diagnostics name the input a path would replace, or null when it names none.</summary>
    private static string? InputAt(string path, IReadOnlyList<InputFile> inputs, string? mayReplace)
    {
        var status = NativeFiles.StatusOf(path);
        if (status.Kind == FileKind.Missing)
        {
            return null;
        }

        foreach (var input in inputs.Where(input => mayReplace is null || !SameFile(input.FullPath, mayReplace)))
        {
            var same = status.Identity is { } identity && input.Identity is { } inputIdentity
                ? identity == inputIdentity
                : SamePath(path, input.FullPath);
            if (same)
            {
                return input.DisplayPath;
            }
        }

        return null;
    }

    private static bool SamePath(string first, string second)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var directory = Directory.GetCurrentDirectory();
        return string.Equals(RealPath.Resolve(first, directory), RealPath.Resolve(second, directory), comparison);
    }

    private static string Reason(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied, or it is a folder",
        DirectoryNotFoundException => "its folder does not exist",
        _ => exception.Message.TrimEnd('.'),
    };
}
