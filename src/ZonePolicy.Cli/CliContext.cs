namespace ZonePolicy.Cli;

/// <summary>
/// What a command runs against: standard output and error, the folder whose configuration files apply,
/// and the engine (a seam, so the console shell is tested on its own).
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, Func<CheckRequest, CheckResult> Check)
{
    /// <summary>The engine's explanation of one rule on one site.</summary>
    public Func<ExplainRequest, ExplainResult> Explain { get; init; } = PolicyEngine.Explain;
}
