using System.Reflection;
using NuGet.Versioning;

namespace ZonePolicy.Packs;

/// <summary>The version of this engine, which a pack's <c>minEngineVersion</c> is compared with.</summary>
internal static class EngineVersion
{
    public static NuGetVersion Current { get; } = Read();

    private static NuGetVersion Read()
    {
        var assembly = typeof(EngineVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var plus = informational.IndexOf('+');
        var text = plus >= 0 ? informational[..plus] : informational;
        return NuGetVersion.TryParse(text, out var version) ? version : new NuGetVersion(assembly.GetName().Version ?? new Version(0, 0));
    }
}
