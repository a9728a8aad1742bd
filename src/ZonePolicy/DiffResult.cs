using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy;

/// <summary>
/// What a change to a site does: the entities it adds, removes and changes; the zone crossings the network
/// permits that it opens or closes; the permitted paths from outside into control zones it opens or closes;
/// and, when rules were given, the violations it introduces, fixes or waives (by identity: rule id and
/// bound entity ids, never by line).
/// </summary>
public sealed class DiffResult
{
    public required DiffRequest Request { get; init; }

    /// <summary>Problems with the inputs, sorted; when any is an error, the comparison is incomplete.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required IReadOnlyList<EntityChange> Entities { get; init; }

    public required IReadOnlyList<CrossingChange> Crossings { get; init; }

    public required IReadOnlyList<PathChange> Paths { get; init; }

    /// <summary>Violations in force after the change that were not in force before it.</summary>
    public required IReadOnlyList<Diagnostic> NewViolations { get; init; }

    /// <summary>Violations in force before the change that are gone after it.</summary>
    public required IReadOnlyList<Diagnostic> FixedViolations { get; init; }

    /// <summary>Violations in force before the change that a waiver or baseline suppresses after it.</summary>
    public required IReadOnlyList<Diagnostic> WaivedViolations { get; init; }

    /// <summary>How many violations are in force both before and after.</summary>
    public required int UnchangedViolations { get; init; }

    /// <summary>True when rules were checked on both versions.</summary>
    public required bool Checked { get; init; }

    public required bool InputInvalid { get; init; }

    /// <summary>The files read, which no output may replace.</summary>
    internal IReadOnlyList<InputFile> Inputs { get; init; } = [];

    /// <summary>0 when the change brings no new error; 1 when it brings a new error-severity violation; 2 invalid input; 3 internal error.</summary>
    public int ExitCode =>
        Diagnostics.Any(d => d.Id == DiagnosticIds.InternalError) ? 3
        : InputInvalid ? 2
        : NewViolations.Any(d => d.Severity == Severity.Error) ? 1
        : 0;
}

/// <summary>How an entity, a crossing or a path differs between the two versions.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>An entity added, removed or changed; <see cref="Attributes"/> names the attributes that differ.</summary>
public sealed record EntityChange(ChangeKind Change, string Kind, string Id, SourceLocation Location, IReadOnlyList<string> Attributes);

/// <summary>
/// A zone crossing the network permits after the change but not before (added) or the other way round
/// (removed): sessions from zone <see cref="From"/> into zone <see cref="To"/> through a conduit or across an
/// asset that bridges the two.
/// </summary>
public sealed record CrossingChange(ChangeKind Change, string From, string To, string Through, string ThroughKind, SourceLocation Location);

/// <summary>
/// A permitted path from outside (an external zone, or the entry points of a zone) into a control zone that
/// the change opens (added, with its witness after the change), closes (removed, with its witness before),
/// or reroutes (changed: the shortest path is another, <see cref="Previous"/> before and the witness after).
/// </summary>
public sealed record PathChange(ChangeKind Change, string From, string To, string Text, IReadOnlyList<PathStep> Steps)
{
    /// <summary>For a rerouted path, the shortest path before the change.</summary>
    public string? Previous { get; init; }
}
