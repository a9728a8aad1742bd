using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Findings;

/// <summary>
/// Applies a site's waivers to its violations. A waiver matches a violation of its rule whose bound entities
/// are its targets (in <c>for</c> order), or whose reported entity is its single target. An expired waiver
/// suppresses nothing and is an error (ZP0301); one expiring within 30 days still suppresses and warns
/// (ZP0303); one that matches nothing warns (ZP0302). A finding that several rules share is waived by a
/// waiver of any of them.
/// </summary>
internal static class WaiverMatcher
{
    public const int ExpiryWarningDays = 30;

    public static (List<Diagnostic> InForce, List<Diagnostic> Suppressed, List<Diagnostic> WaiverDiagnostics, List<(Waiver Waiver, WaiverState State, int Suppressed)> States) Apply(
        IReadOnlyList<Waiver> waivers, IReadOnlyList<(IReadOnlyList<Violation> Violations, Diagnostic Diagnostic)> findings, DateOnly today)
    {
        var inForce = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var notes = new List<Diagnostic>();
        var states = new List<(Waiver, WaiverState, int)>();
        var used = new Dictionary<Waiver, int>();
        var index = IndexInForce(waivers, today);

        foreach (var (violations, diagnostic) in findings)
        {
            var waiver = FirstMatch(index, waivers, violations);
            if (waiver is null)
            {
                inForce.Add(diagnostic);
                continue;
            }

            used[waiver] = used.GetValueOrDefault(waiver) + 1;
            suppressed.Add(diagnostic with { Waiver = new WaiverInfo(waiver.Reason, waiver.ApprovedBy, waiver.Expires, waiver.Location) });
        }

        foreach (var waiver in waivers)
        {
            var count = used.GetValueOrDefault(waiver);
            var state = State(waiver, count, today);
            states.Add((waiver, state, count));
            var subject = $"waiver for `{waiver.Rule}` on {string.Join(", ", waiver.Targets.Select(t => $"`{t}`"))}";
            switch (state)
            {
                case WaiverState.Expired:
                    notes.Add(Diagnostic.Create(DiagnosticDescriptors.WaiverExpired, waiver.Location, subject, waiver.Expires));
                    break;
                case WaiverState.Unused:
                    notes.Add(Diagnostic.Create(DiagnosticDescriptors.WaiverUnused, waiver.Location, subject));
                    break;
                case WaiverState.ExpiringSoon:
                    var days = waiver.Expires.DayNumber - today.DayNumber;
                    notes.Add(Diagnostic.Create(DiagnosticDescriptors.WaiverExpiringSoon, waiver.Location, subject, waiver.Expires, days, days == 1 ? "day" : "days"));
                    break;
            }
        }

        return (inForce, suppressed, notes, states);
    }

    private static WaiverState State(Waiver waiver, int suppressed, DateOnly today) =>
        waiver.Expires < today ? WaiverState.Expired
        : suppressed == 0 ? WaiverState.Unused
        : waiver.Expires.DayNumber - today.DayNumber <= ExpiryWarningDays ? WaiverState.ExpiringSoon
        : WaiverState.Active;

    /// <summary>
    /// The waivers in force by rule and targets, as positions in file order. A violation looks up its own
    /// entities instead of trying every waiver, so matching stays linear however many waivers a site has.
    /// </summary>
    private static Dictionary<ViolationIdentity, List<int>> IndexInForce(IReadOnlyList<Waiver> waivers, DateOnly today)
    {
        var index = new Dictionary<ViolationIdentity, List<int>>();
        for (var i = 0; i < waivers.Count; i++)
        {
            if (waivers[i].Expires < today)
            {
                continue;
            }

            var key = new ViolationIdentity(waivers[i].Rule, waivers[i].Targets);
            if (!index.TryGetValue(key, out var positions))
            {
                index.Add(key, positions = []);
            }

            positions.Add(i);
        }

        return index;
    }

    /// <summary>
    /// The first waiver in file order that matches one of the finding's violations: one filed under a violation's
    /// identity (its bound entities) or under its reported entity alone.
    /// </summary>
    private static Waiver? FirstMatch(Dictionary<ViolationIdentity, List<int>> index, IReadOnlyList<Waiver> waivers, IReadOnlyList<Violation> violations)
    {
        if (index.Count == 0)
        {
            return null;
        }

        var first = int.MaxValue;
        foreach (var violation in violations)
        {
            var bound = new ViolationIdentity(violation.Rule.Id, violation.Bindings.Select(b => b.Id));
            var reported = new ViolationIdentity(violation.Rule.Id, [violation.At.Id]);
            foreach (var key in new[] { bound, reported })
            {
                foreach (var position in index.GetValueOrDefault(key) ?? [])
                {
                    first = Math.Min(first, position);
                }
            }
        }

        return first == int.MaxValue ? null : waivers[first];
    }

    /// <summary>The waivers filed for a violation, in force or expired, in file order: those under its identity or under its reported entity alone.</summary>
    public static IEnumerable<Waiver> FiledFor(IReadOnlyList<Waiver> waivers, Violation violation)
    {
        var bound = new ViolationIdentity(violation.Rule.Id, violation.Bindings.Select(b => b.Id));
        var reported = new ViolationIdentity(violation.Rule.Id, [violation.At.Id]);
        return waivers.Where(w => new ViolationIdentity(w.Rule, w.Targets) is var filed && (filed.Equals(bound) || filed.Equals(reported)));
    }
}
