using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Topology;

/// <summary>
/// The first pass over a topology file: checks that it is UTF-8 JSON text and records where every
/// value starts (<see cref="JsonPositions"/>). Reports ZP0201 at the parser's line and column.
/// </summary>
internal static class JsonScanner
{
    /// <summary>Deeper than any topology needs; bounds every recursive walk over the document.</summary>
    public const int MaxDepth = 64;

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;

    /// <summary>Scans the text; null when it is not valid JSON (the reason is in <paramref name="diagnostics"/>).</summary>
    public static JsonPositions? Scan(SourceText text, List<Diagnostic> diagnostics)
    {
        var problem = FindEncodingProblem(text);
        if (problem is { } found)
        {
            diagnostics.Add(InvalidJson(text.Point(found.Offset), found.Message));
            return null;
        }

        var positions = new JsonPositions(text);
        var containers = new Container[MaxDepth + 1];
        var depth = 0;
        var afterPropertyName = false;
        var reader = new Utf8JsonReader(text.Bytes.Span, ReaderOptions);
        var valid = true;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers[depth++] = new Container(positions.Add(start), reader.TokenType == JsonTokenType.StartObject);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        positions.Close(containers[--depth].Node);
                        break;
                    case JsonTokenType.PropertyName:
                        valid &= CheckString(ref reader, text, start, diagnostics);
                        break;
                    case JsonTokenType.String:
                        valid &= CheckString(ref reader, text, start, diagnostics);
                        positions.Add(start);
                        break;
                    case JsonTokenType.Number:
                        valid &= CheckNumber(ref reader, text, start, diagnostics);
                        positions.Add(start);
                        break;
                    default:
                        positions.Add(start);
                        break;
                }

                afterPropertyName = reader.TokenType == JsonTokenType.PropertyName;
            }
        }
        catch (JsonException exception)
        {
            var offset = text.LineStart(exception.LineNumber ?? 0) + (int)(exception.BytePositionInLine ?? 0);
            var innermost = depth > 0 ? containers[depth - 1] : (Container?)null;
            var context = new JsonSyntaxContext(
                innermost is { } open ? open.IsObject : null,
                innermost is { } container ? text.LineOf(positions.Start(container.Node)) : 0,
                afterPropertyName,
                CharacterAt(text, offset));
            diagnostics.Add(InvalidJson(text.Point(offset), JsonSyntaxMessages.Rephrase(exception.Message, context)));
            return null;
        }

        return valid ? positions : null;
    }

    public static Diagnostic InvalidJson(SourceLocation location, string message) =>
        Diagnostic.Create(DiagnosticDescriptors.InvalidJson, location, message);

    /// <summary>Whether the file is empty, binary or not UTF-8 (what <see cref="Scan"/> reports first).</summary>
    public static bool HasEncodingProblem(SourceText text) => FindEncodingProblem(text) is not null;

    private static (int Offset, string Message)? FindEncodingProblem(SourceText text)
    {
        var bytes = text.Bytes.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (0, "the file is UTF-16 text; save it as UTF-8");
        }

        if (bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8) < 0)
        {
            return (0, "the file is empty; a topology is a JSON object like `{ \"schemaVersion\": \"1\" }`");
        }

        var nul = bytes.IndexOf((byte)0);
        var invalid = Utf8.IsValid(bytes) ? -1 : FirstInvalidUtf8(bytes);
        if (nul >= 0 && (invalid < 0 || nul < invalid))
        {
            return (nul, "the file is binary, not text (it contains a NUL byte)");
        }

        if (invalid >= 0)
        {
            return (invalid, $"byte 0x{bytes[invalid]:X2} is not UTF-8 text; save the file as UTF-8");
        }

        return null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    // An escaped string can still be unreadable (`\ud800` alone); every later pass may then decode it safely.
    private static bool CheckString(ref Utf8JsonReader reader, SourceText text, int start, List<Diagnostic> diagnostics)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            diagnostics.Add(InvalidJson(text.Point(start), "a string contains a `\\u` escape of an unpaired surrogate"));
            return false;
        }
    }

    // Numbers are read as decimal or long; one beyond decimal's range cannot be represented (nor compared).
    private static bool CheckNumber(ref Utf8JsonReader reader, SourceText text, int start, List<Diagnostic> diagnostics)
    {
        if (reader.TryGetDecimal(out _))
        {
            return true;
        }

        var shown = Encoding.UTF8.GetString(reader.ValueSpan);
        diagnostics.Add(InvalidJson(
            text.Span(start, start + reader.ValueSpan.Length),
            $"the number `{MessageText.Show(shown)}` is out of range; numbers must lie within ±79228162514264337593543950335"));
        return false;
    }

    private static string? CharacterAt(SourceText text, int offset)
    {
        var bytes = text.Bytes.Span;
        if (offset < 0 || offset >= bytes.Length)
        {
            return null;
        }

        return Rune.DecodeFromUtf8(bytes[offset..], out var rune, out _) == System.Buffers.OperationStatus.Done
            ? rune.ToString()
            : null;
    }

    private readonly record struct Container(int Node, bool IsObject);
}
