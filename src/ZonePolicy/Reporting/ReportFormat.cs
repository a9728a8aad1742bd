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

    /// <summary>A GitHub-flavoured Markdown summary for pull-request comments and CI job summaries.</summary>
    Markdown,

    /// <summary>JUnit XML for CI test tabs: each rule a test case, each violation a failure.</summary>
    Junit,

    /// <summary>A self-contained HTML page: the findings, the zone and conduit diagram, waivers and rules.</summary>
    Html,

    /// <summary>The zone and conduit graph in Graphviz <c>dot</c>.</summary>
    Dot,

    /// <summary>The zone and conduit graph as a Mermaid flowchart.</summary>
    Mermaid,
}
