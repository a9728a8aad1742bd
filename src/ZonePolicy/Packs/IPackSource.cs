using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>A place packs are found in: folders of packs, packs installed for a project, NuGet feeds.</summary>
internal interface IPackSource
{
    /// <summary>The source as messages name it ("packs beside zpol (/opt/zpol/packs)", "feed `acme` (https://...)").</summary>
    string Description { get; }

    /// <summary>Every version of the named pack the source offers; none when it has no such pack.</summary>
    IReadOnlyList<PackCandidate> Versions(string name, DiagnosticBag diagnostics);

    /// <summary>The names of the packs it holds, for "did you mean" (empty when listing them is not cheap).</summary>
    IEnumerable<string> Names();

    /// <summary>Makes a chosen candidate's files available and reads its manifest; false (with a diagnostic) when it cannot.</summary>
    bool Fetch(PackCandidate candidate, SourceLocation requestedAt, DiagnosticBag diagnostics);
}
