using ZonePolicy.Diagnostics;

namespace ZonePolicy.Compliance;

/// <summary>
/// A pack's clause catalogue (<c>catalogue.json</c> beside its rules): every clause of the standard or
/// guideline it follows, each automated by the rules whose <c>refs</c> name it, needing an attestation (a
/// fact no topology holds), or not applicable with a reason.
/// </summary>
internal sealed record Catalogue(string File, string? Title, IReadOnlyList<CatalogueClause> Clauses)
{
    public const string FileName = "catalogue.json";
}

/// <summary>One clause: its id (what rules cite in <c>refs</c> and attestations name), its title, and how it is accounted for.</summary>
internal sealed record CatalogueClause(string Id, string Title, string? Section, SourceLocation Location)
{
    /// <summary>The question an attestation answers, when the clause needs evidence no topology holds.</summary>
    public string? Attestation { get; init; }

    /// <summary>Why the clause never applies to what a topology describes, when it does not.</summary>
    public string? NotApplicable { get; init; }

    /// <summary>A boolean constant of the pack that says whether the clause applies to a site, and what to say when it does not.</summary>
    public ClauseCondition? AppliesWhen { get; init; }

    /// <summary>The IEC 62443 security level from which the clause applies, and the foundational requirement it belongs to.</summary>
    public LevelCondition? FromLevel { get; init; }
}

/// <summary><c>"appliesWhen": { "constant": "uses_cloud", "otherwise": "..." }</c>.</summary>
internal sealed record ClauseCondition(string Constant, string Otherwise, SourceLocation Location);

/// <summary><c>"securityLevel": { "from": 2, "fr": "uc" }</c>: the clause applies where a zone targets that level for that FR.</summary>
internal sealed record LevelCondition(int From, string? Fr);
