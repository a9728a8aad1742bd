using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>
/// Finds the folder of a pack named on the command line: an existing folder is taken as is; a name is
/// looked up in the given pack folders, then under <c>rules/</c> of the current directory (a pack's
/// source tree, where its tests live), then beside the tool.
/// </summary>
internal static class PackLocator
{
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
        var suggestion = NameSuggestions.DidYouMean(nameOrFolder, known);
        var hint = suggestion.Length > 0 ? suggestion
            : known.Count > 0 ? $"; pass a pack folder or one of {string.Join(", ", known.Select(k => $"`{k}`"))}"
            : "; pass the pack's folder";
        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnknownPackOrFolder, SourceLocation.CommandLine, nameOrFolder, hint));
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
