using System.Text;
using System.Text.Json;
using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Topology;

namespace ZonePolicy.Packs;

/// <summary>One pack recorded in a lock file: the version chosen, where it came from, and for a package its content hash.</summary>
internal sealed record PackLockEntry(string Name, bool Direct, string? Requested, NuGetVersion? Version, string Source, string? ContentHash, IReadOnlyList<string> Dependencies)
{
    public string VersionText => Version?.ToNormalizedString() ?? "unversioned";

    public override string ToString() => $"{Name} {VersionText} ({Source})";
}

/// <summary>
/// A lock file to write: written when the check has read all its inputs, so that it never replaces one of them
/// (ZP0318) but the lock file it <paramref name="Read"/> as such.
/// </summary>
internal sealed record PackLockUpdate(string Path, string Display, string Text, InputFile? Read)
{
    public Diagnostic? Write(IReadOnlyList<InputFile> inputs) =>
        OutputFile.Write(Path, Display, [.. inputs.Where(input => !ReferenceEquals(input, Read))], stream => stream.Write(Encoding.UTF8.GetBytes(Text)));
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

    /// <summary>
    /// The entries of the lock file at the full path <paramref name="path"/>, named <paramref name="display"/> in
    /// diagnostics; null when it does not exist or cannot be used (then with a diagnostic that says why).
    /// </summary>
    public static IReadOnlyList<PackLockEntry>? Read(string path, string display, CheckInputs inputs, DiagnosticBag diagnostics, out InputFile? file)
    {
        file = NativeFiles.StatusOf(path).Kind == FileKind.Missing ? null : inputs.Read(path, display, InputKind.PackLock);
        return file is null ? null : Parse(file.Bytes, display, diagnostics);
    }

    private static List<PackLockEntry>? Parse(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        var text = new SourceText(display, JsonScanner.WithoutBom(bytes));
        var scanned = new List<Diagnostic>();
        if (bytes.Length == 0 || JsonScanner.Scan(text, scanned) is not { } positions)
        {
            var location = scanned.Count > 0 ? scanned[0].Location : SourceLocation.At(display, 1, 1);
            Invalid(diagnostics, location, display, scanned.Count > 0 ? scanned[0].Message : "the file is empty");
            return null;
        }

        using var document = JsonDocument.Parse(text.Bytes, JsonScanner.DocumentOptions);
        var root = new PositionedJson(document.RootElement, JsonPositions.Root, positions);
        if (root.Kind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            Invalid(diagnostics, root.Location, display, "it is not an object with a `version` and `packs`");
            return null;
        }

        if (number != FormatVersion)
        {
            Invalid(diagnostics, root.Location, display, $"its format version {number} is not {FormatVersion}; delete it and run again to write a new one");
            return null;
        }

        var entries = new List<PackLockEntry>();
        foreach (var property in root.Properties().Where(p => p.Name == "packs"))
        {
            if (property.Value.Kind != JsonValueKind.Object)
            {
                Invalid(diagnostics, property.Value.Location, display, "`packs` must be an object");
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
                    Invalid(diagnostics, pack.KeyLocation, display, $"the entry for `{pack.Name}` is not an object with `type`, `resolved` and `source`");
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
