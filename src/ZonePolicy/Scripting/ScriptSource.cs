using System.Globalization;
using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Packs;

namespace ZonePolicy.Scripting;

/// <summary>The text of one <c>.csx</c> file of a pack, read without leaving the pack's folder.</summary>
internal sealed class ScriptSource
{
    // Any change to how scripts are compiled must change this, so that older cache entries are not used.
    private const string Format = "zonepolicy-csx-1";

    private ScriptSource(string path, string display, string text)
    {
        Path = path;
        Display = display;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The file as diagnostics name it: the pack's display folder and the script's path in it.</summary>
    public string Display { get; }

    public string Text { get; }

    /// <summary>
    /// Reads the script a declaration names, as an input of the check; null, with a diagnostic at the declaration,
    /// when it cannot be read or when it resolves outside the pack's folder (a script is code: only the pack's own
    /// may run).
    /// </summary>
    public static ScriptSource? Read(ResolvedPack pack, ScriptFunctionDeclaration declaration, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        var root = RealPath.Resolve(pack.Folder, inputs.WorkingDirectory);
        var path = root is null ? null : RealPath.Resolve(declaration.Script, root);
        var display = System.IO.Path.Join(pack.DisplayFolder, declaration.Script).Replace('\\', '/');
        if (root is null || path is null || !RealPath.IsWithin(path, root))
        {
            diagnostics.Add(DiagnosticDescriptors.ScriptNotReadable, declaration.ScriptLocation, display, "it leaves the pack's folder");
            return null;
        }

        if (inputs.Read(path, display, InputKind.Script, declaration.ScriptLocation) is not { } file)
        {
            return null;
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(file.Bytes);
        if (text.Length > 0 && !text.Contains('\0') && !text.Contains('\uFFFD'))
        {
            return new ScriptSource(path, display, text.TrimStart('\uFEFF'));
        }

        diagnostics.Add(DiagnosticDescriptors.ScriptNotReadable, declaration.ScriptLocation, display, text.Length == 0 ? "it is empty" : "it is not UTF-8 text");
        return null;
    }

    /// <summary>
    /// The name of this script's cache entry: a hash of what the compiled assembly depends on — the text, the
    /// declared signatures it must match, and the engine and runtime that compile and run it.
    /// </summary>
    public string Key(IEnumerable<ScriptFunctionSymbol> functions)
    {
        var engine = typeof(ScriptSource).Assembly;
        var content = new StringBuilder()
            .Append(Format).Append('\n')
            .Append(EngineVersion.Current.ToFullString()).Append('\n')
            .Append(engine.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture)).Append('\n')
            .Append(Environment.Version).Append('\n');
        foreach (var signature in functions.Select(f => f.Declaration.Signature).Order(StringComparer.Ordinal))
        {
            content.Append(signature).Append('\n');
        }

        content.Append('\n').Append(Text);
        return ScriptCache.Hash(Encoding.UTF8.GetBytes(content.ToString()));
    }
}
