using System.Globalization;
using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Inputs;

/// <summary>The kinds of file a check or a pack test reads; each has a size limit (see <see cref="InputReader"/>).</summary>
internal enum InputKind
{
    Topology,
    RuleFile,
    Baseline,
    TestExpectation,
    TestSettings,
    AnalyzerConfig,
    PackManifest,
    PackLock,
    Script,
    Catalogue,
    ProjectFile,
}

/// <summary>A file as read: where it is, what it is called in diagnostics, its bytes and its identity.</summary>
internal sealed record InputFile(string FullPath, string DisplayPath, byte[] Bytes, FileIdentity? Identity)
{
    /// <summary>
    /// The line (from 1) that ended in the file's first lone carriage return, which <see cref="Bytes"/> holds as a
    /// line feed; 0 when there was none. What a formatter needs to know the file's bytes were not its own.
    /// </summary>
    public int FirstLoneCarriageReturnLine { get; init; }

    /// <summary>The bytes as UTF-8 text, without a byte order mark.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes.AsSpan(Bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0));
}

/// <summary>The file read, or the diagnostic that says why there is none.</summary>
internal readonly record struct InputRead(InputFile? File, Diagnostic? Problem);

/// <summary>
/// The one way every input file is read: topologies, rule files, baselines, pack test files, analyzer config
/// files, pack manifests, pack lock files and C# scripts. It opens without blocking (a named pipe never hangs the check), refuses anything but a regular file
/// (a folder, a device, a pipe, a socket: ZP0315), refuses a file over its kind's size limit before reading it
/// (ZP0316), reports what cannot be read (ZP0310 missing, ZP0317 unreadable), and turns a lone carriage return
/// into a line feed, so that every reader counts lines as editors do.
/// </summary>
/// <remarks>
/// The limits are generous for real inputs and keep memory bounded: the benchmark's 100,000-asset site (five
/// flows per asset, full attributes) is 167 MB, and loading a topology takes a few times its size in memory, so
/// 512 MiB admits three times that site and stays within an ordinary build machine and within what one JSON
/// document can hold (2 GiB). A baseline lists at most a few violations per entity. Rule files, test files and
/// config files are written by hand; 8 MiB is thousands of rules. A pack manifest or one C# script of a pack
/// is a page or two; 1 MiB is far more than either needs.
/// </remarks>
internal static class InputReader
{
    private const long MiB = 1024 * 1024;

    public static long LimitOf(InputKind kind) => kind switch
    {
        InputKind.Topology or InputKind.Baseline => 512 * MiB,
        InputKind.TestSettings or InputKind.ProjectFile or InputKind.PackManifest or InputKind.Script => 1 * MiB,
        _ => 8 * MiB,
    };

    public static string NameOf(InputKind kind) => kind switch
    {
        InputKind.Topology => "topology file",
        InputKind.RuleFile => "rule file",
        InputKind.Baseline => "baseline file",
        InputKind.TestExpectation => "test expectation file",
        InputKind.TestSettings => "test settings file",
        InputKind.PackManifest => "pack manifest",
        InputKind.PackLock => "pack lock file",
        InputKind.Script => "C# script",
        InputKind.Catalogue => "clause catalogue",
        InputKind.ProjectFile => "project file",
        _ => "analyzer config file",
    };

