using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Keeps a security level and its per-FR vector in step once a topology is read: a zone's target level, an
/// asset's capability level and a conduit's target level may each be given as the scalar, as the vector of
/// the seven foundational requirements, or both. The scalar is the vector's highest level; a vector left out
/// is the scalar in every FR. Both given and disagreeing is ZP0245.
/// </summary>
internal static class SecurityLevelVectors
{
    private static readonly (EntityKind Kind, string Scalar, string Vector)[] Pairs =
    [
        (EntityKind.Zone, "securityLevel", "securityLevels"),
        (EntityKind.Asset, "securityLevelCapability", "securityLevelCapabilities"),
        (EntityKind.Conduit, "securityLevel", "securityLevels"),
    ];

    /// <summary>
    /// The names of changed attributes with a vector left out when its scalar changed too: the two are one fact, and
    /// a vector the file leaves out follows its scalar.
    /// </summary>
    public static List<string> WithoutVectorsOfChangedScalars(EntityKind kind, IReadOnlyList<string> changed) =>
        [.. changed.Where(name => !Pairs.Any(p => p.Kind == kind && p.Vector == name && changed.Contains(p.Scalar)))];

    /// <summary>Completes every pair before the model is sealed; returns false, with each disagreement in <paramref name="report"/>, when one disagrees.</summary>
    /// <remarks>
    /// A large site leaves out most vectors: each filled one is stored by its rows' codes and ordinals, without making
    /// its row objects or boxing its levels.
    /// </remarks>
    public static bool Complete(ModelTables model, Action<DiagnosticDescriptor, int, object?[]> report)
    {
        var agree = true;
        var vectors = model.Records(TopologySchema.SecurityLevelVector);
        var frSlots = FoundationalRequirements.Keys.Select(fr => TopologySchema.SecurityLevelVector[fr].Slot).ToArray();
        foreach (var (kind, scalarName, vectorName) in Pairs)
        {
            var table = model.Entities(kind);
            var scalarSlot = table.Shape[scalarName].Slot;
            var vectorSlot = table.Shape[vectorName].Slot;
            for (var row = 0; row < table.Count; row++)
            {
                var scalar = table.Get(scalarSlot, row) as long?;
                if (table.OrdinalAt(vectorSlot, row) is var vector and >= 0)
                {
                    var highest = frSlots.Max(slot => vectors.Get(slot, vector) as long? ?? 0);
                    if (scalar is null)
                    {
                        table.SetCode(scalarSlot, row, model.Pool.IntegerCode(highest));
                    }
                    else if (scalar != highest)
                    {
                        agree = false;
                        report(DiagnosticDescriptors.SecurityLevelVectorMismatch, table.OffsetOf(row),
                            [kind.Keyword(), MessageText.Show(table.IdOf(row)), scalarName, scalar, vectorName, highest]);
                    }
                }
                else if (scalar is { } level)
                {
                    var filled = vectors.Add(table.OffsetOf(row));
                    var code = model.Pool.IntegerCode(level);
                    foreach (var slot in frSlots)
                    {
                        vectors.SetCode(slot, filled, code);
                    }

                    table.SetOrdinal(vectorSlot, row, filled);
                }
            }
        }

        return agree;
    }
}
