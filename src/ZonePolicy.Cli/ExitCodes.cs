namespace ZonePolicy.Cli;

/// <summary>
/// The exit codes <c>zpol</c> sets itself: 0 no errors, 1 an error-severity finding, 2 invalid input, 3 an
/// internal error. A check's own outcome is <see cref="CheckResult.ExitCode"/>, on the same scale.
/// </summary>
internal static class ExitCodes
{
    /// <summary><c>zpol fmt --check</c>: a file is not formatted.</summary>
    public const int NotFormatted = 1;
    public const int InvalidInput = 2;
    public const int InternalError = 3;
}
