using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ZonePolicy.Topology;

/// <summary>
/// Distinct strings numbered in the order they were added, found by the UTF-8 bytes a JSON reader hands
/// over without decoding them first. An open-addressing table keeps each string next to its hash and number,
/// so a lookup in a table of a million ids touches two places in memory: its slot and the string. The hash is
/// seeded at random per process: a file cannot be written to make its ids collide.
/// </summary>
internal sealed class Utf8StringTable
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private static readonly ulong Seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) | 1;

    private Slot[] slots;
    private string[] strings;
    private ulong[] hashes;
    private int count;

    public Utf8StringTable(int capacity = 16)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        slots = new Slot[size];
        strings = new string[Math.Max(16, capacity)];
        hashes = new ulong[strings.Length];
    }

    public int Count => count;

    public string this[int number] => strings[number];

    public static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = Seed ^ ((ulong)utf8.Length * Multiplier);
        while (utf8.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Multiplier, 29);
            utf8 = utf8[8..];
        }

        ulong tail = 0;
        for (var i = utf8.Length - 1; i >= 0; i--)
        {
            tail = (tail << 8) | utf8[i];
        }

        hash = (hash ^ tail) * Multiplier;
        return hash ^ (hash >> 31);
    }

    /// <summary>The number of the string with these UTF-8 bytes, or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8, ulong hash)
    {
        var mask = slots.Length - 1;
        var tag = (uint)(hash >> 32);
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref slots[slot];
            if (entry.Value is not { } value)
            {
                return -1;
            }

            if (entry.Tag == tag && Equal(utf8, value))
            {
                return entry.Number;
            }
        }
    }

    /// <summary>Adds a string not in the table (<see cref="Find"/> said so) and returns its number.</summary>
    public int Add(string value, ulong hash)
    {
        if ((count + 1) * 2 > slots.Length)
        {
            Grow();
        }

        if (count == strings.Length)
        {
            Array.Resize(ref strings, strings.Length * 2);
            Array.Resize(ref hashes, strings.Length);
        }

        strings[count] = value;
        hashes[count] = hash;
        Place(hash, count);
        return count++;
    }

    private void Place(ulong hash, int number)
    {
        var mask = slots.Length - 1;
        var slot = (int)hash & mask;
        while (slots[slot].Value is not null)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = new Slot(strings[number], (uint)(hash >> 32), number);
    }

    private void Grow()
    {
        slots = new Slot[slots.Length * 2];
        for (var number = 0; number < count; number++)
        {
            Place(hashes[number], number);
        }
    }

    private static bool Equal(ReadOnlySpan<byte> utf8, string value)
    {
        if (utf8.Length == value.Length)
        {
            // Equal lengths: the same text only if both are ASCII.
            return Ascii.Equals(utf8, value);
        }

        // A multi-byte character makes the UTF-8 longer than the UTF-16; compare the decoded text.
        if (utf8.Length < value.Length || Encoding.UTF8.GetCharCount(utf8) != value.Length)
        {
            return false;
        }

        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        Encoding.UTF8.GetChars(utf8, buffer);
        return buffer.SequenceEqual(value);
    }

    /// <summary>A string of the table with the upper half of its hash and its number (no string: an empty slot).</summary>
    private readonly record struct Slot(string? Value, uint Tag, int Number);
}
