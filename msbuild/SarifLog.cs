using System.Text;
using ZonePolicy.Reporting;

namespace ZonePolicy.MSBuild;

/// <summary>Writes the check's SARIF 2.1.0 log through the engine's SARIF reporter.</summary>
internal static class SarifLog
{
    public static void Write(CheckResult result, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Reporter.Write(result, ReportFormat.Sarif, writer);
    }
}
