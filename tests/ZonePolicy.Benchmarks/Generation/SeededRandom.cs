namespace ZonePolicy.Benchmarks.Generation;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and platform,
/// so a generated site is the same bytes everywhere.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, n).</summary>
    public int Below(int n) => (int)(Next() % (ulong)n);

    /// <summary>A number in [low, high].</summary>
    public int Between(int low, int high) => low + Below(high - low + 1);

    public bool Chance(double probability) => (Next() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    public DateOnly DateBetween(DateOnly first, DateOnly last) => DateOnly.FromDayNumber(Between(first.DayNumber, last.DayNumber));
}
