using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>Reads and loads one topology for a command that is not a check: through the input reader, as a check does.</summary>
internal static class SiteFile
{
    /// <summary>The site, or null with the diagnostics that say why; the file read joins <paramref name="inputs"/>.</summary>
    public static SiteModel? Load(string path, string? workingDirectory, List<Diagnostic> diagnostics, List<InputFile> inputs)
    {
        var read = InputReader.Read(path, path, InputKind.Topology, workingDirectory ?? Directory.GetCurrentDirectory());
        if (read.File is not { } file)
        {
            diagnostics.Add(read.Problem!);
            return null;
        }

        inputs.Add(file);
        var loaded = TopologyLoader.LoadBytes(file.Bytes, file.DisplayPath);
        diagnostics.AddRange(loaded.Diagnostics);
        return loaded.Model;
    }
}
