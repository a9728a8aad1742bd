using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Packs;

/// <summary>
/// A rule pack's identity and interface, read from the <c>pack.json</c> at its root: what NuGet's
/// <c>.nuspec</c> is to a package, plus the C# functions the pack declares for its rules.
/// </summary>
internal sealed class PackManifest
{
    public const string FileName = "pack.json";

    /// <summary>The manifest file as diagnostics show it.</summary>
    public required string File { get; init; }

    /// <summary>The file as read, when the manifest was read from one.</summary>
    public InputFile? Input { get; init; }

    /// <summary>The pack's name: lowercase words joined by <c>-</c> or <c>.</c>; also its package id.</summary>
    public required string Name { get; init; }

    public required NuGetVersion Version { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>An SPDX licence expression (<c>Apache-2.0</c>, <c>MIT OR Apache-2.0</c>).</summary>
    public required string License { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required IReadOnlyList<PackStandard> Standards { get; init; }

    /// <summary>The lowest engine version that can run the pack.</summary>
    public required NuGetVersion MinEngineVersion { get; init; }

    public IReadOnlyList<PackDependency> Dependencies { get; init; } = [];

    public IReadOnlyList<ScriptFunctionDeclaration> Functions { get; init; } = [];

    public string? ProjectUrl { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where each top-level property's value is, for diagnostics about it.</summary>
    public required IReadOnlyDictionary<string, SourceLocation> Locations { get; init; }

    /// <summary>The name as a rule file's <c>pack</c> header writes it: dotted identifiers.</summary>
    public string HeaderName => Name.Replace('-', '.');

    public SourceLocation LocationOf(string property) =>
        Locations.TryGetValue(property, out var location) ? location : SourceLocation.InFile(File);

    public override string ToString() => $"{Name} {Version.ToNormalizedString()}";
}

/// <summary>A standard or guideline the pack follows.</summary>
internal sealed record PackStandard(string Name, string? Title, string? Url);

/// <summary>A pack this one builds on, with the versions it accepts (NuGet's range syntax).</summary>
internal sealed record PackDependency(string Name, VersionRange Range, SourceLocation Location);
