namespace ZonePolicy.Tests.Testing;

/// <summary>A pack folder in the temp directory, deleted when disposed.</summary>
internal sealed class TempPack : IDisposable
{
    public TempPack(string name = "demo-pack")
    {
        Root = Path.Combine(Path.GetTempPath(), "zpol-tests-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, name);
        Directory.CreateDirectory(Folder);
        Write("rules.zpol", "pack demo.pack version \"1.0.0\"\n");
    }

    public string Root { get; }

    public string Folder { get; }

    public string Tests => Path.Combine(Folder, "tests");

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Adds tests/&lt;name&gt;.json and tests/&lt;name&gt;.expect.</summary>
    public string Fixture(string name, string expect)
    {
        Write($"tests/{name}.expect", expect);
        return Write($"tests/{name}.json", "{ \"schemaVersion\": \"1\" }\n");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
