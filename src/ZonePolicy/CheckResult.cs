using ZonePolicy.Compliance;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy;

/// <summary>The outcome of a check: what is in force, what was suppressed, and which rules ran.</summary>
public sealed class CheckResult
{
    /// <summary>Diagnostics in force, in the one diagnostic order: by file, line, column and id.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init => field = DiagnosticOrder.Sort(value); }

    /// <summary>Violations suppressed by a waiver or a baseline, in the same order.</summary>
    public required IReadOnlyList<Diagnostic> Suppressed { get; init => field = DiagnosticOrder.Sort(value); }

    /// <summary>Every rule that ran (for SARIF's <c>tool.driver.rules</c>), ordered by id.</summary>
    public required IReadOnlyList<RuleInfo> Rules { get; init; }

    /// <summary>
    /// Each topology that loaded, in the order given, when <see cref="CheckRequest.DescribeSites"/> asked for
    /// them: what a report draws the findings on.
    /// </summary>
    public IReadOnlyList<SiteSummary> Sites { get; init; } = [];

    /// <summary>
    /// Each loaded site's compliance matrix, in the order given, when <see cref="CheckRequest.Compliance"/> asked for
    /// it: how every clause of the checked packs' catalogues stands.
    /// </summary>
    public IReadOnlyList<SiteCompliance> Compliance { get; init; } = [];

    /// <summary>The evaluation date the rules and waivers saw, when the check got as far as the topologies.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>True when a baseline file was read: violations in force are new, suppressed ones known.</summary>
    public bool BaselineApplied { get; init; }

    /// <summary>True when rules, topology or settings were invalid: the check could not run in full.</summary>
    public required bool InputInvalid { get; init; }

    /// <summary>Every file the check read (topologies, rule files, the baseline, analyzer config files): what no output may replace.</summary>
    internal IReadOnlyList<InputFile> Inputs { get; init; } = [];

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Infos => Diagnostics.Count(d => d.Severity == Severity.Info);

    /// <summary>
    /// This result with diagnostics a host found itself (a bad setting, an output it could not write), in the one
    /// order of every report.
    /// </summary>
    public CheckResult Including(IEnumerable<Diagnostic> diagnostics, bool inputInvalid) => new()
    {
        Diagnostics = [.. Diagnostics, .. diagnostics],
        Suppressed = Suppressed,
        Rules = Rules,
        Sites = Sites,
        Today = Today,
        BaselineApplied = BaselineApplied,
        InputInvalid = InputInvalid || inputInvalid,
        Inputs = Inputs,
    };

    /// <summary>0 no errors; 1 an error-severity finding; 2 invalid input; 3 internal error.</summary>
    public int ExitCode =>
        Diagnostics.Any(d => d.Id == DiagnosticIds.InternalError) ? 3
        : InputInvalid ? 2
        : Errors > 0 ? 1
        : 0;
}