    /// <summary>
    /// Reads <paramref name="path"/> (relative to <paramref name="baseDirectory"/>), named <paramref name="displayPath"/>
    /// in diagnostics, which point at <paramref name="reference"/> (an import) or else at the file itself.
    /// </summary>
    public static InputRead Read(string path, string displayPath, InputKind kind, string baseDirectory, SourceLocation? reference = null)
    {
        var what = NameOf(kind);
        var location = reference ?? SourceLocation.InFile(displayPath);
        var fullPath = Path.GetFullPath(path, baseDirectory);
        var opened = NativeFiles.OpenRead(fullPath);
        using var handle = opened.Handle;
        if (opened.Error is { } error)
        {
            return Problem(DiagnosticDescriptors.InputUnreadable, location, what, displayPath, error);
        }

        var status = opened.Status;
        if (status.Kind == FileKind.Missing)
        {
            return Problem(DiagnosticDescriptors.FileNotFound, location, what, displayPath);
        }

        if (status.Kind != FileKind.Regular)
        {
            return Problem(DiagnosticDescriptors.InputNotAFile, location, what, displayPath, status.KindName, status.Kind == FileKind.Directory ? "; name a file in it" : "");
        }

        var limit = LimitOf(kind);
        if (status.Size > limit)
        {
            return TooLarge(location, what, displayPath, status.Size, limit);
        }

        byte[] bytes;
        try
        {
            bytes = ReadAtMost(handle!, status.Size, limit + 1);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Problem(DiagnosticDescriptors.InputUnreadable, location, what, displayPath, exception.Message.TrimEnd('.'));
        }

        if (bytes.Length > limit)
        {
            // It grew while it was read.
            return TooLarge(location, what, displayPath, bytes.Length, limit);
        }

        var loneCarriageReturnLine = NormalizeLoneCarriageReturns(bytes);
        return new InputRead(new InputFile(fullPath, displayPath, bytes, status.Identity) { FirstLoneCarriageReturnLine = loneCarriageReturnLine }, null);
    }

    /// <summary>
    /// A text that stands in for the file at <paramref name="fullPath"/> (an editor's unsaved buffer), held to the
    /// same size limit as the file and with its line ends counted the same way.
    /// </summary>
    public static InputRead FromText(string fullPath, string displayPath, InputKind kind, string text, SourceLocation? reference = null)
    {
        var limit = LimitOf(kind);
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > limit)
        {
            return TooLarge(reference ?? SourceLocation.InFile(displayPath), NameOf(kind), displayPath, size, limit);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        NormalizeLoneCarriageReturns(bytes);
        return new InputRead(new InputFile(fullPath, displayPath, bytes, null), null);
    }

    /// <summary>A size for a message: bytes, KiB or MiB.</summary>
    public static string Size(long bytes) =>
        bytes >= MiB ? (bytes / (double)MiB).ToString("0.#", CultureInfo.InvariantCulture) + " MiB"
        : bytes >= 1024 ? (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>The file's bytes, up to <paramref name="most"/>; a size of 0 may hide content (as in /proc), so reading goes on to the end.</summary>
    private static byte[] ReadAtMost(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long size, long most)
    {
        // Not cleared first: every byte is read into before the array is used (a short read returns a copy of what was read).
        var bytes = GC.AllocateUninitializedArray<byte>((int)size);
        var offset = 0L;
        while (offset < size)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan((int)offset), offset);
            if (read == 0)
            {
                return bytes[..(int)offset];
            }

            offset += read;
        }

        var rest = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (offset < most)
        {
            var read = RandomAccess.Read(handle, chunk.AsSpan(0, (int)Math.Min(chunk.Length, most - offset)), offset);
            if (read == 0)
            {
                break;
            }

            rest.Write(chunk, 0, read);
            offset += read;
        }

        return rest.Length == 0 ? bytes : [.. bytes, .. rest.ToArray()];
    }

    /// <summary>Turns each lone carriage return into a line feed; returns the line the first one ended, or 0.</summary>
    private static int NormalizeLoneCarriageReturns(byte[] bytes)
    {
        var first = -1;
        var start = bytes.AsSpan().IndexOf((byte)'\r');
        for (var index = start; index >= 0 && index < bytes.Length; index++)
        {
            if (bytes[index] == '\r' && (index + 1 == bytes.Length || bytes[index + 1] != '\n'))
            {
                bytes[index] = (byte)'\n';
                first = first < 0 ? index : first;
            }
        }

        return first < 0 ? 0 : bytes.AsSpan(0, first).Count((byte)'\n') + 1;
    }

    private static InputRead TooLarge(SourceLocation location, string what, string displayPath, long size, long limit) =>
        Problem(DiagnosticDescriptors.InputTooLarge, location, what, displayPath, Size(size), Size(limit));

    private static InputRead Problem(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments) =>
        new(null, Diagnostic.Create(descriptor, location, arguments));
}
