using Superpower.Model;

namespace ZonePolicy.Syntax;

/// <summary>A <c>// line</c> or <c>/* block */</c> comment as written, with its span; the tokenizer skips it as trivia.</summary>
internal readonly record struct Comment(TextSpan Span, bool IsBlock);
