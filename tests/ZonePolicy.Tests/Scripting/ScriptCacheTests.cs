using System.Security.Cryptography;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Scripting;

/// <summary>Compiled scripts are kept on disk by content hash, checked for damage, and found again without compiling.</summary>
public sealed class ScriptCacheTests
{
    private const string Rules = """
        rule FW-01 "reports what f says" {
          severity warning
          for asset a where a.id == "plc-1"
          require false
          message "{a}: {f(a.id)}"
        }

        """;

    private static readonly string Functions = ScriptPack.Function("f", "int", "id: string");

    [Fact]
    public void A_second_check_runs_the_cached_assembly_without_compiling_and_a_damaged_one_is_compiled_again()
    {
        using var pack = new ScriptPack(Functions, "static long f(string id) => 1;\n", Rules);
        using var other = new ScriptPack(Functions, "static long f(string id) => 2;\n", Rules);
        Assert.Equal(["FW-01 3: plc-1: 1"], pack.Check().Lines());
        Assert.Equal(["FW-01 3: plc-1: 2"], other.Check().Lines());
        var entry = Assert.Single(Directory.GetFiles(pack.Cache, "*.dll"));
        var otherAssembly = File.ReadAllBytes(Assert.Single(Directory.GetFiles(other.Cache, "*.dll")));

        // The entry now holds another script's assembly with a matching hash: a check that uses it has not compiled.
        File.WriteAllBytes(entry, otherAssembly);
        File.WriteAllText(Path.ChangeExtension(entry, ".sha256"), Convert.ToHexStringLower(SHA256.HashData(otherAssembly)) + "\n");
        Assert.Equal(["FW-01 3: plc-1: 2"], pack.Check().Lines());

        // Bytes that do not match their hash are not loaded: the script is compiled again and the entry repaired.
        var damaged = File.ReadAllBytes(entry);
        damaged[^1] ^= 0xFF;
        File.WriteAllBytes(entry, damaged);
        using var fresh = new ScriptPack(Functions, "static long f(string id) => 1;\n", Rules);
        Directory.CreateDirectory(fresh.Cache);
        File.Copy(entry, Path.Combine(fresh.Cache, Path.GetFileName(entry)));
        File.Copy(Path.ChangeExtension(entry, ".sha256"), Path.Combine(fresh.Cache, Path.GetFileName(Path.ChangeExtension(entry, ".sha256"))));
        Assert.Equal(["FW-01 3: plc-1: 1"], fresh.Check().Lines());
        var repaired = File.ReadAllBytes(Path.Combine(fresh.Cache, Path.GetFileName(entry)));
        Assert.Equal(File.ReadAllText(Path.Combine(fresh.Cache, Path.GetFileName(Path.ChangeExtension(entry, ".sha256")))).Trim(), Convert.ToHexStringLower(SHA256.HashData(repaired)));
    }

    [Fact]
    public void An_edited_script_gets_an_entry_of_its_own()
    {
        using var pack = new ScriptPack(Functions, "static long f(string id) => 1;\n", Rules);
        Assert.Equal(["FW-01 3: plc-1: 1"], pack.Check().Lines());

        File.WriteAllText(pack.Script, "static long f(string id) => 3;\n");

        Assert.Equal(["FW-01 3: plc-1: 3"], pack.Check().Lines());
        Assert.Equal(2, Directory.GetFiles(pack.Cache, "*.dll").Length);
    }

    [Fact]
    public void A_cache_folder_others_can_write_to_is_not_used()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var pack = new ScriptPack(Functions, "static long f(string id) => 1;\n", Rules);
        Directory.CreateDirectory(pack.Cache);
        File.SetUnixFileMode(pack.Cache, (UnixFileMode)0b111_111_111);

        Assert.Equal(["FW-01 3: plc-1: 1"], pack.Check().Lines());
        Assert.Empty(Directory.GetFiles(pack.Cache));
    }
}
