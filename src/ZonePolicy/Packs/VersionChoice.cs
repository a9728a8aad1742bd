using NuGet.Versioning;

namespace ZonePolicy.Packs;

/// <summary>
/// Which version of a pack satisfies its requirements, the way NuGet chooses: the lowest version that
/// fits every range, or the newest one when a requirement floats (a bare name, <c>1.*</c>). Prereleases
/// are chosen only when a requirement asks for one.
/// </summary>
internal static class VersionChoice
{
    public static bool Fits(PackCandidate candidate, PackRequirement requirement)
    {
        if (candidate.Version is not { } version)
        {
            // An unversioned folder satisfies only a requirement that names no version.
            return requirement.Range == PackRequirement.AnyVersion;
        }

        var range = requirement.Range;
        return range.IsFloating ? range.Float.Satisfies(version) && range.Satisfies(version) : range.Satisfies(version) && AllowsRelease(version, range);
    }

    public static bool FitsAll(PackCandidate candidate, IReadOnlyList<PackRequirement> requirements) =>
        requirements.All(r => Fits(candidate, r));

    /// <summary>The candidate NuGet would pick among those that fit every requirement; null when none does.</summary>
    public static PackCandidate? Pick(IEnumerable<PackCandidate> candidates, IReadOnlyList<PackRequirement> requirements)
    {
        var fitting = candidates.Where(c => FitsAll(c, requirements)).ToList();
        if (fitting.Count == 0)
        {
            return null;
        }

        var ordered = fitting.OrderBy(c => c.Version ?? new NuGetVersion(0, 0, 0)).ToList();
        return requirements.Any(r => r.PrefersNewest) ? ordered[^1] : ordered[0];
    }

    // A stable lower bound asks for stable versions: 2.0.0-beta does not satisfy `1.0.0` unless asked for.
    private static bool AllowsRelease(NuGetVersion version, VersionRange range) =>
        !version.IsPrerelease || range.MinVersion?.IsPrerelease == true || range.MaxVersion?.IsPrerelease == true;
}
