namespace ZonePolicy.Topology;

/// <summary>
/// Shares equal values across a loaded model: one string instance per distinct text and one box per
/// distinct number, date and boolean, so a large site holds each repeated value (a protocol, a port, a
/// vendor, an end-of-support date) once.
/// </summary>
internal sealed class ValuePool
{
    public static readonly object True = true;
    public static readonly object False = false;

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> stringsBySpan;
    private readonly Dictionary<long, object> integers = [];
    private readonly Dictionary<DateOnly, object> dates = [];

    public ValuePool() => stringsBySpan = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static object Bool(bool value) => value ? True : False;

    public string String(ReadOnlySpan<char> text)
    {
        if (!stringsBySpan.TryGetValue(text, out var shared))
        {
            shared = text.ToString();
            strings.Add(shared, shared);
        }

        return shared;
    }

    public object Integer(long value)
    {
        if (!integers.TryGetValue(value, out var boxed))
        {
            boxed = value;
            integers.Add(value, boxed);
        }

        return boxed;
    }

    public object Date(DateOnly value)
    {
        if (!dates.TryGetValue(value, out var boxed))
        {
            boxed = value;
            dates.Add(value, boxed);
        }

        return boxed;
    }
}
