namespace ZonePolicy.Inputs;

/// <summary>What a path names, once symbolic links are followed.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>The file a path names, whatever path names it: a hard link or a symbolic link gives the same identity.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>The kind, size and identity of a file; the identity is null where the platform does not say.</summary>
internal readonly record struct FileStatus(FileKind Kind, long Size, FileIdentity? Identity)
{
    public static FileStatus Missing { get; } = new(FileKind.Missing, 0, null);

    /// <summary>How a message names the kind of a file that is not a regular file.</summary>
    public string KindName => Kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.Regular => "a file",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    /// <summary>The kind bits of a POSIX <c>st_mode</c>.</summary>
    public static FileKind KindOfMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };
}
