namespace ZonePolicy.Diagnostics;

/// <summary>
/// The one order of diagnostics everywhere they are shown: places that are not in a file first (the
/// command line, then none), then by file, line, column, id (all ordinal), then message; diagnostics equal
/// in all of these keep the order they came in.
/// </summary>
internal static class DiagnosticOrder
{
    /// <summary>
    /// The diagnostics in order. A check's findings are mostly in one file and a few rule ids, so each file and id
    /// is ranked once and a comparison reads integers, reaching the message text only at one place and id; a
    /// list already in order (a result given a few more diagnostics) is only checked.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var items = diagnostics.ToArray();
        if (IsSorted(items))
        {
            return items;
        }

        var files = Ranks(items, d => d.Location.File);
        var ids = Ranks(items, d => d.Id);
        if (Packed(items, files, ids) is { } packed)
        {
            return packed;
        }

        var keys = new SortKey[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var (d, location) = (items[i], items[i].Location);
            keys[i] = new SortKey(Place(location), location.File is null ? -1 : files[location.File], location.Line, location.Column, ids[d.Id], d.Message, i);
        }

        // The position breaks every tie, so the order is total and an unstable sort gives the stable order.
        Array.Sort(keys, items);
        return items;
    }

    // The bits of a packed key, from the top: place 2, file 14, line 24, column 12, id 12.
    private const int IdBits = 12;
    private const int ColumnBits = 12;
    private const int LineBits = 24;
    private const int FileBits = 14;

    /// <summary>
    /// The diagnostics in order when every place and id fits a 64-bit key (files, lines, columns and ids of
    /// ordinary size): the keys are sorted as integers, and only diagnostics with equal keys, at one place and id,
    /// are ordered by message and then by position. Null when some value does not fit.
    /// </summary>
    private static Diagnostic[]? Packed(Diagnostic[] items, Dictionary<string, int> files, Dictionary<string, int> ids)
    {
        if (files.Count >= (1 << FileBits) - 1 || ids.Count >= 1 << IdBits)
        {
            return null;
        }

        var keys = new ulong[items.Length];
        var positions = new int[items.Length];
        var (fileRanks, idRanks) = (new LastRank(files), new LastRank(ids));
        for (var i = 0; i < items.Length; i++)
        {
            var (d, location) = (items[i], items[i].Location);
            var (line, column) = (location.Line, location.Column);
            if ((uint)line >= 1u << LineBits || (uint)column >= 1u << ColumnBits)
            {
                return null;
            }

            // A file's rank is one more than its place among the files, so that no file (rank -1 in a SortKey) comes first.
            var file = location.File is null ? 0 : fileRanks.Of(location.File) + 1;
            keys[i] = ((ulong)(uint)Place(location) << (FileBits + LineBits + ColumnBits + IdBits))
                | ((ulong)(uint)file << (LineBits + ColumnBits + IdBits))
                | ((ulong)(uint)line << (ColumnBits + IdBits))
                | ((ulong)(uint)column << IdBits)
                | (uint)idRanks.Of(d.Id);
            positions[i] = i;
        }

        Array.Sort(keys, positions);
        var byMessage = Comparer<int>.Create((x, y) => string.CompareOrdinal(items[x].Message, items[y].Message) is var order && order != 0 ? order : x.CompareTo(y));
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(positions, start, end - start, byMessage);
            }

            start = end;
        }

        var sorted = new Diagnostic[items.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = items[positions[i]];
        }

        return sorted;
    }

    private static bool IsSorted(Diagnostic[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (Compare(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Compare(Diagnostic a, Diagnostic b)
    {
        var (x, y) = (a.Location, b.Location);
        var order = Place(x).CompareTo(Place(y));
        order = order != 0 ? order : string.CompareOrdinal(x.File, y.File);
        order = order != 0 ? order : x.Line.CompareTo(y.Line);
        order = order != 0 ? order : x.Column.CompareTo(y.Column);
        order = order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
        return order != 0 ? order : string.CompareOrdinal(a.Message, b.Message);
    }

    private static int Place(SourceLocation location) => location.Kind switch
    {
        LocationKind.CommandLine => 0,
        LocationKind.None => 1,
        _ => 2,
    };

    /// <summary>Each distinct text of <paramref name="text"/> (but null, which comes first) with its rank in ordinal order.</summary>
    private static Dictionary<string, int> Ranks(Diagnostic[] items, Func<Diagnostic, string?> text)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        foreach (var item in items)
        {
            // Diagnostics in a row mostly share their file and id, as one string: each is hashed once per run.
            if (text(item) is { } key && !ReferenceEquals(key, last))
            {
                ranks.TryAdd(key, 0);
                last = key;
            }
        }

        var distinct = ranks.Keys.ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        for (var rank = 0; rank < distinct.Length; rank++)
        {
            ranks[distinct[rank]] = rank;
        }

        return ranks;
    }

    /// <summary>The rank of a text, looked up again only when it is another string than the last one's.</summary>
    private struct LastRank(Dictionary<string, int> ranks)
    {
        private string? last;
        private int rank;

        public int Of(string text)
        {
            if (!ReferenceEquals(text, last))
            {
                (last, rank) = (text, ranks[text]);
            }

            return rank;
        }
    }

    private readonly record struct SortKey(int Place, int File, int Line, int Column, int Id, string Message, int Position) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var order = Place.CompareTo(other.Place);
            order = order != 0 ? order : File.CompareTo(other.File);
            order = order != 0 ? order : Line.CompareTo(other.Line);
            order = order != 0 ? order : Column.CompareTo(other.Column);
            order = order != 0 ? order : Id.CompareTo(other.Id);
            order = order != 0 ? order : string.CompareOrdinal(Message, other.Message);
            return order != 0 ? order : Position.CompareTo(other.Position);
        }
    }
}
