namespace ZonePolicy.Reporting.Compliance;

/// <summary>How a compliance matrix is written out.</summary>
public enum ComplianceFormat
{
    /// <summary>A GitHub-flavoured Markdown table per site and pack, with each pack's counts.</summary>
    Markdown,

    /// <summary>One RFC 4180 row per site, pack and clause, for a spreadsheet.</summary>
    Csv,

    /// <summary>Every site, pack and clause with its status, reason, rules, findings and attestation as one JSON object.</summary>
    Json,

    /// <summary>The self-contained HTML report with the compliance matrix as a section of its own.</summary>
    Html,
}
