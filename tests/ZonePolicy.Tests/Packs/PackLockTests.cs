using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Packs;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Packs;

/// <summary>The pack lock file: written deterministically, preferred on the next run, enforced in locked mode.</summary>
public sealed class PackLockTests : IDisposable
{
    private readonly TempWorkspace workspace = new();
    private readonly string site;
    private readonly string lockFile;

    public PackLockTests()
    {
        site = workspace.Write("site.json", PackFolders.Site);
        lockFile = Path.Combine(workspace.Root, "zonepolicy.lock.json");
        PackFolders.Write(workspace, "packs-a", "acme-common", "1.0.0");
        PackFolders.Write(workspace, "packs-a", "acme-plant", "1.0.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0" });
        PackFolders.Write(workspace, "packs-b", "acme-plant", "1.2.0", new Dictionary<string, string> { ["acme-common"] = "1.0.0" });
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_lock_file_records_every_pack_chosen_in_a_stable_form()
    {
        var result = Check(["acme-plant"], PackLockMode.Update);

        Assert.Equal([PackFolders.RuleId("acme-common", "1.0.0"), PackFolders.RuleId("acme-plant", "1.2.0")], result.Ids());
        Assert.Equal("""
            {
              "version": 1,
              "packs": {
                "acme-common": {
                  "type": "transitive",
                  "resolved": "1.0.0",
                  "source": "folder"
                },
                "acme-plant": {
                  "type": "direct",
                  "requested": "*",
                  "resolved": "1.2.0",
                  "source": "folder",
                  "dependencies": [
                    "acme-common@[1.0.0, )"
                  ]
                }
              }
            }

            """.ReplaceLineEndings("\n"), File.ReadAllText(lockFile));
    }

    [Fact]
    public void A_later_run_prefers_the_locked_version_while_it_still_fits()
    {
        Check(["acme-plant@[1.0.0]"], PackLockMode.Update);
        var locked = File.ReadAllText(lockFile).Replace("\"requested\": \"[1.0.0, 1.0.0]\"", "\"requested\": \"*\"", StringComparison.Ordinal);
        File.WriteAllText(lockFile, locked);

        var result = Check(["acme-plant"], PackLockMode.Auto);

        Assert.Contains(PackFolders.RuleId("acme-plant", "1.0.0"), result.Ids());
        Assert.Equal(locked, File.ReadAllText(lockFile));
    }

