using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Reporting;

/// <summary>Hand-built check results: a violation, a waived one, a witness path and engine errors.</summary>
internal static class SampleResults
{
    public const string Site = "site.json";
    public const string RuleFile = "rules/site rules.zpol";

    public static readonly RuleInfo OperatingSystem = new(
        "EX-OS", "operating system support date is known and in the future", Severity.Error, "lifecycle",
        ["METI Appendix 3.2.2 (iii)", "SEMI E187 6.1"], "https://zonepolicy.dev/rules/EX-OS", new SourceLocation(RuleFile, 1, 1, 6, 2));

    public static readonly RuleInfo EndpointProtection = new(
        "EX-EP", "workstations run endpoint protection", Severity.Error, null,
        [], "https://zonepolicy.dev/rules/EX-EP", new SourceLocation(RuleFile, 8, 1, 12, 2));

    public static readonly RuleInfo CloudReach = new(
        "EX-ANY", "the line is reachable from the cloud at all", Severity.Info, "zoning",
        ["IEC 62443-3-2 ZCR 3"], "https://zonepolicy.dev/rules/EX-ANY", new SourceLocation(RuleFile, 14, 1, 20, 2));

    public static readonly RuleInfo Logging = new(
        "EX-LOG", "assets in SL 3 zones log security events", Severity.Warning, null,
        [], "https://zonepolicy.dev/rules/EX-LOG", new SourceLocation(RuleFile, 22, 1, 26, 2));

    public static Diagnostic Violation { get; } =
        new Diagnostic("EX-OS", Severity.Error, "hmi-1: Windows 10 support ends 2025-10-14", new SourceLocation(Site, 8, 5, 8, 121))
        {
            Rule = OperatingSystem,
            Entities = ["hmi-1"],
        };

    public static Diagnostic Reachability { get; } =
        new Diagnostic("EX-ANY", Severity.Info, "svc -> fw-e -> proxy (2 hops)", new SourceLocation(Site, 5, 5, 5, 62))
        {
            Rule = CloudReach,
            Entities = ["cloud", "line"],
            Witness =
            [
                new PathStep("svc", "asset", new SourceLocation(Site, 13, 5, 13, 60)),
                new PathStep("up", "flow", new SourceLocation(Site, 22, 5, 22, 101)),
                new PathStep("fw-e", "asset", new SourceLocation(Site, 14, 5, 14, 55)),
                new PathStep("up", "flow", new SourceLocation(Site, 22, 5, 22, 101)),
                new PathStep("proxy", "asset", new SourceLocation(Site, 15, 5, 15, 54)),
            ],
        };

    public static Diagnostic Waived { get; } =
        new Diagnostic("EX-EP", Severity.Error, "workstations run endpoint protection", new SourceLocation(Site, 7, 5, 7, 90))
        {
            Rule = EndpointProtection,
            Entities = ["pc-1"],
            Waiver = new WaiverInfo("vendor forbids agents", "ot security", new DateOnly(2027, 6, 30), new SourceLocation(Site, 27, 5, 27, 140)),
        };

    public static Diagnostic ExpiredWaiver { get; } = new Diagnostic(DiagnosticIds.WaiverExpired, Severity.Error, "the waiver of `EX-EP` for `pc-3` expired on 2026-11-01; renew it or fix the violation", new SourceLocation(Site, 29, 5, 29, 136));

    public static Diagnostic ExpiringWaiver { get; } = new Diagnostic(DiagnosticIds.WaiverExpiringSoon, Severity.Warning, "the waiver of `EX-EP` for `pc-2` expires on 2026-12-10, in 15 days", new SourceLocation(Site, 28, 5, 28, 140));

    public static Diagnostic DanglingReference { get; } = new Diagnostic(DiagnosticIds.InvalidReference, Severity.Error, "asset `plc-9` names zone `cel-a`, which does not exist; did you mean `cell-a`?", new SourceLocation("other.json", 4, 20, 4, 29));

    /// <summary>Everything at once, deliberately out of order.</summary>
    public static CheckResult Mixed() => new()
    {
        Diagnostics = [ExpiredWaiver, Violation, DanglingReference, Reachability, ExpiringWaiver],
        Suppressed = [Waived],
        Rules = [OperatingSystem, EndpointProtection, CloudReach, Logging],
        InputInvalid = true,
    };

    public static CheckResult Of(params Diagnostic[] diagnostics) => new()
    {
        Diagnostics = diagnostics,
        Suppressed = [],
        Rules = [],
        InputInvalid = false,
    };

    public static string Write(CheckResult result, ZonePolicy.Reporting.ReportFormat format)
    {
        var output = new StringWriter();
        ZonePolicy.Reporting.Reporter.Write(result, format, output);
        if (format == ZonePolicy.Reporting.ReportFormat.Sarif)
        {
            ZonePolicy.Tests.Shared.SarifSchema.AssertValid(output.ToString());
        }

        return output.ToString();
    }
}
