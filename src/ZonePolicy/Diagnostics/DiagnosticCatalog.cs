namespace ZonePolicy.Diagnostics;

/// <summary>Title, default severity and help page of one engine diagnostic id.</summary>
public sealed record DiagnosticDescriptor(string Id, string Title, Severity DefaultSeverity)
{
    public string HelpUri => DiagnosticCatalog.HelpUri(Id);
}

/// <summary>The one place that lists every engine diagnostic id; each has a page under docs/diagnostics.</summary>
public static class DiagnosticCatalog
{
    public const string HelpBase = "https://zonepolicy.dev/docs/diagnostics/";

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        new(DiagnosticIds.SyntaxError, "Syntax error", Severity.Error),
        new(DiagnosticIds.UnterminatedString, "Unterminated string literal", Severity.Error),
        new(DiagnosticIds.InvalidCharacter, "Invalid character", Severity.Error),
        new(DiagnosticIds.InvalidEscape, "Invalid escape sequence", Severity.Error),
        new(DiagnosticIds.InvalidDate, "Invalid date literal", Severity.Error),
        new(DiagnosticIds.InvalidNumber, "Invalid number literal", Severity.Error),
        new(DiagnosticIds.NestingTooDeep, "Nesting too deep", Severity.Error),
        new(DiagnosticIds.InvalidMessageTemplate, "Invalid message template", Severity.Error),
        new(DiagnosticIds.UnterminatedComment, "Unterminated block comment", Severity.Error),
        new(DiagnosticIds.NotTextFile, "Rule file is not text", Severity.Error),

        new(DiagnosticIds.UnknownAttribute, "Unknown attribute", Severity.Error),
        new(DiagnosticIds.UnknownName, "Unknown name", Severity.Error),
        new(DiagnosticIds.WrongArgumentCount, "Wrong number of arguments", Severity.Error),
        new(DiagnosticIds.ImportOutsideRoot, "Import leaves the root folder", Severity.Error),
        new(DiagnosticIds.ImportCycle, "Import cycle", Severity.Error),
        new(DiagnosticIds.TypeMismatch, "Type mismatch", Severity.Error),
        new(DiagnosticIds.InvalidRuleStructure, "Invalid rule structure", Severity.Error),
        new(DiagnosticIds.ImportNotFound, "Imported file not found", Severity.Error),
        new(DiagnosticIds.DuplicateDeclaration, "Duplicate declaration", Severity.Error),
        new(DiagnosticIds.DuplicateRuleId, "Duplicate rule id", Severity.Error),
        new(DiagnosticIds.RecursiveFunction, "Recursive helper function", Severity.Error),
        new(DiagnosticIds.InvalidRegex, "Invalid regular expression", Severity.Error),

        new(DiagnosticIds.InvalidJson, "Invalid JSON", Severity.Error),
        new(DiagnosticIds.SchemaViolation, "Topology does not match the schema", Severity.Error),
        new(DiagnosticIds.InvalidReference, "Dangling or wrong-kind reference", Severity.Error),
        new(DiagnosticIds.DuplicateId, "Duplicate entity id", Severity.Error),

        new(DiagnosticIds.WaiverExpired, "Waiver expired", Severity.Error),
        new(DiagnosticIds.WaiverUnused, "Waiver matches no violation", Severity.Warning),
        new(DiagnosticIds.WaiverExpiringSoon, "Waiver expires soon", Severity.Warning),
        new(DiagnosticIds.UnknownParameter, "Unknown parameter", Severity.Error),
        new(DiagnosticIds.InvalidParameterValue, "Invalid parameter value", Severity.Error),
        new(DiagnosticIds.NoRuleFiles, "No rule files", Severity.Error),
        new(DiagnosticIds.UnknownPack, "Unknown rule pack", Severity.Error),
        new(DiagnosticIds.InvalidSeverityOverride, "Invalid severity override", Severity.Error),
        new(DiagnosticIds.InvalidBaseline, "Invalid baseline file", Severity.Error),
        new(DiagnosticIds.FileNotFound, "Input file not found", Severity.Error),
        new(DiagnosticIds.InvalidArgument, "Invalid command-line argument", Severity.Error),
        new(DiagnosticIds.InvalidTestExpectation, "Invalid rule test expectation", Severity.Error),
        new(DiagnosticIds.MissingTestFixture, "Missing rule test fixture", Severity.Error),
        new(DiagnosticIds.UnknownSeverityId, "Severity override matches no rule", Severity.Warning),
        new(DiagnosticIds.InvalidProjectFile, "Invalid project file", Severity.Error),
        new(DiagnosticIds.UnknownProjectSetting, "Unknown project setting", Severity.Error),
        new(DiagnosticIds.InvalidProjectSetting, "Invalid project setting", Severity.Error),
        new(DiagnosticIds.ProjectPathNotFound, "Project path matches no file", Severity.Error),

        new(DiagnosticIds.InternalError, "Internal error", Severity.Error),
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static bool IsEngineId(string id) => ById.ContainsKey(id);

    public static string HelpUri(string id) => HelpBase + id;

    /// <summary>Creates an engine diagnostic at its id's default severity.</summary>
    public static Diagnostic Create(string id, SourceLocation location, string message) =>
        new(id, Get(id).DefaultSeverity, message, location);
}
