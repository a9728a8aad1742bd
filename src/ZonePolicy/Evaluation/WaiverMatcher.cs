using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

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
    private static Dictionary<(string Rule, string Targets), List<int>> IndexInForce(IReadOnlyList<Waiver> waivers, DateOnly today)
    {
        var index = new Dictionary<(string Rule, string Targets), List<int>>();
        for (var i = 0; i < waivers.Count; i++)
        {
            if (waivers[i].Expires < today)
            {
                continue;
            }

            var key = (waivers[i].Rule, Key(waivers[i].Targets));
            if (!index.TryGetValue(key, out var positions))
            {
                index.Add(key, positions = []);
            }

            positions.Add(i);
        }

        return index;
    }

    /// <summary>
    /// The first waiver in file order that matches one of the finding's violations: one filed under its rule and
    /// its bound entities, or under its rule and its reported entity.
    /// </summary>
    private static Waiver? FirstMatch(Dictionary<(string Rule, string Targets), List<int>> index, IReadOnlyList<Waiver> waivers, IReadOnlyList<Violation> violations)
    {
        if (index.Count == 0)
        {
            return null;
        }

        var first = int.MaxValue;
        foreach (var violation in violations)
        {
            foreach (var key in new[] { Key(violation.Bindings.Select(b => b.Id)), violation.At.Id })
            {
                foreach (var position in index.GetValueOrDefault((violation.Rule.Id, key)) ?? [])
                {
                    if (position < first && Matches(waivers[position], violation))
                    {
                        first = position;
                    }
                }
            }
        }

        return first == int.MaxValue ? null : waivers[first];
    }

    private static string Key(IEnumerable<string> ids) => string.Join('\u001f', ids);

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
