using ZonePolicy.Diagnostics;

namespace ZonePolicy;

/// <summary>
/// A severity set for a rule or engine id: the level as written (<c>error</c>, <c>warning</c>, <c>suggestion</c>,
/// <c>silent</c>, <c>none</c>, <c>default</c>, or <c>info</c>), and where it was written, which a diagnostic
/// about it points at. The engine reads the level, so every host accepts the same words.
/// </summary>
public sealed record SeveritySetting(string Id, string Level, SourceLocation Location);
