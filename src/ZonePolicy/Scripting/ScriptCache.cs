using System.Security.Cryptography;

namespace ZonePolicy.Scripting;

/// <summary>
/// Compiled scripts on disk, one entry per content hash (the script's text, its functions' signatures, and
/// the engine and runtime that compiled it), so that a check that finds its scripts here never loads the
/// compiler. Where: <c>ZONEPOLICY_SCRIPT_CACHE</c> when set, else the user's cache folder
/// (<c>%LOCALAPPDATA%\ZonePolicy\ScriptCache</c>, <c>~/Library/Caches/ZonePolicy</c>,
/// <c>$XDG_CACHE_HOME/zonepolicy</c> or <c>~/.cache/zonepolicy</c>).
/// </summary>
/// <remarks>
/// An entry is <c>&lt;hash&gt;.dll</c> with <c>&lt;hash&gt;.sha256</c>, the SHA-256 of the assembly; a
/// damaged, half-written or replaced assembly does not match it and is compiled again. Both are written
/// beside their final name and moved in place, so builds running at once never see half an entry and
/// write the same bytes (compilation is deterministic). On Unix the folder is created for its owner only,
/// and a folder others can write to is not used: compiled code is loaded from it.
/// </remarks>
internal sealed class ScriptCache(string? directory)
{
    public const string EnvironmentVariable = "ZONEPOLICY_SCRIPT_CACHE";

    public static ScriptCache Default { get; } = new(DefaultDirectory());

    /// <summary>The folder, or null when there is none that may be used (then every script is compiled in memory).</summary>
    public string? Directory { get; } = directory;

    /// <summary>The assembly of a cache entry whose hash checks out; null otherwise.</summary>
    public byte[]? TryRead(string key)
    {
        if (!IsUsable())
        {
            return null;
        }

        try
        {
            var assembly = Path.Combine(Directory!, key + ".dll");
            var sum = Path.Combine(Directory!, key + ".sha256");
            if (!File.Exists(assembly) || !File.Exists(sum))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(assembly);
            return string.Equals(File.ReadAllText(sum).Trim(), Hash(bytes), StringComparison.Ordinal) ? bytes : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry; a cache that cannot be written to only costs the next check a compile.</summary>
    public void Write(string key, byte[] bytes)
    {
        if (Directory is null)
        {
            return;
        }

        try
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    System.IO.Directory.CreateDirectory(Directory);
                }
                else
                {
                    System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            if (!IsUsable())
            {
                return;
            }

            Replace(Path.Combine(Directory, key + ".dll"), bytes);
            Replace(Path.Combine(Directory, key + ".sha256"), System.Text.Encoding.ASCII.GetBytes(Hash(bytes) + "\n"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Read-only home folders and full disks happen; the script was compiled and runs all the same.
        }
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private bool IsUsable()
    {
        if (Directory is null || !System.IO.Directory.Exists(Directory))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var mode = File.GetUnixFileMode(Directory);
        return (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
    }

    private static void Replace(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string? DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length > 0 ? Path.Combine(local, "ZonePolicy", "ScriptCache") : null;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return home.Length > 0 ? Path.Combine(home, "Library", "Caches", "ZonePolicy") : null;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        return xdg is { Length: > 0 } && Path.IsPathRooted(xdg) ? Path.Combine(xdg, "zonepolicy")
            : home.Length > 0 ? Path.Combine(home, ".cache", "zonepolicy")
            : null;
    }
}
