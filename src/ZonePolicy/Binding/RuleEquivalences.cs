using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>
/// Groups the rules that <c>sameAs</c> declares to check one requirement: the relation is symmetric and
/// transitive, and a rule it names that this check does not compile is simply absent (its pack is not
/// loaded). Rules of a group bind the same kinds of entities in the same order (ZP0344), so a finding they
/// share has one identity and is reported once.
/// </summary>
internal static class RuleEquivalences
{
    /// <summary>The rules with <see cref="RuleInfo.Equivalents"/> filled in, in the same order.</summary>
    public static IReadOnlyList<BoundRule> Link(IReadOnlyList<BoundRule> rules, DiagnosticBag diagnostics)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            index[rules[i].Id] = i;
        }

        var parent = Enumerable.Range(0, rules.Count).ToArray();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var named in rules[i].SameAs)
            {
                if (!index.TryGetValue(named.Value, out var j))
                {
                    continue;
                }

                if (!Kinds(rules[i]).SequenceEqual(Kinds(rules[j])))
                {
                    diagnostics.Add(DiagnosticDescriptors.SameAsBindingsDiffer, named.Location,
                        rules[i].Id, Describe(rules[i]), rules[j].Id, Describe(rules[j]));
                    continue;
                }

                parent[Root(parent, i)] = Root(parent, j);
            }
        }

        var groups = Enumerable.Range(0, rules.Count).GroupBy(i => Root(parent, i)).Where(g => g.Count() > 1);
        var linked = rules.ToArray();
        foreach (var group in groups)
        {
            foreach (var member in group)
            {
                var others = group.Where(other => other != member).Select(other => rules[other].Id).Order(StringComparer.Ordinal).ToList();
                linked[member] = rules[member] with { Info = rules[member].Info with { Equivalents = others } };
            }
        }

        return linked;
    }

    private static IEnumerable<EntityKind> Kinds(BoundRule rule) => rule.Fors.Select(f => f.Kind);

    private static string Describe(BoundRule rule) => string.Join(", ", Kinds(rule).Select(k => $"`{k.Keyword()}`"));

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
