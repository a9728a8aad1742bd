using Microsoft.CodeAnalysis;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Scripting.Compilation;

/// <summary>
/// Each function a pack declares is a static, non-generic method of the script, once, with the C# types of
/// its declared signature (ZP0146), so that rules type-checked against the declaration get what it promises.
/// </summary>
internal static class SignatureCheck
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static bool Matches(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, ScriptSource source, IReadOnlyList<ScriptFunctionSymbol> functions, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var function in functions)
        {
            var expected = Expected(function);
            var expectedTypes = ExpectedTypes(function);
            var methods = compilation.ScriptClass?.GetMembers(function.Name).OfType<IMethodSymbol>().ToList() ?? [];
            if (methods.Count == 0)
            {
                diagnostics.Add(DiagnosticDescriptors.ScriptFunctionMissing, function.Declaration.Location, source.Display, function.Name);
                ok = false;
                continue;
            }

            foreach (var method in methods)
            {
                var location = ScriptLocations.Of(method.Locations[0]);
                var actual = ActualTypes(method);
                if (methods.Count > 1)
                {
                    diagnostics.Add(DiagnosticDescriptors.ScriptFunctionOverloaded, location, function.Name);
                    ok = false;
                }
                else if (!method.IsStatic || method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || !actual.SequenceEqual(expectedTypes))
                {
                    diagnostics.Add(DiagnosticDescriptors.ScriptSignatureMismatch, location, function.Name, function.Declaration.Signature, expected);
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static string Expected(ScriptFunctionSymbol function) =>
        $"static {ScriptValues.CSharpName(function.Declaration.Returns)} {function.Name}({string.Join(", ", function.Declaration.Parameters.Select(p => $"{ScriptValues.CSharpName(p.Type)} {p.Name}"))})";

    private static IEnumerable<string> ExpectedTypes(ScriptFunctionSymbol function) =>
        function.Declaration.Parameters.Select(p => ScriptValues.CSharpName(p.Type)).Prepend(ScriptValues.CSharpName(function.Declaration.Returns));

    private static IEnumerable<string> ActualTypes(IMethodSymbol method) =>
        method.Parameters.Select(p => (p.RefKind == RefKind.None ? "" : p.RefKind.ToString().ToLowerInvariant() + " ") + p.Type.ToDisplayString(Format))
            .Prepend(method.ReturnType.ToDisplayString(Format));
}
