namespace ZonePolicy.Reporting;

/// <summary>How a check's outcome is written out.</summary>
public enum ReportFormat
{
    /// <summary>One compiler-style line per diagnostic, then a summary line.</summary>
    Text,

    /// <summary>The diagnostics, the suppressed violations and a summary as one JSON object.</summary>
    Json,

    /// <summary>A SARIF 2.1.0 log, as code scanning services read it.</summary>
    Sarif,
}
