using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Binding;

/// <summary>
/// Parameter overrides (<c>--param name=value</c>, <c>ZonePolicyParameter</c> items) as the binder takes them: a
/// value in the language's literal syntax, or a bare word as a string. A value written as a number or a date
/// that is not a valid one (out of range, the 30th of February) is ZP0305 saying so, never a string.
/// </summary>
internal static class ParameterValues
{
    /// <summary>The overrides of <paramref name="parameters"/>, given at <paramref name="location"/>; a bad literal is reported there.</summary>
    public static List<ParameterOverride> Read(IReadOnlyList<KeyValuePair<string, string>> parameters, SourceLocation location, DiagnosticBag diagnostics)
    {
        var overrides = new List<ParameterOverride>();
        foreach (var (name, text) in parameters)
        {
            if (RuleParser.TryParseLiteral(text, out var value))
            {
                overrides.Add(new ParameterOverride(name, value, text, location));
            }
            else if (RuleTokenizer.Scan(text).Errors.FirstOrDefault(e => e.Descriptor.Id is DiagnosticIds.InvalidNumber or DiagnosticIds.InvalidDate) is { } literal)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidParameterLiteral, location, name, literal.At(location).Message);
            }
            else
            {
                overrides.Add(new ParameterOverride(name, text, text, location));
            }
        }

        return overrides;
    }
}
