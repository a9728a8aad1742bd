using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Cli;

/// <summary>A rule file to format: how it is shown (as the user named it) and the real file behind that name.</summary>
internal sealed record RuleFileTarget(string Display, string RealPath);

/// <summary>
/// The <c>.zpol</c> files named on the command line, directly or as folders (every <c>.zpol</c> below them, in
/// ordinal order). Symbolic links are resolved as a check resolves them: a link to a file inside the folder it
/// was found in (for a file named directly, the folder that holds it) stands for that file, a link leading out
/// of it is ZP0320 and left alone, and links to folders are not descended into. A file reached twice is listed
/// once.
/// </summary>
internal static class RuleFileSet
{
    private const string Extension = ".zpol";

    public static (IReadOnlyList<RuleFileTarget> Files, IReadOnlyList<Diagnostic> Diagnostics) Collect(IReadOnlyList<string> arguments, string workingDirectory)
    {
        var files = new List<RuleFileTarget>();
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string display, string path, string root)
        {
            var real = RealPath.Resolve(path, workingDirectory);
            if (real is null)
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LinkLoop, SourceLocation.InFile(display), display));
            else if (!RealPath.IsWithin(real, root))
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RuleFileOutsideRoot, SourceLocation.InFile(display), display, real, root));
            else if (seen.Add(real))
                files.Add(new RuleFileTarget(display, real));
        }

        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument, workingDirectory);
            var display = Display(argument);
            if (Directory.Exists(full))
            {
                var root = RealPath.Resolve(full, workingDirectory) ?? full;
                foreach (var relative in FilesBelow(full))
                    Add(Display(Path.Join(argument, relative)), Path.Join(full, relative), root);
            }
            else if (File.Exists(full) || new FileInfo(full).LinkTarget is not null)
            {
                var folder = Path.GetDirectoryName(full)!;
                Add(display, full, RealPath.Resolve(folder, workingDirectory) ?? folder);
            }
            else
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.FileNotFound, SourceLocation.InFile(display), "rule file or folder", display));
            }
        }

        return (files, diagnostics);
    }

    /// <summary>The <c>.zpol</c> files below a folder, as paths relative to it, without entering linked folders.</summary>
    private static List<string> FilesBelow(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push("");
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            var directory = new DirectoryInfo(Path.Join(folder, relative));
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var path = Path.Join(relative, entry.Name);
                if (entry is DirectoryInfo subfolder)
                {
                    if (subfolder.LinkTarget is null)
                        pending.Push(path);
                }
                else if (entry.Name.EndsWith(Extension, StringComparison.Ordinal))
                {
                    found.Add(path);
                }
            }
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static string Display(string path) => path.Replace('\\', '/');
}
