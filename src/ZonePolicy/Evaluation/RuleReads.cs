using ZonePolicy.Binding;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// What of a site a rule's verdicts can depend on, worked out from its bound tree: the attributes of entities
/// it reads (by kind and slot, computed ones included), the shapes of nested objects it reaches (all of their
/// attributes, and those of the objects nested in them, since a message may print a whole object), and the
/// attributes the flow graph reads when it asks for a path. Every rule also depends on which entities there are
/// and on the references between them (ids, the entities it ranges over): <see cref="ModelChanges"/> reports a
/// change to those as a change of everything. The permitted network (its built-in functions and permitted
/// paths) and any node this analysis does not know read everything.
/// </summary>
internal sealed class RuleReads
{
    /// <summary>The built-in functions that compute from their arguments alone.</summary>
    private static readonly HashSet<BuiltinFunction> PureBuiltins =
    [
        BuiltinFunction.Len, BuiltinFunction.Lower, BuiltinFunction.Upper, BuiltinFunction.StartsWith, BuiltinFunction.EndsWith,
        BuiltinFunction.Has, BuiltinFunction.Days, BuiltinFunction.Level,
    ];

    private readonly HashSet<(EntityKind Kind, int Slot)> attributes = [];
    private readonly HashSet<RecordShape> records = [];
    private readonly HashSet<ConstantSymbol> constants = [];
    private bool searchesDeclared;

    private RuleReads()
    {
    }

    /// <summary>True when the analysis could not tell what the rule reads.</summary>
    public bool Everything { get; private set; }

    /// <summary>True when the rule may search a graph of the site: it asks for a path, calls a built-in of the network, or reads what the analysis does not know.</summary>
    public bool SearchesPaths => Everything || searchesDeclared;

    public static RuleReads Of(BoundRule rule)
    {
        var reads = new RuleReads();
        foreach (var step in rule.Steps)
        {
            switch (step)
            {
                case BoundFor loop:
                    reads.Add(loop.Source);
                    reads.Add(loop.Where);
                    break;
                case BoundLet let:
                    reads.Add(let.Value);
                    break;
            }
        }

        reads.Add(rule.Condition);
        reads.Add(rule.At);
        foreach (var hole in rule.Message.OfType<BoundMessageHole>())
        {
            reads.Add(hole.Expression);
        }

        return reads;
    }

    /// <summary>True when none of what the rule reads changed.</summary>
    public bool Unaffected(ModelChanges changes) =>
        !Everything
        && attributes.All(read => !changes.Changed(read.Kind, read.Slot))
        && records.All(shape => !changes.Changed(shape));

    private void Add(BoundExpression? root)
    {
        if (root is null)
        {
            return;
        }

        var pending = new Stack<BoundExpression>([root]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case BoundAttribute attribute:
                    Read(attribute);
                    break;
                case BoundConstant constant when constants.Add(constant.Constant) && constant.Constant.Value is { } value:
                    pending.Push(value);
                    break;
                case BoundPath { OverPermitted: false }:
                    searchesDeclared = true;
                    attributes.UnionWith(SiteGraph.Reads.Select(read => (read.Kind, TopologySchema.For(read.Kind)[read.Attribute].Slot)));
                    break;
                case BoundBuiltinCall call when !PureBuiltins.Contains(call.Function):
                case BoundPath:
                case not (BoundLiteral or BoundVariable or BoundConstant or BoundGlobalList or BoundToday or BoundPathMember or BoundPropsIndex
                    or BoundBuiltinCall or BoundHelperCall or BoundUnary or BoundBinary or BoundChain or BoundConstantMatch or BoundList or BoundQuantifier):
                    // The permitted network, and any node this analysis does not know, may read anything of the site.
                    Everything = true;
                    return;
            }

            foreach (var child in FreeVariables.Children(node))
            {
                pending.Push(child);
            }
        }
    }

    private void Read(BoundAttribute attribute)
    {
        switch (attribute.Target.Type)
        {
            case EntityType entity:
                attributes.Add((entity.Kind, attribute.Attribute.Slot));
                break;
            case RecordType record:
                AddRecord(record.Shape);
                break;
            default:
                Everything = true;
                return;
        }

        if (RecordIn(attribute.Attribute.Type) is { } nested)
        {
            AddRecord(nested);
        }
    }

    private void AddRecord(RecordShape shape)
    {
        if (!records.Add(shape))
        {
            return;
        }

        foreach (var attribute in shape.Attributes)
        {
            if (RecordIn(attribute.Type) is { } nested)
            {
                AddRecord(nested);
            }
        }
    }

    private static RecordShape? RecordIn(ZpType type) => type switch
    {
        RecordType record => record.Shape,
        ListType list => RecordIn(list.Element),
        _ => null,
    };
}
