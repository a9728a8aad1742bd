using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ZonePolicy.Topology;

/// <summary>
/// A fixed set of names looked up by their UTF-8 bytes, as a JSON reader hands them over: the index of a
/// key among an object's declared keys without decoding it to a string.
/// </summary>
internal sealed class Utf8NameTable
{
    /// <summary>Longer keys are looked up through a buffer of their own; none of the schema's is near this.</summary>
    public const int MaxNameLength = 128;

    public static readonly Utf8NameTable Empty = new([]);

    private readonly byte[][] names;
    private readonly int[] slots;
    private readonly int mask;

    // By a key's index plus one (0 before the first key of an object): the key that followed it last time. Objects
    // of one kind mostly list their keys in one order, so most keys are found by one comparison with this guess.
    // Threads reading at once may overwrite each other's guesses; a guess is only ever compared, never trusted.
    private readonly int[] following;

    public Utf8NameTable(IReadOnlyList<string> names)
    {
        this.names = [.. names.Select(Encoding.UTF8.GetBytes)];
        var size = 4;
        while (size < names.Count * 4)
        {
            size *= 2;
        }

        mask = size - 1;
        following = new int[this.names.Length + 1];
        Array.Fill(following, -1);
        slots = new int[size];
        Array.Fill(slots, -1);
        for (var i = 0; i < this.names.Length; i++)
        {
            var slot = (int)Hash(this.names[i]) & mask;
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i;
        }
    }

    public int Count => names.Length;

    public string this[int index] => Encoding.UTF8.GetString(names[index]);

    /// <summary>The index of <paramref name="name"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        var slot = (int)Hash(name) & mask;
        while (true)
        {
            var index = slots[slot];
            if (index < 0 || name.SequenceEqual(names[index]))
            {
                return index;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The index of the property name or string the reader is on (its escapes decoded), or -1.</summary>
    public int IndexOf(ref Utf8JsonReader reader, scoped Span<byte> buffer)
    {
        if (!reader.ValueIsEscaped)
        {
            return IndexOf(reader.ValueSpan);
        }

        var length = reader.ValueSpan.Length;
        var decoded = length <= buffer.Length ? buffer : new byte[length];
        return IndexOf(decoded[..reader.CopyString(decoded)]);
    }

    /// <summary>
    /// The index of the property name the reader is on, as <see cref="IndexOf(ref Utf8JsonReader, Span{byte})"/> gives it,
    /// guessed first from the key <paramref name="previous"/> before it in the same object (-1 for the first).
    /// </summary>
    public int IndexOf(ref Utf8JsonReader reader, scoped Span<byte> buffer, int previous)
    {
        if (reader.ValueIsEscaped || previous < -1 || previous >= names.Length)
        {
            return IndexOf(ref reader, buffer);
        }

        var name = reader.ValueSpan;
        var guess = following[previous + 1];
        if (guess >= 0 && name.SequenceEqual(names[guess]))
        {
            return guess;
        }

        var index = IndexOf(name);
        following[previous + 1] = index;
        return index;
    }

    /// <summary>Whether the escaped string the reader is on decodes (an unpaired surrogate escape does not).</summary>
    public static bool TryUnescape(ref Utf8JsonReader reader)
    {
        try
        {
            var length = reader.ValueSpan.Length;
            Span<byte> buffer = length <= MaxNameLength ? stackalloc byte[MaxNameLength] : new byte[length];
            reader.CopyString(buffer);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Keys are short and read for every value of a file: their length and their first and last eight bytes
    // (fewer for a shorter key) tell them apart well enough, at two reads instead of a step per byte.
    private static uint Hash(ReadOnlySpan<byte> name)
    {
        ulong head = 0, tail = 0;
        if (name.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(name);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(name[^sizeof(ulong)..]);
        }
        else
        {
            foreach (var b in name)
            {
                head = (head << 8) | b;
            }
        }

        var hash = (head * 0x9E3779B97F4A7C15) ^ ((tail + (ulong)name.Length) * 0xC2B2AE3D27D4EB4F);
        return (uint)(hash >> 32) ^ (uint)hash;
    }
}
