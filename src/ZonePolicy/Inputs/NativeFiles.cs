using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ZonePolicy.Inputs;

/// <summary>
/// Opens a file for reading without ever blocking, and tells what was opened. .NET opens a named pipe
/// with a plain <c>open(2)</c>, which waits for a writer forever, and it has no API for a file's kind or
/// inode. On Linux and macOS the file is opened with <c>O_NONBLOCK</c> and examined with <c>fstat</c> on
/// the open descriptor, so what is checked is what is read. Elsewhere .NET's own calls are used: a
/// device path (<c>\\.\</c>) is refused by name and no identity is known.
/// </summary>
internal static partial class NativeFiles
{
    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int EPERM = 1;
    private const int ENOTDIR = 20;

    private static readonly bool IsLinux = OperatingSystem.IsLinux();
    private static readonly bool IsMac = OperatingSystem.IsMacOS();

    /// <summary>An open file and its status, or why it could not be opened.</summary>
    public readonly record struct Opened(SafeFileHandle? Handle, FileStatus Status, string? Error);

    /// <summary>Opens <paramref name="path"/> for reading; a missing file has status <see cref="FileKind.Missing"/> and no error.</summary>
    public static Opened OpenRead(string path) => IsLinux || IsMac ? OpenPosix(path) : OpenManaged(path);

    /// <summary>The status of what a path names, following symbolic links; missing when it names nothing.</summary>
    public static FileStatus StatusOf(string path) => IsLinux || IsMac ? StatPosix(path) : StatManaged(path);

    private static Opened OpenPosix(string path)
    {
        // O_RDONLY | O_NONBLOCK | O_CLOEXEC
        var flags = IsLinux ? 0x800 | 0x80000 : 0x4 | 0x1000000;
        var descriptor = open(path, flags);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR
                ? new Opened(null, FileStatus.Missing, null)
                : new Opened(null, FileStatus.Missing, Describe(errno));
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        var buffer = new byte[256];
        var result = IsLinux ? statx(descriptor, "", AtEmptyPath, StatxMask, buffer) : FStatMac(descriptor, buffer);
        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            return new Opened(null, FileStatus.Missing, Describe(errno));
        }

        return new Opened(handle, IsLinux ? FromStatx(buffer) : FromMacStat(buffer), null);
    }

    private static FileStatus StatPosix(string path)
    {
        var buffer = new byte[256];
        var result = IsLinux ? statx(AtCurrentDirectory, path, 0, StatxMask, buffer) : StatMac(path, buffer);
        if (result != 0)
        {
            return FileStatus.Missing;
        }

        return IsLinux ? FromStatx(buffer) : FromMacStat(buffer);
    }

    private static Opened OpenManaged(string path)
    {
        var status = StatManaged(path);
        if (status.Kind != FileKind.Regular)
        {
            return new Opened(null, status, null);
        }

        try
        {
            return new Opened(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), status, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new Opened(null, status, exception.Message.TrimEnd('.'));
        }
    }

    private static FileStatus StatManaged(string path)
    {
        if (Path.GetFullPath(path).StartsWith(@"\\.\", StringComparison.Ordinal))
        {
            return new FileStatus(FileKind.CharacterDevice, 0, null);
        }

        if (Directory.Exists(path))
        {
            return new FileStatus(FileKind.Directory, 0, null);
        }

        var file = new FileInfo(path);
        return file.Exists ? new FileStatus(FileKind.Regular, file.Length, null) : FileStatus.Missing;
    }

    private static string Describe(int errno) => errno switch
    {
        EACCES or EPERM => "permission denied",
        _ when errno == (IsLinux ? 40 : 62) => "too many levels of symbolic links (a symbolic link loop?)",
        _ => Marshal.GetPInvokeErrorMessage(errno).ToLowerInvariant(),
    };

    // Linux statx(2): one layout on every architecture.
    private const int AtCurrentDirectory = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxMask = 0x1 | 0x100 | 0x200; // STATX_TYPE | STATX_INO | STATX_SIZE

    private static FileStatus FromStatx(byte[] buffer)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
        var size = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(40));
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
        return new FileStatus(FileStatus.KindOfMode(mode), size, new FileIdentity(device, inode));
    }

    // macOS struct stat with 64-bit inodes: st_dev at 0, st_mode at 4, st_ino at 8, st_size at 96.
    private static FileStatus FromMacStat(byte[] buffer)
    {
        var device = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(0));
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(4));
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8));
        var size = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(96));
        return new FileStatus(FileStatus.KindOfMode(mode), size, new FileIdentity(device, inode));
    }

    private static int FStatMac(int descriptor, byte[] buffer) =>
        RuntimeInformation.ProcessArchitecture == Architecture.X64 ? fstat_inode64(descriptor, buffer) : fstat(descriptor, buffer);

    private static int StatMac(string path, byte[] buffer) =>
        RuntimeInformation.ProcessArchitecture == Architecture.X64 ? stat_inode64(path, buffer) : stat(path, buffer);

#pragma warning disable SA1300, IDE1006 // the C library's own names
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int fstat(int descriptor, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "fstat$INODE64", SetLastError = true)]
    private static extern int fstat_inode64(int descriptor, [Out] byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
    private static extern int stat_inode64([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
#pragma warning restore SA1300, IDE1006
}
