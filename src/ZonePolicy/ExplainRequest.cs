namespace ZonePolicy;

/// <summary>What to explain: one rule on one site, with the rules and settings of a check.</summary>
public sealed class ExplainRequest
{
    /// <summary>The rules, the topology (the first of <see cref="CheckRequest.TopologyFiles"/>) and the settings, as <c>zpol check</c> takes them.</summary>
    public required CheckRequest Check { get; init; }

    /// <summary>The id of the rule to explain.</summary>
    public required string RuleId { get; init; }

    /// <summary>
    /// When given, only these combinations of bindings are explained: each item is the ids of entities that a
    /// combination binds (one id, or several, as a waiver's targets), and a combination that binds all the ids
    /// of one item is explained.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Entities { get; init; } = [];
}
