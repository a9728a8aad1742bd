using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Syntax;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>
/// The files of one compilation root (a `--rules` folder or file, or a pack) after imports are resolved.
/// <see cref="Imported"/> holds files imported from the packs it depends on: their params and lets join this
/// compilation, while their rules run once, in their own pack.
/// </summary>
internal sealed record SourceModule(string Root, IReadOnlyList<CompilationUnit> Units)
{
    public ResolvedPack? Pack { get; init; }

    public IReadOnlyList<ImportedUnit> Imported { get; init; } = [];

    /// <summary>Every file whose params and lets are declared in this compilation: its own, then the imported ones.</summary>
    public IEnumerable<CompilationUnit> DeclaringUnits => Units.Concat(Imported.Select(i => i.Unit));
}

/// <summary>A file imported from another pack with <c>import "pack:name/file.zpol"</c>.</summary>
internal sealed record ImportedUnit(CompilationUnit Unit, ResolvedPack From);

/// <summary>A parameter after overrides: its declared type and the value in force.</summary>
internal sealed record ParamSymbol(string Name, ZpType Type, object? Value, SourceLocation Location);

/// <summary>A helper function: bound anew at each call site with the argument types found there.</summary>
internal sealed record FunctionSymbol(LetDeclaration Declaration);

/// <summary>The module-level names of one compilation: parameters, constants and helper functions.</summary>
internal sealed class ModuleSymbols
{
    private readonly Dictionary<string, object> declarations = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => declarations.Keys;

    public bool TryDeclare(string name, object symbol) => declarations.TryAdd(name, symbol);

    public object? Lookup(string name) => declarations.GetValueOrDefault(name);

    public IEnumerable<ParamSymbol> Params => declarations.Values.OfType<ParamSymbol>();

    public void Replace(string name, object symbol) => declarations[name] = symbol;
}
