namespace ZonePolicy.MSBuild;

/// <summary>Writes the check's SARIF 2.1.0 log through the engine's SARIF reporter.</summary>
internal static class SarifLog
{
    // The engine's SARIF reporter (ZonePolicy.Reporting) is not part of the engine yet; until it is,
    // asking for SARIF output fails loudly (ZP0901) rather than writing a file that is not SARIF.
    public static void Write(CheckResult result, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        throw new NotSupportedException($"SARIF output needs the engine's SARIF reporter; cannot write `{path}` for {result.Diagnostics.Count} diagnostics yet");
    }
}
