using System.Text;
using System.Text.Json;
using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Packs;

/// <summary>One pack recorded in a lock file: the version chosen, where it came from, and for a package its content hash.</summary>
internal sealed record PackLockEntry(string Name, bool Direct, string? Requested, NuGetVersion? Version, string Source, string? ContentHash, IReadOnlyList<string> Dependencies)
{
    public string VersionText => Version?.ToNormalizedString() ?? "unversioned";

    public override string ToString() => $"{Name} {VersionText} ({Source})";
}

/// <summary>
/// The pack lock file (<c>zonepolicy.lock.json</c>), NuGet's <c>packages.lock.json</c> for packs: the version
/// of every pack a check resolved, direct or through dependencies, so that the next run picks the same
/// ones without asking a feed, and CI can refuse a run that would pick others (locked mode).
/// </summary>
internal static class PackLockFile
{
    public const string DefaultFileName = "zonepolicy.lock.json";
    private const int FormatVersion = 1;

    /// <summary>The entries of a lock file; null when it does not exist or cannot be read (then with a ZP0355).</summary>
    public static IReadOnlyList<PackLockEntry>? Read(string path, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = BoundedFile.Read(path, PackManifestReader.MaxSize, out var problem);
        if (bytes is null)
        {
            diagnostics.Add(DiagnosticDescriptors.PackLockNotReadable, SourceLocation.InFile(path), path, problem);
            return null;
        }

        var text = new SourceText(path, JsonScanner.WithoutBom(bytes));
        var scanned = new List<Diagnostic>();
        if (bytes.Length == 0 || JsonScanner.Scan(text, scanned) is not { } positions)
        {
            var location = scanned.Count > 0 ? scanned[0].Location : SourceLocation.At(path, 1, 1);
            Invalid(diagnostics, location, path, scanned.Count > 0 ? scanned[0].Message : "the file is empty");
            return null;
        }

        using var document = JsonDocument.Parse(text.Bytes, JsonScanner.DocumentOptions);
        var root = new PositionedJson(document.RootElement, JsonPositions.Root, positions);
        if (root.Kind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            Invalid(diagnostics, root.Location, path, "it is not an object with a `version` and `packs`");
            return null;
        }

        if (number != FormatVersion)
        {
            Invalid(diagnostics, root.Location, path, $"its format version {number} is not {FormatVersion}; delete it and run again to write a new one");
            return null;
        }

        var entries = new List<PackLockEntry>();
        foreach (var property in root.Properties().Where(p => p.Name == "packs"))
        {
            if (property.Value.Kind != JsonValueKind.Object)
            {
                Invalid(diagnostics, property.Value.Location, path, "`packs` must be an object");
                return null;
            }

            foreach (var pack in property.Value.Properties())
            {
                if (Entry(pack) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    Invalid(diagnostics, pack.KeyLocation, path, $"the entry for `{pack.Name}` is not an object with `type`, `resolved` and `source`");
                    return null;
                }
            }
        }

        return entries;
    }

    /// <summary>The lock file's text for these entries: sorted, indented, LF line ends, the same bytes for the same packs.</summary>
    public static string Render(IEnumerable<PackLockEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("packs");
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject(entry.Name);
                writer.WriteString("type", entry.Direct ? "direct" : "transitive");
                if (entry.Requested is { } requested)
                {
                    writer.WriteString("requested", requested);
                }

                writer.WriteString("resolved", entry.VersionText);
                writer.WriteString("source", entry.Source);
                if (entry.ContentHash is { } hash)
                {
                    writer.WriteString("contentHash", hash);
                }

                if (entry.Dependencies.Count > 0)
                {
                    writer.WriteStartArray("dependencies");
                    foreach (var dependency in entry.Dependencies.Order(StringComparer.Ordinal))
                    {
                        writer.WriteStringValue(dependency);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the text beside the file and moves it in place, so a reader never sees half a file.</summary>
    public static bool Write(string path, string text, DiagnosticBag diagnostics)
    {
        var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticDescriptors.PackLockNotWritable, SourceLocation.InFile(path), path, exception.Message);
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the temporary file is beside the lock file, where the user sees it.
        }
    }

    private static PackLockEntry? Entry(PositionedProperty pack)
    {
        if (pack.Value.Kind != JsonValueKind.Object)
        {
            return null;
        }

        var element = pack.Value.Element;
        var type = StringOf(element, "type");
        var resolved = StringOf(element, "resolved");
        var source = StringOf(element, "source");
        if (type is not ("direct" or "transitive") || resolved is null || source is null)
        {
            return null;
        }

        NuGetVersion? version = null;
        if (resolved != "unversioned" && !NuGetVersion.TryParse(resolved, out version))
        {
            return null;
        }

        var dependencies = element.TryGetProperty("dependencies", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()!).ToList()
            : [];
        return new PackLockEntry(pack.Name, type == "direct", StringOf(element, "requested"), version, source, StringOf(element, "contentHash"), dependencies);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Invalid(DiagnosticBag diagnostics, SourceLocation location, string path, string reason) =>
        diagnostics.Add(DiagnosticDescriptors.InvalidPackLock, location, path, reason);
}
