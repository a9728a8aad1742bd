using Superpower.Display;

namespace ZonePolicy.Syntax;

/// <summary>
/// The kinds of token in a <c>.zpol</c> file. The attributes make syntax errors name tokens the way the
/// author writes them: <c>unexpected "}", expected "require" or "forbid"</c>.
/// </summary>
internal enum RuleToken
{
    [Token(Category = "identifier", Description = "identifier")]
    Identifier,

    /// <summary>A rule id such as <c>E187-OS-01</c>; only produced right after <c>rule</c>.</summary>
    [Token(Category = "rule id", Description = "rule id")]
    RuleId,

    [Token(Category = "string", Description = "string")]
    String,

    [Token(Category = "number", Description = "number")]
    Number,

    [Token(Category = "date", Description = "date")]
    Date,

    // Keywords

    [Token(Category = "keyword", Example = "pack")] Pack,
    [Token(Category = "keyword", Example = "version")] Version,
    [Token(Category = "keyword", Example = "title")] Title,
    [Token(Category = "keyword", Example = "import")] Import,
    [Token(Category = "keyword", Example = "param")] Param,
    [Token(Category = "keyword", Example = "let")] Let,
    [Token(Category = "keyword", Example = "rule")] Rule,
    [Token(Category = "keyword", Example = "severity")] Severity,
    [Token(Category = "keyword", Example = "category")] Category,
    [Token(Category = "keyword", Example = "refs")] Refs,
    [Token(Category = "keyword", Example = "help")] Help,
    [Token(Category = "keyword", Example = "sameAs")] SameAs,
    [Token(Category = "keyword", Example = "for")] For,
    [Token(Category = "keyword", Example = "in")] In,
    [Token(Category = "keyword", Example = "where")] Where,
    [Token(Category = "keyword", Example = "require")] Require,
    [Token(Category = "keyword", Example = "forbid")] Forbid,
    [Token(Category = "keyword", Example = "at")] At,
    [Token(Category = "keyword", Example = "message")] Message,
    [Token(Category = "keyword", Example = "and")] And,
    [Token(Category = "keyword", Example = "or")] Or,
    [Token(Category = "keyword", Example = "not")] Not,
    [Token(Category = "keyword", Example = "true")] True,
    [Token(Category = "keyword", Example = "false")] False,
    [Token(Category = "keyword", Example = "null")] Null,
    [Token(Category = "keyword", Example = "any")] Any,
    [Token(Category = "keyword", Example = "all")] All,
    [Token(Category = "keyword", Example = "none")] None,
    [Token(Category = "keyword", Example = "count")] Count,
    [Token(Category = "keyword", Example = "sum")] Sum,
    [Token(Category = "keyword", Example = "min")] Min,
    [Token(Category = "keyword", Example = "max")] Max,
    [Token(Category = "keyword", Example = "path")] Path,
    [Token(Category = "keyword", Example = "reachable")] Reachable,
    [Token(Category = "keyword", Example = "permittedPath")] PermittedPath,
    [Token(Category = "keyword", Example = "permittedReachable")] PermittedReachable,
    [Token(Category = "keyword", Example = "avoid")] Avoid,
    [Token(Category = "keyword", Example = "select")] Select,
    [Token(Category = "keyword", Example = "today")] Today,
    [Token(Category = "keyword", Example = "error")] Error,
    [Token(Category = "keyword", Example = "warning")] Warning,
    [Token(Category = "keyword", Example = "info")] Info,

    // Operators and punctuation

    [Token(Example = "==")] EqualEqual,
    [Token(Example = "!=")] NotEqual,
    [Token(Example = "<")] Less,
    [Token(Example = "<=")] LessOrEqual,
    [Token(Example = ">")] Greater,
    [Token(Example = ">=")] GreaterOrEqual,
    [Token(Example = "+")] Plus,
    [Token(Example = "-")] Minus,
    [Token(Example = "*")] Asterisk,
    [Token(Example = "/")] Slash,
    [Token(Example = "%")] Percent,
    [Token(Example = ".")] Dot,
    [Token(Example = ",")] Comma,
    [Token(Example = "(")] LParen,
    [Token(Example = ")")] RParen,
    [Token(Example = "[")] LBracket,
    [Token(Example = "]")] RBracket,
    [Token(Example = "{")] LBrace,
    [Token(Example = "}")] RBrace,
    [Token(Example = "=")] Assign,
}
