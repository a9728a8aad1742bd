using NuGet.Versioning;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>
/// A pack asked for by name, with the versions accepted: from the command line or a project
/// (<c>name</c>, <c>name@1.2.0</c>, <c>name@[1.0.0, 2.0.0)</c>, <c>name@1.*</c>) or from a manifest's dependencies.
/// </summary>
internal sealed record PackRequirement(string Name, VersionRange Range, SourceLocation Location, string RequiredBy)
{
    /// <summary>Any version, preferring the newest stable one: a name given without a version.</summary>
    public static readonly VersionRange AnyVersion = VersionRange.Parse("*");

    /// <summary>True when the newest fitting version is wanted (a bare name, <c>1.*</c>); else the lowest, as NuGet picks.</summary>
    public bool PrefersNewest => Range.IsFloating;

    public string RangeText => Range.IsFloating ? Range.Float.ToString() : Range.ToNormalizedString();

    public override string ToString() => Range == AnyVersion ? Name : $"{Name}@{RangeText}";

    /// <summary>Reads <c>name</c> or <c>name@range</c>; null with the reason when the text is neither.</summary>
    public static PackRequirement? Parse(string text, SourceLocation location, string requiredBy, out string? problem)
    {
        problem = null;
        var at = text.IndexOf('@');
        var name = (at < 0 ? text : text[..at]).Trim();
        if (!PackManifestReader.IsValidName(name))
        {
            problem = $"`{text}` does not name a rule pack: write `name` or `name@version-range`, with a name of lowercase words joined by `-` or `.`";
            return null;
        }

        if (at < 0)
        {
            return new PackRequirement(name, AnyVersion, location, requiredBy);
        }

        var rangeText = text[(at + 1)..].Trim();
        if (!VersionRange.TryParse(rangeText, allowFloating: true, out var range))
        {
            problem = $"`{rangeText}` in `{text}` is not a version range: write `1.2.0` (1.2.0 or newer), `[1.2.0]` (exactly), `[1.0.0, 2.0.0)` or `1.*` (the newest 1.x)";
            return null;
        }

        return new PackRequirement(name, range, location, requiredBy);
    }
}
