namespace ZonePolicy.Evaluation;

/// <summary>What a rule's condition means for its bindings, as LANGUAGE.md §5 states it.</summary>
internal static class Verdicts
{
    /// <summary>
    /// A <c>require</c> is violated unless its condition is true: it fails closed on null. A <c>forbid</c> is
    /// violated only when its condition is true: it stays quiet on null.
    /// </summary>
    public static bool IsViolated(bool isForbid, object? verdict) => isForbid ? verdict is true : verdict is not true;
}
