using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ZonePolicy.Topology;

/// <summary>
/// Distinct strings numbered in the order they were added, found by the UTF-8 bytes a JSON reader hands
/// over without decoding them first, each with a value of the caller's (a pool code, where an id was
/// declared). A large file looks up millions of strings in a table of a million, so a lookup is laid out to
/// touch as little memory as it can: an open-addressing slot keeps the upper half of the string's hash next
/// to where its entry starts in one byte array, and the entry holds its number, its value and its bytes
/// together, so a string found costs two reads of far memory where a slot, a string array, the string and a
/// side table of values cost four. The hash is seeded at random per process: a file cannot be written to make
/// its strings collide.
/// </summary>
internal sealed class Utf8StringTable
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    // An entry: its number, the length of its bytes, its value (eight bytes), then the bytes, padded to four.
    private const int HeaderSize = 16;

    private static readonly ulong Seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) | 1;

    // Each slot holds the upper 32 bits of a hash and where its entry starts, in fours, plus one (0: empty).
    private long[] slots;
    private byte[] entries;
    private int used;
    private int[] starts;
    private ulong[] hashes;
    private int count;

    public Utf8StringTable(int capacity = 16, int averageLength = 16)
    {
        capacity = Math.Max(16, capacity);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
        slots = new long[size];
        entries = new byte[(int)Math.Min(Array.MaxLength, (long)capacity * (HeaderSize + averageLength))];
        starts = new int[capacity];
        hashes = new ulong[capacity];
    }

    public int Count => count;

    /// <summary>The string numbered <paramref name="number"/>, decoded again (for a message, not in a loop).</summary>
    public string this[int number] => Encoding.UTF8.GetString(BytesAt(starts[number]));

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

    /// <summary>
    /// The number of the string with these UTF-8 bytes and the value it was added with, or -1. Strings are the same when
    /// their bytes are: valid UTF-8 spells each text one way only.
    /// </summary>
    public int Find(ReadOnlySpan<byte> utf8, ulong hash, out long value)
    {
        var mask = slots.Length - 1;
        var tag = (long)(hash >> 32) << 32;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                value = 0;
                return -1;
            }

            if ((entry & ~0xFFFFFFFFL) == tag)
            {
                var start = ((int)entry - 1) * 4;
                var header = entries.AsSpan(start, HeaderSize);
                var length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
                if (length == utf8.Length && utf8.SequenceEqual(entries.AsSpan(start + HeaderSize, length)))
                {
                    value = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
                    return BinaryPrimitives.ReadInt32LittleEndian(header);
                }
            }
        }
    }

    /// <summary>
    /// Reads the slot a string of this hash starts looking in, and nothing else: done for many strings before
    /// they are looked up, it brings their slots into the cache together.
    /// </summary>
    public long Touch(ulong hash) => slots[(int)hash & (slots.Length - 1)];

    /// <summary>Adds a string not in the table (<see cref="Find"/> said so) with its value, and returns its number.</summary>
    public int Add(ReadOnlySpan<byte> utf8, ulong hash, long value)
    {
        if ((count + 1) * 2 > slots.Length)
        {
            Grow();
        }

        if (count == starts.Length)
        {
            Array.Resize(ref starts, starts.Length * 2);
            Array.Resize(ref hashes, starts.Length);
        }

        var start = used;
        var size = HeaderSize + ((utf8.Length + 3) & ~3);
        if ((long)start + size > entries.Length)
        {
            var grown = Math.Max((long)start + size, Math.Min(Array.MaxLength, (long)entries.Length * 2));
            if (grown > int.MaxValue - 4)
            {
                throw new InvalidOperationException("the strings of one table outgrew two gigabytes");
            }

            Array.Resize(ref entries, (int)grown);
        }

        var header = entries.AsSpan(start, HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(header, count);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], utf8.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], value);
        utf8.CopyTo(entries.AsSpan(start + HeaderSize));
        used = start + size;

        starts[count] = start;
        hashes[count] = hash;
        Place(hash, start);
        return count++;
    }

    private ReadOnlySpan<byte> BytesAt(int start) =>
        entries.AsSpan(start + HeaderSize, BinaryPrimitives.ReadInt32LittleEndian(entries.AsSpan(start + 4)));

    private void Place(ulong hash, int start)
    {
        var mask = slots.Length - 1;
        var slot = (int)hash & mask;
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = ((long)(hash >> 32) << 32) | (uint)((start / 4) + 1);
    }

    private void Grow()
    {
        slots = new long[slots.Length * 2];
        for (var number = 0; number < count; number++)
        {
            Place(hashes[number], starts[number]);
        }
    }
}
