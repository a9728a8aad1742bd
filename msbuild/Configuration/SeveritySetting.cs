using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild.Configuration;

/// <summary>One severity override for a rule or diagnostic id, and where it was set.</summary>
internal sealed record SeveritySetting(string Id, Severity Severity, SourceLocation Location);
