using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>
/// The run-time meaning of the operators and built-ins, null handling included. Arithmetic never wraps
/// or throws: an int or duration result that does not fit in 64 bits, a decimal result out of range, a
/// date outside the calendar, and division or remainder by zero are all null. Operations whose cost grows
/// with the size of their lists charge it to the rule's <see cref="EvaluationMonitor"/>.
/// </summary>
internal static class Operations
{
    private static readonly Dictionary<string, long> Levels = new(StringComparer.Ordinal)
    {
        ["low"] = 1,
        ["medium"] = 2,
        ["high"] = 3,
        ["critical"] = 4,
    };

    /// <summary>
    /// Whether two values are equal, lists element by element. Each list element compared is a step: lists
    /// built from shared lists can be exponentially larger than the rule that built them. Only comparisons
    /// of values the rule did not build (a search's cache keys) pass no monitor.
    /// </summary>
    public static bool ValuesEqual(object? a, object? b, EvaluationMonitor? monitor)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        return (a, b) switch
        {
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (long x, long y) => x == y,
            (long x, decimal y) => x == y,
            (decimal x, long y) => x == y,
            (decimal x, decimal y) => x == y,
            (bool x, bool y) => x == y,
            (DateOnly x, DateOnly y) => x == y,
            (Duration x, Duration y) => x == y,
            (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => ListsEqual(x, y, monitor),
            _ => false,
        };
    }

    /// <summary>Orders two values of the same ordered type; null when they cannot be ordered.</summary>
    public static int? Compare(object a, object b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (long x, decimal y) => ((decimal)x).CompareTo(y),
        (decimal x, long y) => x.CompareTo(y),
        (decimal x, decimal y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (Duration x, Duration y) => x.CompareTo(y),
        _ => null,
    };

    public static object? Add(object a, object b) => (a, b) switch
    {
        (long x, long y) => AddExact(x, y),
        (DateOnly d, Duration s) => AddDays(d, s.Days),
        (Duration s, DateOnly d) => AddDays(d, s.Days),
        (Duration x, Duration y) => Days(AddExact(x.Days, y.Days)),
        (string x, string y) => x + y,
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Concat(y).ToArray(),
        _ => Decimal(a, b, (x, y) => x + y),
    };

    public static object? Subtract(object a, object b) => (a, b) switch
    {
        (long x, long y) => SubtractExact(x, y),
        (DateOnly d, Duration s) => SubtractExact(d.DayNumber, s.Days) is { } number ? DateOf(number) : null,
        (DateOnly x, DateOnly y) => new Duration(x.DayNumber - y.DayNumber),
        (Duration x, Duration y) => Days(SubtractExact(x.Days, y.Days)),
        _ => Decimal(a, b, (x, y) => x - y),
    };

    public static object? Multiply(object a, object b) => (a, b) switch
    {
        (long x, long y) => MultiplyExact(x, y),
        _ => Decimal(a, b, (x, y) => x * y),
    };

    public static object? Divide(object a, object b) => Decimal(a, b, (x, y) => y == 0 ? null : x / y);

    public static object? Modulo(object a, object b) => (a, b) switch
    {
        // long.MinValue % -1 is 0, but .NET throws computing it.
        (long x, long y) => y == 0 ? null : y == -1 ? 0L : x % y,
        _ => Decimal(a, b, (x, y) => y == 0 ? null : x % y),
    };

    public static object? Negate(object a) => a switch
    {
        long x => SubtractExact(0, x),
        decimal x => -x,
        Duration x => Days(SubtractExact(0, x.Days)),
        _ => null,
    };

    public static bool ListContains(IReadOnlyList<object?> list, object? item, EvaluationMonitor monitor)
    {
        // By index: a foreach over the interface would allocate an enumerator for every test of every binding.
        for (var i = 0; i < list.Count; i++)
        {
            monitor.Spend();
            if (ValuesEqual(list[i], item, monitor))
            {
                return true;
            }
        }

        return false;
    }

    public static object? Contains(object container, object item, EvaluationMonitor monitor) => container switch
    {
        string s when item is string part => Truth.Of(s.Contains(part, StringComparison.Ordinal)),
        IReadOnlyList<object?> list => Truth.Of(ListContains(list, item, monitor)),
        _ => null,
    };

    public static object? Level(object? value) => value is string s && Levels.TryGetValue(s, out var level) ? level : null;

    public static object? Length(object? value) => value switch
    {
        string s => (long)s.Length,
        IReadOnlyList<object?> list => (long)list.Count,
        _ => null,
    };

    private static bool ListsEqual(IReadOnlyList<object?> x, IReadOnlyList<object?> y, EvaluationMonitor? monitor)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            monitor?.Spend();
            if (!ValuesEqual(x[i], y[i], monitor))
            {
                return false;
            }
        }

        return true;
    }

    private static object? AddDays(DateOnly date, long days) => AddExact(date.DayNumber, days) is { } number ? DateOf(number) : null;

    /// <summary>The date of a day number, or null outside 0001-01-01 to 9999-12-31.</summary>
    private static object? DateOf(long number) =>
        number < DateOnly.MinValue.DayNumber || number > DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber((int)number);

    private static object? Days(long? days) => days is { } d ? new Duration(d) : null;

    /// <summary><c>x + y</c>, or null when it does not fit in a long.</summary>
    private static long? AddExact(long x, long y)
    {
        var sum = unchecked(x + y);
        return ((x ^ sum) & (y ^ sum)) < 0 ? null : sum;
    }

    /// <summary><c>x - y</c>, or null when it does not fit in a long.</summary>
    private static long? SubtractExact(long x, long y)
    {
        var difference = unchecked(x - y);
        return ((x ^ y) & (x ^ difference)) < 0 ? null : difference;
    }

    /// <summary><c>x * y</c>, or null when it does not fit in a long.</summary>
    private static long? MultiplyExact(long x, long y)
    {
        var high = Math.BigMul(x, y, out long low);
        return high == low >> 63 ? low : null;
    }

    private static object? Decimal(object a, object b, Func<decimal, decimal, decimal?> operation)
    {
        if (ToDecimal(a) is not { } x || ToDecimal(b) is not { } y)
        {
            return null;
        }

        try
        {
            return operation(x, y);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? ToDecimal(object value) => value switch
    {
        long l => l,
        decimal d => d,
        _ => null,
    };
}
