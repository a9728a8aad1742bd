using System.Runtime.InteropServices;
using System.Text;

namespace ZonePolicy.Topology;

/// <summary>
/// The distinct scalar values of a loaded model (texts, integers, decimals, dates, booleans), each held once
/// and numbered: a column stores a value's code (0 for none) instead of a reference to it, and reading it
/// back is one array lookup that allocates nothing. A large site holds each repeated value (a protocol, a
/// port, a vendor, an end-of-support date) once.
/// </summary>
internal sealed class ValuePool
{
    public const int NullCode = 0;
    public const int FalseCode = 1;
    public const int TrueCode = 2;

    public static readonly object True = true;
    public static readonly object False = false;

    private readonly List<object?> values = [null, False, True];
    // Each text's UTF-8 bytes with its code as the value.
    private readonly Utf8StringTable strings = new();
    private readonly Dictionary<string, int> givenStrings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> integers = [];
    private readonly Dictionary<DateOnly, int> dates = [];
    private readonly Dictionary<DecimalBits, int> decimals = [];

    public static object Bool(bool value) => value ? True : False;

    public static int BoolCode(bool value) => value ? TrueCode : FalseCode;

    public object? this[int code] => values[code];

    public string String(ReadOnlySpan<byte> utf8) => (string)values[StringCode(utf8)]!;

    /// <summary>The code of the text with these UTF-8 bytes.</summary>
    public int StringCode(ReadOnlySpan<byte> utf8)
    {
        var hash = Utf8StringTable.Hash(utf8);
        if (strings.Find(utf8, hash, out var code) < 0)
        {
            code = Add(Encoding.UTF8.GetString(utf8));
            strings.Add(utf8, hash, code);
        }

        return (int)code;
    }

    // A text given as a string (a default value, a computed attribute) is looked up as such, without encoding it each time.
    private int StringCode(string text)
    {
        ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(givenStrings, text, out var exists);
        if (!exists)
        {
            code = StringCode(Encoding.UTF8.GetBytes(text));
        }

        return code;
    }

    public int IntegerCode(long value) => Code(integers, value);

    public int DateCode(DateOnly value) => Code(dates, value);

    // Equal decimals with another scale (3.5 and 3.50) print differently, so they are different values here.
    public int DecimalCode(decimal value) => Code(decimals, new DecimalBits(value));

    /// <summary>The code of any scalar value, for one set after loading (a computed attribute).</summary>
    public int CodeOf(object? value) => value switch
    {
        null => NullCode,
        bool flag => BoolCode(flag),
        string text => StringCode(text),
        long integer => IntegerCode(integer),
        decimal number => DecimalCode(number),
        DateOnly date => DateCode(date),
        _ => throw new ArgumentException($"a {value.GetType().Name} is not a scalar value of a topology", nameof(value)),
    };

    private int Code<TKey>(Dictionary<TKey, int> index, TKey key)
        where TKey : notnull
    {
        ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
        if (!exists)
        {
            code = Add(key is DecimalBits bits ? bits.Value : key);
        }

        return code;
    }

    private int Add(object value)
    {
        values.Add(value);
        return values.Count - 1;
    }

    /// <summary>A decimal compared bit for bit, scale included.</summary>
    private readonly record struct DecimalBits(decimal Value)
    {
        public bool Equals(DecimalBits other)
        {
            Span<int> bits = stackalloc int[4];
            Span<int> otherBits = stackalloc int[4];
            decimal.GetBits(Value, bits);
            decimal.GetBits(other.Value, otherBits);
            return bits.SequenceEqual(otherBits);
        }

        public override int GetHashCode() => Value.GetHashCode() ^ Value.Scale;
    }
}
