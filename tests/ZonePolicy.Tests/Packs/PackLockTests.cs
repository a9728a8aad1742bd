using ZonePolicy.Diagnostics;
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
