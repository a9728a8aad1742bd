using Superpower.Model;

namespace ZonePolicy.Syntax;

/// <summary>A problem the tokenizer found in the text, with the span of the offending characters.</summary>
internal readonly record struct LexicalError(string Id, string Message, TextSpan Span);
