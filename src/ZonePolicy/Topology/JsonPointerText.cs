using System.Text;

namespace ZonePolicy.Topology;

/// <summary>JSON pointers (RFC 6901) as text: splitting into segments and escaping names.</summary>
internal static class JsonPointerText
{
    public static List<string> Segments(string pointer)
    {
        var segments = new List<string>();
        if (pointer.Length == 0)
        {
            return segments;
        }

        foreach (var segment in pointer[1..].Split('/'))
        {
            segments.Add(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return segments;
    }

    public static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Combine(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Join(string prefix, IReadOnlyList<string> segments, int count)
    {
        var builder = new StringBuilder(prefix);
        for (var i = 0; i < count; i++)
        {
            builder.Append('/').Append(Escape(segments[i]));
        }

        return builder.ToString();
    }
}
