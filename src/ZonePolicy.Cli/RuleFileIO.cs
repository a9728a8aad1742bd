using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Cli;

/// <summary>
/// Reads and rewrites rule files for <c>zpol fmt</c>. Reading is the one way every input is read
/// (<see cref="InputReader"/>: regular files only, never blocking on a pipe, within the rule file size limit).
/// Writing goes to a temporary file beside the target that then replaces it in one rename, so a file is never
/// left half written, and keeps the target's permissions. A read-only file is not replaced.
/// </summary>
internal static class RuleFileIO
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The rule file as read (its bytes and its text, decoded as <c>zpol check</c> decodes it), or the diagnostic that stops it.</summary>
    public static InputRead Read(RuleFileTarget file, string workingDirectory) =>
        InputReader.Read(file.RealPath, file.Display, InputKind.RuleFile, workingDirectory);

    /// <summary>The bytes <see cref="Replace"/> writes for <paramref name="text"/>: UTF-8 without a byte order mark.</summary>
    public static byte[] Encode(string text) => Utf8WithoutBom.GetBytes(text);

    /// <summary>Replaces the file's content with <paramref name="bytes"/>; the diagnostic says why it could not.</summary>
    public static Diagnostic? Replace(RuleFileTarget file, byte[] bytes)
    {
        var location = SourceLocation.InFile(file.Display);
        if (IsReadOnly(file.RealPath))
            return Diagnostic.Create(DiagnosticDescriptors.RuleFileReadOnly, location, file.Display);

        var folder = Path.GetDirectoryName(file.RealPath)!;
        var temporary = Path.Join(folder, $".{Path.GetFileName(file.RealPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(file.RealPath));
            File.Move(temporary, file.RealPath, overwrite: true);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return Diagnostic.Create(DiagnosticDescriptors.RuleFileNotWritten, location, file.Display, OneLine(exception.Message));
        }
    }

    /// <summary>
    /// A file whose owner may not write it is read-only even to a user whose rights would let a rename replace
    /// it (the folder's owner, or root): its owner marked it so.
    /// </summary>
    private static bool IsReadOnly(string path)
    {
        if (File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly))
            return true;
        return !OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserWrite);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The rename failed already; a temporary file left behind is named so that nothing reads it as rules.
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
