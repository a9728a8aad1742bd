using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZonePolicy.Reporting;

/// <summary>The JSON writer settings both JSON reports share: two-space indent, <c>\n</c> line ends, readable text.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Reports are read by people and tools, never embedded in HTML: backticks and `<` stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }
}
