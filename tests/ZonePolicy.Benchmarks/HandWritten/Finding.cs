using ZonePolicy.Topology;

namespace ZonePolicy.Benchmarks.HandWritten;

/// <summary>A violation found by the hand-written rules: the rule, its bound entities, where it is reported, its message.</summary>
internal sealed record Finding(string Rule, IReadOnlyList<Entity> Bindings, Entity At, string Message)
{
    /// <summary>The rule id and the bound entities' ids: the identity waivers and baselines use.</summary>
    public string Identity => Rule + " " + string.Join(" ", Bindings.Select(b => b.Id));
}

/// <summary>The findings in force, in report order, and how many a waiver suppressed.</summary>
internal sealed record HandWrittenResult(IReadOnlyList<Finding> InForce, int Suppressed);
