namespace ZonePolicy.Binding;

/// <summary>The outer variables a bound expression reads: those it uses but does not declare itself.</summary>
internal static class FreeVariables
{
    public static IReadOnlyList<VariableSymbol> Of(BoundExpression expression, params VariableSymbol[] declaredOutside)
    {
        var used = new List<VariableSymbol>();
        var declared = new HashSet<VariableSymbol>(declaredOutside);
        var pending = new Stack<BoundExpression>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case BoundVariable variable when !used.Contains(variable.Variable):
                    used.Add(variable.Variable);
                    break;
                case BoundQuantifier { Variable: { } v }:
                    declared.Add(v);
                    break;
                case BoundHelperCall call:
                    declared.UnionWith(call.Parameters);
                    break;
                case BoundPath { AvoidVariable: { } a }:
                    declared.Add(a);
                    break;
            }

            foreach (var child in Children(node))
            {
                pending.Push(child);
            }
        }

        return used.Where(v => !declared.Contains(v)).OrderBy(v => v.Slot).ToList();
    }

    public static IEnumerable<BoundExpression> Children(BoundExpression node) => node switch
    {
        BoundAttribute a => [a.Target],
        BoundPathMember p => [p.Target],
        BoundPropsIndex i => [i.Target, i.Key],
        BoundBuiltinCall c => c.Arguments,
        BoundScriptCall c => c.Arguments,
        BoundHelperCall h => [.. h.Arguments, h.Body],
        BoundUnary u => [u.Operand],
        BoundBinary b => [b.Left, b.Right],
        BoundChain c => [c.First, .. c.Links.Select(l => l.Operand)],
        BoundConstantMatch m => [m.Input],
        BoundList l => l.Items,
        BoundQuantifier q => new[] { q.Source, q.Where, q.Select }.OfType<BoundExpression>(),
        BoundPath p => new[] { p.From, p.To, p.Avoid }.OfType<BoundExpression>(),
        _ => [],
    };
}
