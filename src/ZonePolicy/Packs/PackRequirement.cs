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

    /// <summary>Reads <c>name</c> or <c>name@range</c>; null, with a ZP0311, when the text is neither.</summary>
    public static PackRequirement? Parse(string text, SourceLocation location, string requiredBy, DiagnosticBag diagnostics)
    {
        var at = text.IndexOf('@');
        var name = (at < 0 ? text : text[..at]).Trim();
        if (!PackManifestReader.IsValidName(name))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPackRequest, location, text);
            return null;
        }

        if (at < 0)
        {
            return new PackRequirement(name, AnyVersion, location, requiredBy);
        }

        var rangeText = text[(at + 1)..].Trim();
        if (!VersionRange.TryParse(rangeText, allowFloating: true, out var range))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPackRange, location, rangeText, text);
            return null;
        }

        return new PackRequirement(name, range, location, requiredBy);
    }
}
