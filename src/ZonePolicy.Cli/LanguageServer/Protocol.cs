using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZonePolicy.Cli.LanguageServer;

// The Language Server Protocol types of the subset `zpol lsp` serves (LSP 3.17), named as the specification
// names them. Positions are 0-based lines and UTF-16 character offsets.

internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record Location(string Uri, Range Range);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

internal sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record ReferenceContext(bool IncludeDeclaration);

internal sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context);

internal sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

internal sealed record FormattingOptions(int TabSize, bool InsertSpaces);

internal sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options);

internal sealed record WorkspaceFolder(string Uri, string Name);

internal sealed record InitializeParams(int? ProcessId, string? RootUri, string? RootPath, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record ServerInfo(string Name, string Version);

internal sealed record ServerCapabilities
{
    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    public required CompletionOptions CompletionProvider { get; init; }

    public bool HoverProvider { get; init; } = true;

    public bool DefinitionProvider { get; init; } = true;

    public bool ReferencesProvider { get; init; } = true;

    public bool DocumentSymbolProvider { get; init; } = true;

    public required CodeActionOptions CodeActionProvider { get; init; }

    public bool DocumentFormattingProvider { get; init; }
}

/// <summary>Full sync: each change carries the whole text (kind 1); open and close are reported; saves without text.</summary>
internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool Save);

internal sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);

internal sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);

internal sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
}

internal sealed record CodeDescription(string Href);

internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

internal sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

internal sealed record CompletionItem(string Label, int Kind)
{
    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? SortText { get; init; }
}

/// <summary>The completion item kinds used: from the specification's CompletionItemKind.</summary>
internal static class CompletionItemKinds
{
    public const int Function = 3;
    public const int Field = 5;
    public const int Variable = 6;
    public const int Class = 7;
    public const int Property = 10;
    public const int Value = 12;
    public const int Enum = 13;
    public const int Keyword = 14;
    public const int Constant = 21;
}

internal sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

internal sealed record Hover(MarkupContent Contents, Range? Range);

internal sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange)
{
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

/// <summary>The symbol kinds used: from the specification's SymbolKind.</summary>
internal static class SymbolKinds
{
    public const int File = 1;
    public const int Module = 2;
    public const int Package = 4;
    public const int Class = 5;
    public const int Function = 12;
    public const int Variable = 13;
    public const int Constant = 14;
    public const int Event = 24;
}

internal sealed record TextEdit(Range Range, string NewText);

/// <summary>
/// A diagnostic the client sends back in a code action request: ours, or another tool's for the same text,
/// whose code may be a number and whose severity and source may be missing.
/// </summary>
internal sealed record ContextDiagnostic(Range Range, string Message)
{
    public int? Severity { get; init; }

    public JsonElement? Code { get; init; }

    public string? Source { get; init; }
}

internal sealed record CodeActionContext(IReadOnlyList<ContextDiagnostic> Diagnostics);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

internal sealed record CodeAction(string Title, string Kind, IReadOnlyList<ContextDiagnostic> Diagnostics, WorkspaceEdit Edit)
{
    public bool IsPreferred { get; init; }
}

internal sealed record LogMessageParams(int Type, string Message);

/// <summary>The serializer settings of every LSP message: camelCase names, no null members.</summary>
internal static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a request's parameters strictly: a missing member or a null where the type has none is an error too.</summary>
    private static readonly JsonSerializerOptions Strict = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The parameters of a request as <typeparamref name="T"/>, or an invalid-params error (-32602) that says what is wrong.</summary>
    public static T Read<T>(JsonElement parameters)
        where T : class
    {
        try
        {
            return parameters.Deserialize<T>(Strict) ?? throw new JsonException("the parameters are null");
        }
        catch (JsonException e)
        {
            throw new StreamJsonRpc.LocalRpcException($"invalid parameters: {e.Message}") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        }
    }
}
