using ZonePolicy.Diagnostics;

namespace ZonePolicy.Compliance;

/// <summary>How one clause of a catalogue stands for one site.</summary>
public enum ClauseStatus
{
    /// <summary>The rules that automate it found nothing, and any attestation it needs is in force.</summary>
    Passed,

    /// <summary>A rule that automates it reports a finding in force, or an attestation says the site does not meet it.</summary>
    Failed,

    /// <summary>Every finding of its rules is waived or accepted in the baseline.</summary>
    Waived,

    /// <summary>It needs evidence no topology holds, and an attestation in force gives it.</summary>
    Attested,

    /// <summary>It needs an attestation, and the site has none in force (none at all, or an expired one).</summary>
    EvidenceMissing,

    /// <summary>It does not apply to the site: the catalogue says so, the site has nothing it is about, or an attestation says so.</summary>
    NotApplicable,

    /// <summary>A rule that automates it is turned off for the site (severity <c>none</c>), and no other rule of it fails.</summary>
    NotChecked,
}

/// <summary>The compliance matrix of one site: for each pack with a catalogue, how each clause stands.</summary>
public sealed record SiteCompliance(string File, string? SiteId, string? SiteName, IReadOnlyList<PackCompliance> Packs);

/// <summary>One pack's catalogue against one site, clause by clause in the catalogue's order.</summary>
public sealed record PackCompliance(string Pack, string? Title, string CatalogueFile, IReadOnlyList<ClauseResult> Clauses)
{
    public int Count(ClauseStatus status) => Clauses.Count(c => c.Status == status);
}

/// <summary>
/// One clause's status with its reason (why it is not applicable, what evidence is missing, what the
/// attestation says), the rules that automate it, their findings, and the attestation that covers it.
/// </summary>
public sealed record ClauseResult(
    string Id,
    string Title,
    string? Section,
    ClauseStatus Status,
    string? Reason,
    IReadOnlyList<string> Rules,
    IReadOnlyList<Diagnostic> Findings,
    AttestationInfo? Attestation,
    SourceLocation Location);

/// <summary>An attestation as a report shows it.</summary>
public sealed record AttestationInfo(string Status, string Evidence, string Owner, DateOnly Date, DateOnly Expires, bool Expired, SourceLocation Location);

/// <summary>The names reports give statuses, in the order they are listed.</summary>
public static class ClauseStatusNames
{
    public static string Name(this ClauseStatus status) => status switch
    {
        ClauseStatus.Passed => "passed",
        ClauseStatus.Failed => "failed",
        ClauseStatus.Waived => "waived",
        ClauseStatus.Attested => "attested",
        ClauseStatus.EvidenceMissing => "evidence missing",
        ClauseStatus.NotChecked => "not checked",
        _ => "not applicable",
    };

    /// <summary>The name with hyphens, for JSON values and keys and HTML classes, as attestations write their statuses.</summary>
    public static string Key(this ClauseStatus status) => status.Name().Replace(' ', '-');
}
