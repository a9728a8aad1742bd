using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>
/// Finds the folder of a pack named on the command line: an existing folder is taken as is; a name is
/// looked up in the given pack folders, then under <c>rules/</c> of the current directory (a pack's
/// source tree, where its tests live), then beside the tool.
/// </summary>
internal static class PackLocator
{
    public const string CommandLine = "<command-line>";

    /// <summary>The packs installed beside the tool.</summary>
    public static string ShippedPacks => Path.Combine(AppContext.BaseDirectory, "packs");

    public static string? Resolve(string nameOrFolder, IReadOnlyList<string> packDirectories, ICollection<Diagnostic> diagnostics)
    {
        if (Directory.Exists(nameOrFolder))
        {
            return nameOrFolder;
        }

        var searched = SearchFolders(packDirectories).ToList();
        foreach (var folder in searched)
        {
            var candidate = Path.Combine(folder, nameOrFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        var known = searched.Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var suggestion = NameSuggestions.Closest(nameOrFolder, known);
        var hint = suggestion is not null ? $"did you mean `{suggestion}`?"
            : known.Count > 0 ? $"pass a pack folder or one of {string.Join(", ", known.Select(k => $"`{k}`"))}"
            : "pass the pack's folder";
        diagnostics.Add(DiagnosticCatalog.Create(DiagnosticIds.UnknownPack, SourceLocation.None(CommandLine), $"no rule pack or folder `{nameOrFolder}` found; {hint}"));
        return null;
    }

    private static IEnumerable<string> SearchFolders(IReadOnlyList<string> packDirectories)
    {
        foreach (var folder in packDirectories)
        {
            yield return folder;
        }

        yield return "rules";
        yield return ShippedPacks;
    }
}
