using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ZonePolicy.Scripting;

/// <summary>
/// A compiled script loaded for running, in a load context of its own where the only assembly of ZonePolicy a
/// script can reach is this engine's, for <see cref="ScriptBudget"/>. The same bytes are loaded once per
/// process (a build node runs many checks); other bytes, even under the same name, get a context of their own.
/// </summary>
internal sealed class ScriptAssembly
{
    private static readonly Dictionary<string, ScriptAssembly> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    private readonly Type? scriptClass;

    private ScriptAssembly(Assembly assembly)
    {
        scriptClass = assembly.GetTypes().FirstOrDefault(t => t.Name.StartsWith("Submission#", StringComparison.Ordinal));

        // Compiled to machine code now, so that a first call's time budget is spent on the call, not on the JIT.
        // (Static initializers are not run here: they run inside the first call, within its budget.)
        foreach (var method in scriptClass?.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) ?? [])
        {
            if (!method.IsGenericMethodDefinition && !method.IsAbstract)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
    }

    public static ScriptAssembly Load(byte[] bytes)
    {
        var hash = ScriptCache.Hash(bytes);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(hash, out var script))
            {
                script = new ScriptAssembly(new ScriptLoadContext().LoadFromStream(new MemoryStream(bytes)));
                Loaded.Add(hash, script);
            }

            return script;
        }
    }

    /// <summary>The script's static method of this name; the compiler has checked it exists and matches its declaration.</summary>
    public MethodInfo? Method(string name) =>
        scriptClass?.GetMethod(name, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);

    private sealed class ScriptLoadContext() : AssemblyLoadContext("ZonePolicy C# functions", isCollectible: false)
    {
        private static readonly Assembly Engine = typeof(ScriptBudget).Assembly;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == Engine.GetName().Name ? Engine : null;
    }
}
