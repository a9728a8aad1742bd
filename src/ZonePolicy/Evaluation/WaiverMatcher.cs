using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Applies a site's waivers to its violations. A waiver matches a violation of its rule whose bound entities
/// are its targets (in <c>for</c> order), or whose reported entity is its single target. An expired waiver
/// suppresses nothing and is an error (ZP0301); one expiring within 30 days still suppresses and warns
/// (ZP0303); one that matches nothing warns (ZP0302).
/// </summary>
internal static class WaiverMatcher
{
    public const int ExpiryWarningDays = 30;

    public static (List<Diagnostic> InForce, List<Diagnostic> Suppressed, List<Diagnostic> WaiverDiagnostics) Apply(
        IReadOnlyList<Waiver> waivers, IReadOnlyList<(Violation Violation, Diagnostic Diagnostic)> violations, DateOnly today)
    {
        var inForce = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var notes = new List<Diagnostic>();
        var used = new HashSet<Waiver>();

        foreach (var (violation, diagnostic) in violations)
        {
            var waiver = waivers.FirstOrDefault(w => w.Expires >= today && Matches(w, violation));
            if (waiver is null)
            {
                inForce.Add(diagnostic);
                continue;
            }

            used.Add(waiver);
            suppressed.Add(diagnostic with { Waiver = new WaiverInfo(waiver.Reason, waiver.ApprovedBy, waiver.Expires, waiver.Location) });
        }

        foreach (var waiver in waivers)
        {
            var subject = $"waiver for `{waiver.Rule}` on {string.Join(", ", waiver.Targets.Select(t => $"`{t}`"))}";
            var expires = waiver.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (waiver.Expires < today)
            {
                notes.Add(DiagnosticCatalog.Create(DiagnosticIds.WaiverExpired, waiver.Location,
                    $"{subject} expired on {expires}; fix the violation or renew the waiver with a new approval"));
            }
            else if (!used.Contains(waiver))
            {
                notes.Add(DiagnosticCatalog.Create(DiagnosticIds.WaiverUnused, waiver.Location,
                    $"{subject} matches no violation; remove it, or check its rule id and targets"));
            }
            else if (waiver.Expires.DayNumber - today.DayNumber <= ExpiryWarningDays)
            {
                var days = waiver.Expires.DayNumber - today.DayNumber;
                notes.Add(DiagnosticCatalog.Create(DiagnosticIds.WaiverExpiringSoon, waiver.Location,
                    $"{subject} expires on {expires}, in {days} {(days == 1 ? "day" : "days")}; fix the violation or renew the waiver"));
            }
        }

        return (inForce, suppressed, notes);
    }

    private static bool Matches(Waiver waiver, Violation violation)
    {
        if (!string.Equals(waiver.Rule, violation.Rule.Id, StringComparison.Ordinal))
        {
            return false;
        }

        if (waiver.Targets.Count == violation.Bindings.Count
            && waiver.Targets.Zip(violation.Bindings).All(p => string.Equals(p.First, p.Second.Id, StringComparison.Ordinal)))
        {
            return true;
        }

        return waiver.Targets.Count == 1 && string.Equals(waiver.Targets[0], violation.At.Id, StringComparison.Ordinal);
    }
}
