namespace ZonePolicy.Packs;

/// <summary>
/// Reads small files a pack is made of without trusting them: a folder, a device or a file over the
/// limit is a problem to report, never an exception, a hang or an exhausted memory.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The file's bytes, or null with <paramref name="problem"/> saying why not.</summary>
    public static byte[]? Read(string path, long limit, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                problem = "it is a folder";
                return null;
            }

            if (!info.Exists)
            {
                problem = "it does not exist";
                return null;
            }

            // Devices and pipes report no length: they are never opened, so reading one cannot block.
            if (info.Length == 0)
            {
                return [];
            }

            if (info.Length > limit)
            {
                problem = $"it is larger than {limit / 1024} KiB";
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            var buffer = new byte[info.Length];
            var read = 0;
            while (read < buffer.Length && stream.Read(buffer, read, buffer.Length - read) is var count and > 0)
            {
                read += count;
            }

            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = exception is UnauthorizedAccessException ? "access is denied" : "it could not be read";
            return null;
        }
    }
}
