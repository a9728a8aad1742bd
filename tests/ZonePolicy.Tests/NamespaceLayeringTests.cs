using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ZonePolicy.Tests;

public sealed partial class NamespaceLayeringTests
{
    [Fact]
    public void The_engine_namespaces_depend_on_each_other_without_a_cycle()
    {
        var engine = Path.Combine(RepositoryRoot(), "src", "ZonePolicy");
        var dependencies = Directory.GetDirectories(engine)
            .Where(folder => Path.GetFileName(folder) is not ("bin" or "obj"))
            .ToDictionary(
                folder => Path.GetFileName(folder),
                folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                    .SelectMany(file => UsingEngineNamespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                    .Where(used => used != Path.GetFileName(folder))
                    .ToHashSet());

        foreach (var start in dependencies.Keys)
        {
            var path = Cycle(start, start, dependencies, []);
            Assert.True(path is null, $"namespace cycle: {string.Join(" -> ", path ?? [])}");
        }
    }

    private static List<string>? Cycle(string start, string current, Dictionary<string, HashSet<string>> dependencies, List<string> path)
    {
        path.Add(current);
        foreach (var next in dependencies.GetValueOrDefault(current) ?? [])
        {
            if (next == start)
            {
                return [.. path, next];
            }

            if (!path.Contains(next) && Cycle(start, next, dependencies, path) is { } found)
            {
                return found;
            }
        }

        path.RemoveAt(path.Count - 1);
        return null;
    }

    [GeneratedRegex(@"^using ZonePolicy\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex UsingEngineNamespace();

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
