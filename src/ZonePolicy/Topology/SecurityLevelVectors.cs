using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Keeps a security level and its per-FR vector in step after loading: a zone's target level, an asset's
/// capability level and a conduit's target level may each be given as the scalar, as the vector of the seven
/// foundational requirements, or both. The scalar is the vector's highest level; a vector left out is the
/// scalar in every FR. Both given and disagreeing is ZP0245.
/// </summary>
internal static class SecurityLevelVectors
{
    private static readonly (EntityKind Kind, string Scalar, string Vector)[] Pairs =
    [
        (EntityKind.Zone, "securityLevel", "securityLevels"),
        (EntityKind.Asset, "securityLevelCapability", "securityLevelCapabilities"),
        (EntityKind.Conduit, "securityLevel", "securityLevels"),
    ];

    public static void Complete(IReadOnlyList<Entity>[] byKind, ValuePool pool, List<Diagnostic> diagnostics)
    {
        foreach (var (kind, scalarName, vectorName) in Pairs)
        {
            var shape = TopologySchema.For(kind);
            var scalarSlot = shape[scalarName].Slot;
            var vectorSlot = shape[vectorName].Slot;
            foreach (var entity in byKind[(int)kind])
            {
                var scalar = entity.Values[scalarSlot] as long?;
                if (entity.Values[vectorSlot] is RecordValue vector)
                {
                    var highest = FoundationalRequirements.Keys.Max(fr => vector[fr] as long? ?? 0);
                    if (scalar is null)
                    {
                        entity.Values[scalarSlot] = pool.Integer(highest);
                    }
                    else if (scalar != highest)
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.SecurityLevelVectorMismatch, entity.Location,
                            kind.Keyword(), MessageText.Show(entity.Id), scalarName, scalar, vectorName, highest));
                    }
                }
                else if (scalar is { } level)
                {
                    var filled = new RecordValue(TopologySchema.SecurityLevelVector, entity.Location);
                    foreach (var fr in FoundationalRequirements.Keys)
                    {
                        filled[fr] = pool.Integer(level);
                    }

                    entity.Values[vectorSlot] = filled;
                }
            }
        }
    }
}
