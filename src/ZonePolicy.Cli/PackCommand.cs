using System.CommandLine;
using ZonePolicy.Packaging;

namespace ZonePolicy.Cli;

/// <summary><c>zpol pack &lt;folder&gt; [-o &lt;dir&gt;]</c>: tests a rule pack and, when its tests pass, builds its NuGet package.</summary>
internal static class PackCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The pack's folder, with its pack.json, rules, docs and tests",
        };
        var output = new Option<string?>("--output", "-o")
        {
            HelpName = "dir",
            Description = "The folder to write <name>.<version>.nupkg to (default: the current folder)",
        };
        var packDirectories = new Option<string[]>("--pack-dir")
        {
            HelpName = "dir",
            Description = "A folder of packs where the pack's dependencies are looked up for its tests; repeatable",
        };
        var trusted = new Option<string[]>("--trust")
        {
            HelpName = "pack",
            Description = "Lets the C# functions of this dependency run in the tests (the pack itself is trusted); repeatable",
        };
        var noFeeds = new Option<bool>("--no-feeds")
        {
            Description = "Looks dependencies up only in folders, never in a NuGet feed",
        };

        var command = new Command("pack", "Test a rule pack and, when every test passes, build its NuGet package (deterministic: the same pack gives the same bytes)");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(packDirectories);
        command.Options.Add(trusted);
        command.Options.Add(noFeeds);
        command.SetAction(parse =>
        {
            string InWorkingDirectory(string path) => Path.GetFullPath(Path.Combine(context.WorkingDirectory, path));
            var request = new PackagingRequest
            {
                Folder = InWorkingDirectory(parse.GetRequiredValue(folder)),
                OutputDirectory = InWorkingDirectory(parse.GetValue(output) ?? "."),
                PackDirectories = [.. (parse.GetValue(packDirectories) ?? []).Select(InWorkingDirectory)],
                TrustedPacks = parse.GetValue(trusted) ?? [],
                NuGetConfigDirectory = parse.GetValue(noFeeds) ? null : context.WorkingDirectory,
            };
            return PackPackaging.Run(request, parse.InvocationConfiguration.Output);
        });
        return command;
    }
}
