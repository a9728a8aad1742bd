using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Scripting;
using ZonePolicy.Syntax;

namespace ZonePolicy.Binding;

/// <summary>State shared while binding one compilation: its names, the diagnostics, and what is being bound now.</summary>
internal sealed class BindingContext(ModuleSymbols symbols, DiagnosticBag diagnostics, ProgramState program)
{
    private readonly HashSet<LetDeclaration> functionsInProgress = [];
    private readonly HashSet<ConstantSymbol> constantsInProgress = [];

    // Where each helper expansion or constant binding in progress was started, innermost on top.
    private readonly Stack<SourceLocation> expansions = new();
    private int depth;
    private bool depthReported;

    public ModuleSymbols Symbols { get; } = symbols;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ProgramState Program { get; } = program;

    public void Error(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments) =>
        Diagnostics.Add(descriptor, location, arguments);

    /// <summary>
    /// Enters one more level of binding, false once that passes the nesting limit. Each expression is within
    /// the limit after parsing, so only helper bodies bound at their call sites and constants bound where they
    /// are first used can take the binder, and the passes after it, deeper.
    /// </summary>
    public bool TryEnterLevel()
    {
        if (depth >= NestingLimit.MaxDepth)
        {
            return false;
        }

        depth++;
        return true;
    }

    public void LeaveLevel()
    {
        depth--;
        depthReported &= depth > 0;
    }

    /// <summary>
    /// ZP0007 for an expression that passed the limit, once per top-level expression: at the helper call or
    /// constant use, in the expression being bound, that started the expansion it passed the limit in.
    /// </summary>
    public void ReportTooDeep(SourceLocation location)
    {
        if (depthReported)
        {
            return;
        }

        depthReported = true;
        if (expansions.Count > 0)
        {
            Error(DiagnosticDescriptors.NestedTooDeeplyThroughDefinitions, expansions.Last(), NestingLimit.MaxDepth);
        }
        else
        {
            Error(DiagnosticDescriptors.NestingTooDeep, location, NestingLimit.MaxDepth);
        }
    }

    /// <summary>Starts expanding a helper's body at its call; false when the helper is already being expanded.</summary>
    public bool EnterFunction(LetDeclaration function, SourceLocation calledAt)
    {
        if (!functionsInProgress.Add(function))
        {
            return false;
        }

        expansions.Push(calledAt);
        return true;
    }

    public void LeaveFunction(LetDeclaration function)
    {
        functionsInProgress.Remove(function);
        expansions.Pop();
    }

    /// <summary>Binds a module constant the first time it is used; a constant that depends on itself is an error.</summary>
    public ConstantSymbol? EnsureBound(ConstantDeclaration constant, SourceLocation usedAt)
    {
        var symbol = constant.Symbol;
        if (symbol.Value is not null)
        {
            return symbol;
        }

        if (!constantsInProgress.Add(symbol))
        {
            Error(DiagnosticDescriptors.RecursiveConstant, usedAt, symbol.Name);
            return null;
        }

        var layout = new FrameLayout();
        expansions.Push(usedAt);
        symbol.Value = new ExpressionBinder(this, layout).Bind(constant.Declaration.Body, Scope.Empty);
        expansions.Pop();
        symbol.Type = symbol.Value.Type;
        symbol.FrameSize = layout.Size;
        constantsInProgress.Remove(symbol);
        return symbol;
    }
}

/// <summary>A module-level <c>let</c> without parameters, before and after binding.</summary>
internal sealed record ConstantDeclaration(LetDeclaration Declaration, ConstantSymbol Symbol);

/// <summary>What the whole program accumulates across compilations: constants and path sites.</summary>
internal sealed class ProgramState
{
    private readonly Dictionary<(string Pack, string Name), ScriptFunctionSymbol> scriptFunctions = [];

    public List<ConstantSymbol> Constants { get; } = [];

    /// <summary>Every C# function a compilation of the program can call, one symbol each, in the order first declared.</summary>
    public List<ScriptFunctionSymbol> ScriptFunctions { get; } = [];

    /// <summary>The one symbol of a pack's C# function, shared by the pack and every pack that imports from it.</summary>
    public ScriptFunctionSymbol ScriptFunction(ResolvedPack pack, ScriptFunctionDeclaration declaration)
    {
        if (!scriptFunctions.TryGetValue((pack.Name, declaration.Name), out var symbol))
        {
            symbol = new ScriptFunctionSymbol(declaration, pack);
            scriptFunctions.Add((pack.Name, declaration.Name), symbol);
            ScriptFunctions.Add(symbol);
        }

        return symbol;
    }

    public int PathSites { get; private set; }

    public int NextPathSite() => PathSites++;

    public ConstantSymbol AddConstant(string name, SourceLocation location)
    {
        var symbol = new ConstantSymbol(name, location) { Index = Constants.Count };
        Constants.Add(symbol);
        return symbol;
    }
}
