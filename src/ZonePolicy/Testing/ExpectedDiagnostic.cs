using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>One line of an expectation file: a diagnostic id and the ids of the entities it is bound to.</summary>
internal sealed record ExpectedDiagnostic(string Id, IReadOnlyList<string> Entities, SourceLocation Location)
{
    public string Key => ViolationKey.Of(Id, Entities);
}

/// <summary>
/// The identity a fixture compares: the diagnostic id and its bound entities in <c>for</c> order, written
/// the way an expectation file states it (<c>RULE-ID a,b</c>).
/// </summary>
internal static class ViolationKey
{
    public static string Of(string id, IReadOnlyList<string> entities) =>
        entities.Count == 0 ? id : id + " " + string.Join(',', entities);

    public static string Of(Diagnostic diagnostic) => Of(diagnostic.Id, diagnostic.Entities);
}
