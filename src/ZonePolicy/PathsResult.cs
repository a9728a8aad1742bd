using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy;

/// <summary>The attack paths found, or the diagnostics that kept the search from running.</summary>
public sealed class PathsResult
{
    public required PathsRequest Request { get; init; }

    /// <summary>Problems with the topology or the selectors, sorted.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The paths, shortest first.</summary>
    public required IReadOnlyList<AttackPath> Paths { get; init; }

    /// <summary>True when the topology or a selector was invalid: no search ran.</summary>
    public required bool InputInvalid { get; init; }

    /// <summary>The files read, which no output may replace.</summary>
    internal IReadOnlyList<InputFile> Inputs { get; init; } = [];

    /// <summary>0 when the search ran (whether it found paths or not); 2 invalid input; 3 internal error.</summary>
    public int ExitCode =>
        Diagnostics.Any(d => d.Id == DiagnosticIds.InternalError) ? 3
        : InputInvalid ? 2
        : 0;
}

/// <summary>
/// One attack path over what the network permits: its assets in order, and its witness steps, each asset
/// followed by the permission of the next hop at the allow rule (or zone, or conduit) that states it.
/// </summary>
public sealed record AttackPath(IReadOnlyList<string> Assets, IReadOnlyList<PathStep> Steps, string Text)
{
    public int Length => Assets.Count - 1;
}
