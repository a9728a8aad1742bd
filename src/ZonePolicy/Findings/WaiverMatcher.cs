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
/// <para>
/// Only a waiver of a rule that ran can be unused. A waiver of a rule outside the check is left alone, as a
/// compiler leaves a suppression of an analyzer that is not in the build: the site may be checked with other
/// packs too. But when its id has the prefix (the text before the first <c>-</c>) of a rule that ran, the rule
/// set that owns the prefix is loaded and has no such rule, a typo or a retired rule, and it warns (ZP0246),
/// as a compiler warns about a suppression of one of its own ids that does not exist.
/// </para>
/// </summary>
internal static class WaiverMatcher
{
    public const int ExpiryWarningDays = 30;

    public static (List<Diagnostic> InForce, List<Diagnostic> Suppressed, List<Diagnostic> WaiverDiagnostics, List<(Waiver Waiver, WaiverState State, int Suppressed)> States) Apply(
        IReadOnlyList<Waiver> waivers, IReadOnlyList<(IReadOnlyList<Violation> Violations, Diagnostic Diagnostic)> findings, IReadOnlyCollection<string> rulesRun, DateOnly today)
    {
        var inForce = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var used = new int[waivers.Count];
        var index = new WaiverIndex(waivers, today);

        foreach (var (violations, diagnostic) in findings)
        {
            var position = index.FirstMatch(violations);
            if (position < 0)
            {
                inForce.Add(diagnostic);
                continue;
            }

            used[position]++;
            suppressed.Add(Waived(diagnostic, waivers[position]));
        }

        var (notes, states) = Conclude(waivers, used, rulesRun, today);
        return (inForce, suppressed, notes, states);
    }

    /// <summary>A finding as a waiver suppresses it.</summary>
    public static Diagnostic Waived(Diagnostic finding, Waiver waiver) =>
        finding with { Waiver = new WaiverInfo(waiver.Reason, waiver.ApprovedBy, waiver.Expires, waiver.Location) };

    /// <summary>
    /// What the waivers say once every finding met them: the problems of expired, unused, misnamed and soon expiring
    /// waivers, and each waiver's state with the findings it suppressed (<paramref name="used"/>, by position).
    /// </summary>
    public static (List<Diagnostic> WaiverDiagnostics, List<(Waiver Waiver, WaiverState State, int Suppressed)> States) Conclude(
        IReadOnlyList<Waiver> waivers, int[] used, IReadOnlyCollection<string> rulesRun, DateOnly today)
    {
        var ran = rulesRun.ToHashSet(StringComparer.Ordinal);
        HashSet<string>? prefixes = null;
        var notes = new List<Diagnostic>();
        var states = new List<(Waiver, WaiverState, int)>();
        for (var position = 0; position < waivers.Count; position++)
        {
            var (waiver, count) = (waivers[position], used[position]);
            var state = State(waiver, count, ran.Contains(waiver.Rule), today);
            states.Add((waiver, state, count));
            var subject = $"waiver for `{waiver.Rule}` on {string.Join(", ", waiver.Targets.Select(t => $"`{t}`"))}";
            switch (state)
            {
                case WaiverState.NotChecked when (prefixes ??= ran.Select(Prefix).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)).TryGetValue(Prefix(waiver.Rule) ?? "", out var prefix):
                    notes.Add(Diagnostic.Create(DiagnosticDescriptors.WaiverUnknownRule, waiver.Location, subject, prefix, NameSuggestions.DidYouMean(Suggestion(waiver.Rule, ran))));
                    break;
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

        return (notes, states);
    }

    private static WaiverState State(Waiver waiver, int suppressed, bool ruleRan, DateOnly today) =>
        waiver.Expires < today ? WaiverState.Expired
        : !ruleRan ? WaiverState.NotChecked
        : suppressed == 0 ? WaiverState.Unused
        : waiver.Expires.DayNumber - today.DayNumber <= ExpiryWarningDays ? WaiverState.ExpiringSoon
        : WaiverState.Active;

    /// <summary>The rule that ran a misnamed waiver most likely means: one that differs only in case, else the closest by edit distance.</summary>
    private static string? Suggestion(string ruleId, HashSet<string> ran) =>
        ran.Order(StringComparer.Ordinal).FirstOrDefault(id => string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase))
        ?? NameSuggestions.Closest(ruleId, ran.Order(StringComparer.Ordinal));

