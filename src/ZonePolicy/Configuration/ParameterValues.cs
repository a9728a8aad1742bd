using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Configuration;

/// <summary>
/// Parameter overrides (<c>--param name=value</c>, <c>ZonePolicyParameter</c> items) as the binder takes them: a
/// value in the language's literal syntax, or a bare word as a string. A value written as a number or a date
/// that is not a valid one (out of range, the 30th of February) is ZP0305 saying so, never a string.
/// </summary>
internal static class ParameterValues
{
    public static List<ParameterOverride> Read(IReadOnlyList<KeyValuePair<string, string>> parameters, DiagnosticBag diagnostics)
    {
        var overrides = new List<ParameterOverride>();
        foreach (var (name, text) in parameters)
        {
            if (RuleParser.TryParseLiteral(text, out var value))
            {
                overrides.Add(new ParameterOverride(name, value, text));
            }
            else if (RuleTokenizer.Scan(text).Errors.FirstOrDefault(e => e.Id is DiagnosticIds.InvalidNumber or DiagnosticIds.InvalidDate) is { } literal)
            {
                diagnostics.Add(DiagnosticIds.InvalidParameterValue, SourceLocation.None("<command-line>"), $"parameter `{name}`: {literal.Message}");
            }
            else
            {
                overrides.Add(new ParameterOverride(name, text, text));
            }
        }

        return overrides;
    }
}
