using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Scripting.Compilation;

/// <summary>
/// Compiles one <c>.csx</c> script with Roslyn scripting: reports its compile errors (ZP0144), the APIs it may
/// not use (ZP0145) and functions that do not match their declarations (ZP0146), all at their place in the
/// script; then adds the budget checks and emits a deterministic assembly. The only type that uses the
/// compiler: the engine loads it when a script is not in the cache, and not before.
/// </summary>
internal static class ScriptCompiler
{
    private static readonly string[] Imports = ["System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text"];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static byte[]? Compile(ScriptSource source, string key, IReadOnlyList<ScriptFunctionSymbol> functions, DiagnosticBag diagnostics)
    {
        // The whole shared framework is referenced, so that a use of a forbidden type is reported for what
        // it is (the network, the file system) by the policy below rather than as a type the compiler lacks.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(runtime, "*.dll").Where(IsManaged).Order(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p));
        var options = ScriptOptions.Default
            .WithReferences(references)
            .WithImports(Imports)
            .WithFilePath(source.Display)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithSearchPaths(ImmutableArray<string>.Empty).WithBaseDirectory(null))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, null))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(false)
            .WithEmitDebugInformation(false);
        var compilation = (CSharpCompilation)CSharpScript.Create(source.Text, options).GetCompilation();
        compilation = compilation
            .WithAssemblyName("ZonePolicy.Script." + key[..32])
            .WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Enable).WithDeterministic(true));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);

        // What the policy forbids often fails to compile too (unsafe code): then its reason is the one reported.
        if (ScriptApiPolicy.Check(model, diagnostics) > 0)
        {
            return null;
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors)
        {
            diagnostics.Add(DiagnosticDescriptors.ScriptCompileError, ScriptLocations.Of(error.Location), error.Id, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (errors.Count > 0 || !SignatureCheck.Matches(compilation, source, functions, diagnostics))
        {
            return null;
        }

        var instrumented = tree.WithRootAndOptions(BudgetInstrumenter.Instrument(model), tree.Options);
        var runnable = compilation
            .ReplaceSyntaxTree(tree, instrumented)
            .AddReferences(MetadataReference.CreateFromFile(typeof(ScriptBudget).Assembly.Location));
        using var assembly = new MemoryStream();
        var emitted = runnable.Emit(assembly);
        if (!emitted.Success)
        {
            var first = emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            diagnostics.Add(DiagnosticDescriptors.ScriptInstrumentationFailed, SourceLocation.InFile(source.Display), first.Id, first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        return assembly.ToArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
