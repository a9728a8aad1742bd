using ZonePolicy.Binding;

namespace ZonePolicy.Compliance;

/// <summary>
/// A catalogue tied to the pack whose rules cite it: the rules that automate each clause (those whose
/// <c>refs</c> name it) and the constant that decides each clause's <c>appliesWhen</c>.
/// </summary>
internal sealed record BoundCatalogue(
    Catalogue Catalogue,
    string Pack,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RulesByClause,
    IReadOnlyDictionary<string, ConstantSymbol> Conditions)
{
    public IReadOnlyList<string> RulesOf(CatalogueClause clause) => RulesByClause.GetValueOrDefault(clause.Id) ?? [];
}
