using System.Security.Cryptography;
using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Findings;

/// <summary>
/// What makes a violation the same violation across runs: its rule id and the ids of its bound entities, in
/// <c>for</c> order. Lines and messages are no part of it, so it survives reformatting and rewording. Baselines
/// record it, waivers name it, SARIF's <c>partialFingerprints</c> carry its hash.
/// </summary>
internal readonly struct ViolationIdentity : IEquatable<ViolationIdentity>, IComparable<ViolationIdentity>
{
    // Unit separators cannot occur in an id (the schema refuses control characters), so the key is unambiguous.
    private const char Separator = '\u001f';

    private readonly string key;

    public ViolationIdentity(string rule, IEnumerable<string> entities)
    {
        Rule = rule;
        Entities = [.. entities];
        key = string.Join(Separator, [rule, .. Entities]);
    }

    public string Rule { get; }

    public IReadOnlyList<string> Entities { get; }

    /// <summary>The identity of a rule violation.</summary>
    public static ViolationIdentity Of(Diagnostic violation) => new(violation.Id, violation.Entities);

    /// <summary>A stable hash of the identity, as lower-case hex: SARIF's fingerprint of a result.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public bool Equals(ViolationIdentity other) => string.Equals(key, other.key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ViolationIdentity other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(key ?? "");

    public int CompareTo(ViolationIdentity other) => string.CompareOrdinal(key, other.key);

    public override string ToString() => $"{Rule}({string.Join(", ", Entities)})";

    public static bool operator ==(ViolationIdentity left, ViolationIdentity right) => left.Equals(right);

    public static bool operator !=(ViolationIdentity left, ViolationIdentity right) => !left.Equals(right);

    public static bool operator <(ViolationIdentity left, ViolationIdentity right) => left.CompareTo(right) < 0;

    public static bool operator >(ViolationIdentity left, ViolationIdentity right) => left.CompareTo(right) > 0;

    public static bool operator <=(ViolationIdentity left, ViolationIdentity right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ViolationIdentity left, ViolationIdentity right) => left.CompareTo(right) >= 0;
}
