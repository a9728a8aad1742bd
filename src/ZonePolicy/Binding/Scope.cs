using ZonePolicy.Types;
namespace ZonePolicy.Binding;

/// <summary>The variables visible at a point, innermost first; immutable so nested scopes share their parents.</summary>
internal sealed class Scope
{
    public static readonly Scope Empty = new(null, null);

    private readonly Scope? parent;

    private Scope(Scope? parent, VariableSymbol? variable)
    {
        this.parent = parent;
        Variable = variable;
    }

    public VariableSymbol? Variable { get; }

    public Scope With(VariableSymbol variable) => new(this, variable);

    public VariableSymbol? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            if (scope.Variable?.Name == name)
            {
                return scope.Variable;
            }
        }

        return null;
    }

    public IEnumerable<string> Names
    {
        get
        {
            for (var scope = this; scope?.Variable is not null; scope = scope.parent)
            {
                yield return scope.Variable.Name;
            }
        }
    }
}

/// <summary>Hands out the slots of one evaluation frame (a rule's, or a constant's).</summary>
internal sealed class FrameLayout
{
    public int Size { get; private set; }

    public VariableSymbol Allocate(string name, ZpType type) => new(name, type, Size++);
}
