using ZonePolicy.Packs;

namespace ZonePolicy.Scripting;

/// <summary>
/// A C# function of a pack as rules see it: its declared signature, the pack it belongs to, and, once its
/// script is compiled or found in the cache, the code that runs it. One symbol per function of a check,
/// shared by every compilation that can call it.
/// </summary>
internal sealed class ScriptFunctionSymbol(ScriptFunctionDeclaration declaration, ResolvedPack pack)
{
    public ScriptFunctionDeclaration Declaration { get; } = declaration;

    public ResolvedPack Pack { get; } = pack;

    public string Name => Declaration.Name;

    /// <summary>The script as messages name it: its path in the pack.</summary>
    public string ScriptDisplay => $"{Declaration.Script}` of pack `{Pack.Name}";

    public ScriptFunction? Implementation { get; set; }
}
