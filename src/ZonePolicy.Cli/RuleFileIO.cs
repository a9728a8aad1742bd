using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>A rule file as read: its bytes and the text they decode to.</summary>
internal sealed record RuleFileContent(string Text, byte[] Bytes);

/// <summary>
/// Reads and rewrites rule files for <c>zpol fmt</c>. Reading is bounded; writing goes to a temporary file
/// beside the target that then replaces it in one rename, so a file is never left half written, and keeps
/// the target's permissions. A read-only file is not replaced.
/// </summary>
internal static class RuleFileIO
{
    /// <summary>The largest rule file formatted: far beyond any hand-written pack, small enough to hold in memory.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The bytes of a rule file and its text, decoded as <c>zpol check</c> decodes it, or the diagnostic that stops it.</summary>
    public static (RuleFileContent? Content, Diagnostic? Problem) Read(RuleFileTarget file)
    {
        try
        {
            var info = new FileInfo(file.RealPath);

            // Pipes and devices report no length: reading one could block or never end, and an empty file
            // has nothing to format.
            if (info.Length == 0)
                return (new RuleFileContent("", []), null);
            if (info.Length > MaxBytes)
                return (null, FormatDiagnostics.TooLarge(file.Display, info.Length));

            using var stream = new FileStream(file.RealPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var bytes = new byte[info.Length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            using var reader = new StreamReader(new MemoryStream(bytes, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return (new RuleFileContent(reader.ReadToEnd(), bytes[..read]), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, FormatDiagnostics.NotReadable(file.Display, exception.Message));
        }
    }

    /// <summary>The bytes <see cref="Replace"/> writes for <paramref name="text"/>: UTF-8 without a byte order mark.</summary>
    public static byte[] Encode(string text) => Utf8WithoutBom.GetBytes(text);

    /// <summary>Replaces the file's content with <paramref name="bytes"/>; the diagnostic says why it could not.</summary>
    public static Diagnostic? Replace(RuleFileTarget file, byte[] bytes)
    {
        if (IsReadOnly(file.RealPath))
            return FormatDiagnostics.ReadOnly(file.Display);

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
            return FormatDiagnostics.NotWritable(file.Display, exception.Message);
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
}
