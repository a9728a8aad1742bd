using System.Globalization;
using System.Text;

namespace ZonePolicy.Benchmarks.Generation;

/// <summary>
/// Writes one JSON object on one line, the way a hand-kept topology lists its entities. Generated text is
/// plain ASCII from fixed vocabularies, so only quotes and backslashes need escaping.
/// </summary>
internal sealed class JsonLine
{
    private readonly StringBuilder text;
    private bool first = true;

    private JsonLine(StringBuilder text)
    {
        this.text = text;
        text.Append("{ ");
    }

    public static void Write(StringBuilder text, Action<JsonLine> body)
    {
        var line = new JsonLine(text);
        body(line);
        text.Append(line.first ? "}" : " }");
    }

    public JsonLine String(string key, string value)
    {
        Key(key);
        Quote(value);
        return this;
    }

    public JsonLine Number(string key, long value)
    {
        Key(key).Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonLine Number(string key, decimal value)
    {
        Key(key).Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonLine Bool(string key, bool value)
    {
        Key(key).Append(value ? "true" : "false");
        return this;
    }

    public JsonLine Date(string key, DateOnly value) => String(key, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public JsonLine Strings(string key, IEnumerable<string> values)
    {
        Key(key).Append('[');
        var separator = "";
        foreach (var value in values)
        {
            text.Append(separator);
            Quote(value);
            separator = ", ";
        }

        text.Append(']');
        return this;
    }

    public JsonLine Object(string key, Action<JsonLine> body)
    {
        Key(key);
        Write(text, body);
        return this;
    }

    public JsonLine Objects(string key, int count, Action<int, JsonLine> body)
    {
        Key(key).Append('[');
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ", ");
            var index = i;
            Write(text, line => body(index, line));
        }

        text.Append(']');
        return this;
    }

    private StringBuilder Key(string key)
    {
        text.Append(first ? "" : ", ");
        first = false;
        Quote(key);
        return text.Append(": ");
    }

    private void Quote(string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        text.Append('"');
    }
}
