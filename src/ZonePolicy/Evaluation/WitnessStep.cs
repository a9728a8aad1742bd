using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>A path as the steps of a witness: each asset, and between two assets what carries or permits the hop.</summary>
internal static class WitnessStep
{
    public static IReadOnlyList<PathStep> Of(PathValue path)
    {
        var steps = new List<PathStep> { Of(path.Assets[0]) };
        for (var hop = 0; hop < path.Length; hop++)
        {
            steps.Add(path.IsPermitted ? Of(path.Hops[hop]) : Of(path.HopFlows[hop]));
            steps.Add(Of(path.Assets[hop + 1]));
        }

        return steps;
    }

    public static PathStep Of(Entity entity) => new(entity.Id, entity.Kind.Keyword(), entity.Location);

    /// <summary>The zone or conduit that permits the hop, at the allow rule that does (or at the zone or conduit when it permits everything).</summary>
    public static PathStep Of(PermittedHop hop)
    {
        var permission = hop.Permission;
        return new PathStep(permission.Place.Id, permission.Place.Kind.Keyword(), permission.Location)
        {
            Message = $"{hop.From.Id} -> {hop.To.Id}: {hop.Describe()}",
            Device = permission.Device?.Id,
            Rule = permission.Rule is null ? null : permission.RuleNumber,
        };
    }
}
