namespace ZonePolicy.Cli;

/// <summary>
/// What a command runs against: standard output and error, the folder whose configuration files apply,
/// and the engine (a seam, so the console shell is tested on its own).
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, Func<CheckRequest, CheckResult> Check)
{
    /// <summary>The engine's explanation of one rule on one site.</summary>
    public Func<ExplainRequest, ExplainResult> Explain { get; init; } = PolicyEngine.Explain;

    /// <summary>The engine's result for <paramref name="request"/>; an exception that escapes it becomes an internal-error diagnostic.</summary>
    public CheckResult CheckSafely(CheckRequest request)
    {
        try
        {
            return Check(request);
        }
        catch (Exception exception)
        {
            return CliDiagnostics.Result([CliDiagnostics.InternalError(exception)], inputInvalid: false);
        }
    }
}