    [Fact]
    public void Locked_mode_refuses_a_resolution_that_would_change_the_lock_file_and_leaves_it_alone()
    {
        Check(["acme-plant@[1.0.0]"], PackLockMode.Update);
        var before = File.ReadAllText(lockFile);

        var result = Check(["acme-plant@1.1.0"], PackLockMode.Locked);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PackLockOutOfDate, diagnostic.Id);
        Assert.Equal(
            $"the packs resolved differ from the lock file `{lockFile}` (`acme-plant` 1.2.0 (folder) instead of 1.0.0 (folder)); in locked mode the lock file is not changed: update it by running without `--locked`, and commit it",
            diagnostic.Message);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, File.ReadAllText(lockFile));
        Assert.DoesNotContain(Check(["acme-plant@[1.0.0]"], PackLockMode.Locked).Diagnostics, d => d.Id.StartsWith("ZP", StringComparison.Ordinal));
    }

    [Fact]
    public void Locked_mode_without_a_lock_file_is_an_error()
    {
        var result = Check(["acme-plant"], PackLockMode.Locked);

        Assert.Equal([DiagnosticIds.PackLockOutOfDate], result.Ids());
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public void Packs_from_folders_only_write_no_lock_file_unless_asked_to()
    {
        Check(["acme-plant"], PackLockMode.Auto);

        Assert.False(File.Exists(lockFile));
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"packs\": { \"acme-plant\": 3 } }", 1, 28, "the entry for `acme-plant` is not an object with `type`, `resolved` and `source`")]
    [InlineData("{ \"version\": 2 }", 1, 1, "its format version 2 is not 1; delete it and run again to write a new one")]
    [InlineData("{ \"version\": 1, ", 1, 17, "invalid JSON")]
    public void An_unusable_lock_file_is_ZP0355_at_the_problem(string text, int line, int column, string reason)
    {
        File.WriteAllText(lockFile, text);

        var result = Check(["acme-plant"], PackLockMode.Auto);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.InvalidPackLock);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.StartsWith($"the pack lock file `{lockFile}` cannot be used: {reason}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_paths_resolve_against_the_working_directory_and_keep_their_spelling()
    {
        // The process runs elsewhere (the test's output folder): only the request's working directory finds these.
        PackFolders.Write(workspace, "roots", "acme-site", "1.0.0", new Dictionary<string, string> { ["acme-plant"] = "[1.0.0, 2.0.0)" });

        var result = CheckInWorkspace();

        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "locks", "zonepolicy.lock.json")));
        var refused = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticIds.OutputNotWritable, "locks/zonepolicy.lock.json"), (refused.Id, refused.Location.File));
        Assert.Equal(
            [DiagnosticIds.OutputNotWritable, PackFolders.RuleId("acme-common", "1.0.0"), PackFolders.RuleId("acme-plant", "1.0.0"), PackFolders.RuleId("acme-site", "1.0.0")],
            result.Ids());

        Directory.CreateDirectory(Path.Combine(workspace.Root, "locks"));
        var again = CheckInWorkspace();

        Assert.DoesNotContain(again.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("\"acme-plant\": {\n      \"type\": \"transitive\",\n      \"resolved\": \"1.0.0\",\n      \"source\": \"folder\"",
            File.ReadAllText(Path.Combine(workspace.Root, "locks", "zonepolicy.lock.json")), StringComparison.Ordinal);

        CheckResult CheckInWorkspace() =>
            PolicyEngine.Check(new CheckRequest
            {
                TopologyFiles = ["site.json"],
                RuleSources = ["roots/acme-site"],
                PackDirectories = ["packs-a"],
                LockFile = "locks/zonepolicy.lock.json",
                LockMode = PackLockMode.Update,
                WorkingDirectory = workspace.Root,
            });
    }

    [Fact]
    public void The_lock_file_is_never_written_over_a_file_the_check_read()
    {
        var manifest = Path.Combine(workspace.Root, "packs-b", "acme-plant", "pack.json");
        var link = Path.Combine(workspace.Root, "site-link.json");
        File.CreateSymbolicLink(link, site);
        var before = (File.ReadAllText(site), File.ReadAllText(manifest));

        // An input named as the lock file is read as one first, and is no lock file.
        foreach (var target in new[] { "site.json", "site-link.json", "packs-b/acme-plant/pack.json" })
        {
            var result = PolicyEngine.Check(new CheckRequest
            {
                TopologyFiles = [site],
                Packs = ["acme-plant"],
                PackDirectories = ["packs-a", "packs-b"],
                LockFile = target,
                LockMode = PackLockMode.Update,
                WorkingDirectory = workspace.Root,
            });

            var refused = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal((DiagnosticIds.InvalidPackLock, target), (refused.Id, refused.Location.File));
        }

        Assert.Equal(before, (File.ReadAllText(site), File.ReadAllText(manifest)));

        // Whatever leads there, the write itself refuses every input but the lock file it read.
        File.WriteAllText(lockFile, "{}\n");
        var inputs = new CheckInputs(new CheckRequest { WorkingDirectory = workspace.Root }, new DiagnosticBag());
        inputs.Read("site.json", "site.json", InputKind.Topology);
        var lockRead = inputs.Read(lockFile, "zonepolicy.lock.json", InputKind.PackLock);
        var overInput = new PackLockUpdate(link, "site-link.json", "{}\n", Read: null).Write(inputs.Files);
        var overLock = new PackLockUpdate(lockFile, "zonepolicy.lock.json", "{ }\n", lockRead).Write(inputs.Files);

        Assert.Equal((DiagnosticIds.OutputOverwritesInput, "`site-link.json` is the input file `site.json` of this check; write to another file"), (overInput?.Id, overInput?.Message));
        Assert.Null(overLock);
        Assert.Equal(before.Item1, File.ReadAllText(site));
        Assert.Equal("{ }\n", File.ReadAllText(lockFile));
    }

    private CheckResult Check(IReadOnlyList<string> packs, PackLockMode mode) =>
        PolicyEngine.Check(new CheckRequest
        {
            TopologyFiles = [site],
            Packs = packs,
            PackDirectories = [Path.Combine(workspace.Root, "packs-a"), Path.Combine(workspace.Root, "packs-b")],
            LockFile = lockFile,
            LockMode = mode,
        });
}
