using System.Globalization;
using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;

namespace ZonePolicy.Scripting;

/// <summary>The text of one <c>.csx</c> file of a pack, read without leaving the pack's folder.</summary>
internal sealed class ScriptSource
{
    public const long MaxSize = 1024 * 1024;

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

    /// <summary>Reads the script a declaration names; null, with a ZP0144 at the declaration, when it cannot be read.</summary>
    public static ScriptSource? Read(ResolvedPack pack, ScriptFunctionDeclaration declaration, DiagnosticBag diagnostics)
    {
        var root = System.IO.Path.GetFullPath(pack.Folder);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, declaration.Script));
        var display = System.IO.Path.Join(pack.DisplayFolder, declaration.Script).Replace('\\', '/');
        string? problem = null;
        if (!IsInside(path, root) || ResolvesOutside(path, root))
        {
            problem = "it leaves the pack's folder";
        }
        else if (BoundedFile.Read(path, MaxSize, out var reason) is { } bytes)
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
            if (text.Length == 0 || text.Contains('\0') || text.Contains('\uFFFD'))
            {
                problem = text.Length == 0 ? "it is empty" : "it is not UTF-8 text";
            }
            else
            {
                return new ScriptSource(path, display, text.TrimStart('\uFEFF'));
            }
        }
        else
        {
            problem = reason;
        }

        diagnostics.Add(DiagnosticDescriptors.ScriptNotReadable, declaration.ScriptLocation, display, problem);
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

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>True when a link on the way leads out of the pack: a script is code, and only the pack's own may run.</summary>
    private static bool ResolvesOutside(string path, string root)
    {
        try
        {
            var resolvedRoot = Resolve(root);
            for (var current = path; current.Length > root.Length; current = System.IO.Path.GetDirectoryName(current)!)
            {
                if (new FileInfo(current).LinkTarget is not null && !IsInside(Resolve(current), resolvedRoot))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static string Resolve(string path) =>
        (File.ResolveLinkTarget(path, returnFinalTarget: true) ?? Directory.ResolveLinkTarget(path, returnFinalTarget: true))?.FullName
        ?? System.IO.Path.GetFullPath(path);
}
