using Xunit;
using ZonePolicy.Syntax;
using static ZonePolicy.Tests.Syntax.Parsing;

namespace ZonePolicy.Tests.Syntax;

public class LocationTests
{
    private const string Text =
        "pack acme.plant version \"1.0\"\n" +             // 1
        "import \"common.zpol\"\n" +                      // 2
        "param gap = [1, 2]\n" +                          // 3
        "let boundary(a, b) = a.type == \"fw\"\n" +       // 4
        "\n" +                                            // 5
        "rule ZN-001 \"title\" {\n" +                     // 6
        "  severity error\n" +                            // 7
        "  refs \"r1\", \"r2\"\n" +                       // 8
        "  for flow f in a.flowsIn where not f.ok\n" +    // 9
        "  let p = path(f.from, f.to, avoid d where d.x)\n" + // 10
        "  require any(d in f.via where -d.sl >= 3)\n" + // 11
        "  at f.to\n" +                                   // 12
        "  message \"{f} to {f.to}\"\n" +                 // 13
        "}\n";                                            // 14

    private static readonly CompilationUnit Unit = Valid(Text);

    private static RuleDeclaration Rule => Unit.Rules.Single();

    [Fact]
    public void Every_location_names_the_file()
    {
        Assert.Equal(FileName, Unit.Location.File);
        Assert.Equal(FileName, Rule.Id.Location.File);
        Assert.Equal(FileName, ((ConditionClause)Rule.Clauses[4]).Condition.Location.File);
    }

    [Fact]
    public void The_compilation_unit_spans_the_whole_file()
    {
        Assert.Equal("(1,1)-(15,1)", Span(Unit.Location));
    }

    [Fact]
    public void Declarations_span_from_their_keyword_to_their_last_token()
    {
        Assert.Equal("(1,1)-(1,30)", Span(Unit.Pack!.Location));
        Assert.Equal("(1,6)-(1,16)", Span(Unit.Pack.Name.Location));
        Assert.Equal("(1,25)-(1,30)", Span(Unit.Pack.Version!.Location));
        Assert.Equal("(2,1)-(2,21)", Span(Unit.Imports[0].Location));
        Assert.Equal("(3,1)-(3,19)", Span(Unit.Params[0].Location));
        Assert.Equal("(3,13)-(3,19)", Span(Unit.Params[0].Value.Location));
        Assert.Equal("(4,1)-(4,36)", Span(Unit.Lets[0].Location));
        Assert.Equal(["(4,14)-(4,15)", "(4,17)-(4,18)"], Unit.Lets[0].Parameters!.Select(p => Span(p.Location)));
        Assert.Equal("(6,1)-(14,2)", Span(Rule.Location));
        Assert.Equal("(6,6)-(6,12)", Span(Rule.Id.Location));
        Assert.Equal("(6,13)-(6,20)", Span(Rule.Title.Location));
    }

    [Fact]
    public void Clauses_span_from_their_keyword_to_their_last_token()
    {
        Assert.Equal(
            ["(7,3)-(7,17)", "(8,3)-(8,18)", "(9,3)-(9,41)", "(10,3)-(10,48)", "(11,3)-(11,43)", "(12,3)-(12,10)", "(13,3)-(13,26)"],
            Rule.Clauses.Select(c => Span(c.Location)));
        Assert.Equal("(7,12)-(7,17)", Span(((SeverityClause)Rule.Clauses[0]).Level.Location));
        Assert.Equal(["(8,8)-(8,12)", "(8,14)-(8,18)"], ((RefsClause)Rule.Clauses[1]).Refs.Select(r => Span(r.Location)));

        var loop = (ForClause)Rule.Clauses[2];
        Assert.Equal("(9,7)-(9,11)", Span(loop.Kind.Location));
        Assert.Equal("(9,12)-(9,13)", Span(loop.Variable.Location));
        Assert.Equal("(9,17)-(9,26)", Span(loop.Source!.Location));
        Assert.Equal("(9,33)-(9,41)", Span(loop.Where!.Location));
    }

    [Fact]
    public void Expressions_span_their_operands_and_members_keep_their_own_location()
    {
        var binding = (LetClause)Rule.Clauses[3];
        var path = (PathExpression)binding.Value;
        Assert.Equal("(10,11)-(10,48)", Span(path.Location));
        Assert.Equal("(10,16)-(10,22)", Span(path.From.Location));
        Assert.Equal("(10,30)-(10,47)", Span(path.Avoid!.Location));
        Assert.Equal("(10,36)-(10,37)", Span(path.Avoid.Variable.Location));

        var any = (QuantifierExpression)((ConditionClause)Rule.Clauses[4]).Condition;
        Assert.Equal("(11,11)-(11,43)", Span(any.Location));
        Assert.Equal("(11,15)-(11,16)", Span(any.Variable!.Location));
        Assert.Equal("(11,20)-(11,25)", Span(any.Source.Location));
        var comparison = (BinaryExpression)any.Where!;
        Assert.Equal("(11,32)-(11,42)", Span(comparison.Location));
        var negation = (UnaryExpression)comparison.Left;
        Assert.Equal("(11,32)-(11,37)", Span(negation.Location));
        var member = (MemberExpression)negation.Operand;
        Assert.Equal("(11,33)-(11,37)", Span(member.Location));
        Assert.Equal("(11,35)-(11,37)", Span(member.Member.Location));
        Assert.Equal("(11,41)-(11,42)", Span(comparison.Right.Location));
    }

    [Fact]
    public void Calls_and_indexers_end_at_their_closing_bracket()
    {
        var call = (CallExpression)Condition("has(a.os)");
        Assert.Equal("(1,22)-(1,31)", Span(call.Location));
        Assert.Equal("(1,22)-(1,25)", Span(call.Function.Location));
        Assert.Equal("(1,22)-(1,36)", Span(Condition("e.props[\"key\"]").Location));
        Assert.Equal("(1,22)-(1,31)", Span(Condition("[1, 2, 3]").Location));
        Assert.Equal("(1,22)-(1,31)", Span(Condition("count(xs)").Location));
    }
}
