using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Compliance;

/// <summary>
/// What one site says about one clause before its rules' findings are known: whether it applies (and if
/// not, why), whether its rules found anything to check, and the attestation that covers it.
/// </summary>
internal sealed record ClauseFacts(
    BoundCatalogue Catalogue,
    CatalogueClause Clause,
    string? NotApplicable,
    bool RulesApply,
    Attestation? Attestation,
    bool AttestationExpired);

/// <summary>
/// Gathers the clause facts of one site and checks its attestations: the applicable clauses of a pack that
/// need one and have none are one ZP0240 (a site new to a pack lacks many; the compliance matrix lists each),
/// an expired attestation is ZP0241, one that expires within 30 days ZP0242; an attestation that names no
/// clause of a loaded catalogue with its standard's prefix is ZP0243.
/// </summary>
internal static class ClauseFactFinder
{
    public const int ExpiryWarningDays = 30;

    public static (List<ClauseFacts> Facts, List<Diagnostic> Diagnostics) Gather(
        IReadOnlyList<BoundCatalogue> catalogues, SiteModel site, EvaluationContext context, IReadOnlyDictionary<string, int> bindings, DateOnly today)
    {
        var facts = new List<ClauseFacts>();
        var diagnostics = new List<Diagnostic>();
        var byClause = site.Attestations.ToLookup(a => a.Clause, StringComparer.Ordinal);
        foreach (var catalogue in catalogues)
        {
            var missing = new List<CatalogueClause>();
            foreach (var clause in catalogue.Catalogue.Clauses)
            {
                var (attestation, expired) = Choose(byClause[clause.Id], today);
                var rulesApply = catalogue.RulesOf(clause).Any(r => bindings.GetValueOrDefault(r) > 0);
                var notApplicable = NotApplicable(catalogue, clause, site, context)
                    ?? (attestation is { Status: AttestationStatus.NotApplicable } && !expired ? $"attested: {attestation.Evidence}" : null)
                    ?? (clause.Attestation is null && !rulesApply ? "nothing in the site is what its rules check" : null);
                facts.Add(new ClauseFacts(catalogue, clause, notApplicable, rulesApply, attestation, expired));
                if (notApplicable is null && attestation is null && clause.Attestation is not null)
                {
                    missing.Add(clause);
                }
                else if (notApplicable is null || (attestation is not null && expired))
                {
                    Check(clause, attestation, expired, today, diagnostics);
                }
            }

            if (missing.Count > 0)
            {
                diagnostics.Add(Missing(catalogue, missing, site));
            }
        }

        diagnostics.AddRange(UnknownClauses(catalogues, site));
        return (facts, diagnostics);
    }

    /// <summary>The attestation in force with the latest date, or else the latest expired one.</summary>
    private static (Attestation? Attestation, bool Expired) Choose(IEnumerable<Attestation> attestations, DateOnly today)
    {
        var latest = attestations.OrderByDescending(a => a.Date).ThenByDescending(a => a.Expires).ToList();
        var inForce = latest.FirstOrDefault(a => a.Expires >= today);
        return inForce is not null ? (inForce, false) : (latest.FirstOrDefault(), latest.Count > 0);
    }

    private static string? NotApplicable(BoundCatalogue catalogue, CatalogueClause clause, SiteModel site, EvaluationContext context)
    {
        if (clause.NotApplicable is { } reason)
        {
            return reason;
        }

        if (catalogue.Conditions.TryGetValue(clause.Id, out var constant) && context.Constant(constant.Index) is false)
        {
            return clause.AppliesWhen!.Otherwise;
        }

        if (clause.FromLevel is { } level && BelowLevel(site, level))
        {
            var fr = level.Fr is null ? "" : $" in FR {FoundationalRequirements.Keys.ToList().IndexOf(level.Fr) + 1} ({level.Fr})";
            return $"it applies from SL {level.From}, and no zone of the site targets SL {level.From} or more{fr}";
        }

        return null;
    }

    /// <summary>True when every zone inside the system under consideration states a target level below <paramref name="level"/>.</summary>
    private static bool BelowLevel(SiteModel site, LevelCondition level)
    {
        var zones = site.OfKind(EntityKind.Zone).Where(z => !Equals(z["kind"], "external")).ToList();
        return zones.Count > 0 && zones.All(z => SecurityLevelOf(z, level.Fr) is { } sl && sl < level.From);
    }

    private static long? SecurityLevelOf(Entity zone, string? fr)
    {
        if (fr is not null && zone.Shape.TryGet("securityLevels", out _) && zone["securityLevels"] is RecordValue vector && vector[fr] is long component)
        {
            return component;
        }

        return zone["securityLevel"] as long?;
    }

    /// <summary>How many clauses are without evidence, and which: the first few by id, the rest counted.</summary>
    private static Diagnostic Missing(BoundCatalogue catalogue, List<CatalogueClause> missing, SiteModel site)
    {
        const int Shown = 3;
        var named = string.Join(", ", missing.Take(Shown).Select(c => $"`{c.Id}`"));
        var list = missing.Count <= Shown ? named : $"{named} and {missing.Count - Shown} more (`zpol compliance` lists them)";
        var (what, need, have) = missing.Count == 1 ? ("1 clause", "needs", "has") : ($"{missing.Count} clauses", "need", "have");
        return Diagnostic.Create(DiagnosticDescriptors.AttestationMissing, site.AttestationsLocation, what, catalogue.Pack, need, have, list);
    }

    private static void Check(CatalogueClause clause, Attestation? attestation, bool expired, DateOnly today, List<Diagnostic> diagnostics)
    {
        if (attestation is null)
        {
            return;
        }

        if (expired)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.AttestationExpired, attestation.Location, clause.Id, attestation.Expires));
            return;
        }

        var days = attestation.Expires.DayNumber - today.DayNumber;
        if (days <= ExpiryWarningDays)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.AttestationExpiringSoon, attestation.Location, clause.Id, attestation.Expires, days, days == 1 ? "day" : "days"));
        }
    }

    /// <summary>
    /// Attestations whose clause no loaded catalogue has, when a loaded catalogue has clauses of the same
    /// standard (the same first word, as in `IEC`): a misspelt clause. Others belong to packs this check does not run.
    /// </summary>
    private static IEnumerable<Diagnostic> UnknownClauses(IReadOnlyList<BoundCatalogue> catalogues, SiteModel site)
    {
        var known = catalogues.SelectMany(c => c.Catalogue.Clauses.Select(clause => clause.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var attestation in site.Attestations.Where(a => !known.Contains(a.Clause)))
        {
            var standard = FirstWord(attestation.Clause);
            var sameStandard = known.Where(k => FirstWord(k) == standard).ToList();
            if (sameStandard.Count > 0)
            {
                yield return Diagnostic.Create(DiagnosticDescriptors.AttestationUnknownClause, attestation.Location, attestation.Clause, NameSuggestions.DidYouMean(attestation.Clause, sameStandard));
            }
        }
    }

    private static string FirstWord(string text) => text.Split(' ', 2)[0];
}
