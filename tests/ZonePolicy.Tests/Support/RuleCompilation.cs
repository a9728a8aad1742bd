using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Support;

/// <summary>Rule text of one file compiled for evaluation, failing the test on any parse or bind error.</summary>
internal static class RuleCompilation
{
    public static CompiledProgram Compile(string rules)
    {
        var parsed = RuleParser.Parse(rules, "rules.zpol");
        Assert.Empty(parsed.Diagnostics);
        var diagnostics = new DiagnosticBag();
        var program = ProgramBinder.Bind([new SourceModule(".", [parsed.Unit!])], [], diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return CompiledProgram.Compile(program);
    }
}
