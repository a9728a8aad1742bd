using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Scripting.Compilation;

namespace ZonePolicy.Scripting;

/// <summary>
/// Makes the C# functions of the trusted packs of a check runnable: each script is taken from the cache
/// when an entry for its content hash is there, and compiled otherwise — the only place that loads the C#
/// compiler, so a check whose scripts are all cached pays nothing for it.
/// </summary>
internal static class ScriptFunctionLoader
{
    /// <summary>Loads the scripts of the trusted packs' functions; returns their content keys, which change when a script does.</summary>
    public static string Load(IReadOnlyList<ScriptFunctionSymbol> functions, ScriptCache cache, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        var keys = new List<string>();
        var scripts = functions
            .Where(f => f.Pack.Trusted)
            .GroupBy(f => (f.Pack.Folder, f.Declaration.Script))
            .OrderBy(g => g.Key.Folder, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Script, StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            var symbols = script.ToList();
            if (ScriptSource.Read(symbols[0].Pack, symbols[0].Declaration, inputs, diagnostics) is not { } source)
            {
                continue;
            }

            var key = source.Key(symbols);
            keys.Add(key);
            var bytes = cache.TryRead(key);
            if (bytes is null)
            {
                bytes = ScriptCompiler.Compile(source, key, symbols, diagnostics);
                if (bytes is null)
                {
                    continue;
                }

                cache.Write(key, bytes);
            }

            var assembly = ScriptAssembly.Load(bytes);
            foreach (var symbol in symbols)
            {
                if (assembly.Method(symbol.Name) is { } method)
                {
                    symbol.Implementation = new ScriptFunction(symbol, method);
                }
                else
                {
                    diagnostics.Add(DiagnosticDescriptors.ScriptFunctionMissing, symbol.Declaration.Location, source.Display, symbol.Name);
                }
            }
        }

        return string.Join(",", keys);
    }
}