    /// <summary>The part of a rule id before its first <c>-</c>, which names the rule set it belongs to; null for an id without one.</summary>
    private static string? Prefix(string ruleId) => ruleId.IndexOf('-') is > 0 and var dash ? ruleId[..dash] : null;

    /// <summary>The waivers filed for a violation, in force or expired, in file order: those under its identity or under its reported entity alone.</summary>
    public static IEnumerable<Waiver> FiledFor(IReadOnlyList<Waiver> waivers, Violation violation)
    {
        var bound = new ViolationIdentity(violation.Rule.Id, violation.Bindings.Select(b => b.Id));
        var reported = new ViolationIdentity(violation.Rule.Id, [violation.At.Id]);
        return waivers.Where(w => new ViolationIdentity(w.Rule, w.Targets) is var filed && (filed.Equals(bound) || filed.Equals(reported)));
    }

    /// <summary>
    /// The waivers in force by rule and first target, as positions in file order. A violation looks up its own
    /// rule and entities instead of trying every waiver, and builds no key to do it, so matching costs next to
    /// nothing for a rule no waiver names, and stays linear however many waivers a site has.
    /// </summary>
    internal sealed class WaiverIndex
    {
        private readonly IReadOnlyList<Waiver> waivers;
        private readonly Dictionary<string, Dictionary<string, List<int>>> byRule = new(StringComparer.Ordinal);

        public WaiverIndex(IReadOnlyList<Waiver> waivers, DateOnly today)
        {
            this.waivers = waivers;
            for (var position = 0; position < waivers.Count; position++)
            {
                var waiver = waivers[position];
                if (waiver.Expires < today || waiver.Targets.Count == 0)
                {
                    continue;
                }

                if (!byRule.TryGetValue(waiver.Rule, out var byTarget))
                {
                    byRule.Add(waiver.Rule, byTarget = new Dictionary<string, List<int>>(StringComparer.Ordinal));
                }

                if (!byTarget.TryGetValue(waiver.Targets[0], out var positions))
                {
                    byTarget.Add(waiver.Targets[0], positions = []);
                }

                positions.Add(position);
            }
        }

        /// <summary>
        /// The position of the first waiver in file order that matches one of the finding's violations, or -1: one
        /// filed under a violation's identity (its bound entities) or under its reported entity alone.
        /// </summary>
        public int FirstMatch(IReadOnlyList<Violation> violations)
        {
            var first = int.MaxValue;
            foreach (var violation in violations)
            {
                first = Math.Min(first, First(violation));
            }

            return first == int.MaxValue ? -1 : first;
        }

        /// <summary>The position of the first waiver in file order that matches <paramref name="violation"/>, or -1.</summary>
        public int FirstMatch(Violation violation) => First(violation) is var first && first == int.MaxValue ? -1 : first;

        /// <summary>Only reads the index, so threads evaluating rules at once can share it.</summary>
        private int First(Violation violation)
        {
            var first = int.MaxValue;
            if (byRule.Count == 0 || !byRule.TryGetValue(violation.Rule.Id, out var byTarget))
            {
                return first;
            }

            var bindings = violation.Bindings;
            if (bindings.Count > 0 && byTarget.TryGetValue(bindings[0].Id, out var bound))
            {
                first = Math.Min(first, FirstOf(bound, bindings));
            }

            if (byTarget.TryGetValue(violation.At.Id, out var reported))
            {
                first = Math.Min(first, FirstOf(reported, [violation.At]));
            }

            return first;
        }

        private int FirstOf(List<int> positions, IReadOnlyList<Entity> entities)
        {
            foreach (var position in positions)
            {
                if (Targets(waivers[position], entities))
                {
                    return position;
                }
            }

            return int.MaxValue;
        }

        private static bool Targets(Waiver waiver, IReadOnlyList<Entity> entities)
        {
            if (waiver.Targets.Count != entities.Count)
            {
                return false;
            }

            for (var i = 0; i < entities.Count; i++)
            {
                if (!string.Equals(waiver.Targets[i], entities[i].Id, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
