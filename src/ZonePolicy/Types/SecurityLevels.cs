namespace ZonePolicy.Types;

/// <summary>
/// The seven foundational requirements of IEC 62443-3-3, in order, by the keys a topology and a catalogue
/// write them with: a security level may be given per FR as a vector, beside the scalar level.
/// </summary>
internal static class FoundationalRequirements
{
    /// <summary>FR 1 to FR 7: identification and authentication control, use control, system integrity, data confidentiality, restricted data flow, timely response to events, resource availability.</summary>
    public static readonly IReadOnlyList<string> Keys = ["iac", "uc", "si", "dc", "rdf", "tre", "ra"];

    public static bool IsKey(string key) => Keys.Contains(key, StringComparer.Ordinal);

    /// <summary>The keys as a message lists them.</summary>
    public static string Listed => string.Join(", ", Keys.Take(Keys.Count - 1)) + " or " + Keys[^1];
}
