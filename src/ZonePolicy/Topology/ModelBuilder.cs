using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Builds the site model from a document that matches the schema. A first pass creates every entity
/// and registers its id (ZP0204 on a duplicate); a second stores the attribute values in their slots
/// and resolves references to entities (ZP0203 when one names an unknown id or an entity of the wrong
/// kind). Keys, ids and repeated values are read from the raw UTF-8 without allocating.
/// </summary>
internal sealed class ModelBuilder
{
    // Suggestions compare an unknown id with every id of its kind; a file full of dangling references
    // would otherwise cost a comparison per pair.
    private const int SuggestionBudget = 100;

    private readonly JsonPositions positions;
    private readonly List<Diagnostic> diagnostics;
    private readonly ValuePool pool = new();
    private readonly Dictionary<string, Registered> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Registered>.AlternateLookup<ReadOnlySpan<char>> idsBySpan;
    private readonly List<Entity>[] entities = EntityKinds.All.Select(_ => new List<Entity>()).ToArray();
    private readonly List<Waiver> waivers = [];
    private readonly List<Attestation> attestations = [];
    private SourceLocation? attestationsLocation;
    private readonly ModelRelations relations = new();
    private readonly List<PathSegment> path = [];
    private readonly char[] keyBuffer = new char[128];
    private readonly char[] valueBuffer = new char[512];
    private int suggestionsLeft = SuggestionBudget;
    private bool failed;

    private ModelBuilder(JsonPositions positions, List<Diagnostic> diagnostics)
    {
        this.positions = positions;
        this.diagnostics = diagnostics;
        idsBySpan = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The model, or null when the document has errors (added to <paramref name="diagnostics"/>).</summary>
    public static SiteModel? Build(JsonElement root, JsonPositions positions, List<Diagnostic> diagnostics)
    {
        var builder = new ModelBuilder(positions, diagnostics);
        builder.RegisterAll(root);
        builder.ReadAll(root);
        var byKind = builder.entities.Select(list => (IReadOnlyList<Entity>)list).ToArray();
        if (!builder.failed)
        {
            var levels = new List<Diagnostic>();
            SecurityLevelVectors.Complete(byKind, builder.pool, levels);
            diagnostics.AddRange(levels);
            builder.failed = levels.Count > 0;
        }

        if (builder.failed)
        {
            return null;
        }

        ModelIndexer.Index(byKind, builder.relations);
        return new SiteModel(positions.Text.File, byKind, builder.waivers)
        {
            Attestations = builder.attestations,
            AttestationsLocation = builder.attestationsLocation ?? positions.StartOf(JsonPositions.Root),
            SiteId = SiteText(root, "id"),
            SiteName = SiteText(root, "name"),
        };
    }

    /// <summary>A text of the top-level <c>site</c> object, which names the site but holds no entity.</summary>
    private static string? SiteText(JsonElement root, string name) =>
        root.TryGetProperty("site", out var site) && site.ValueKind == JsonValueKind.Object
        && site.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private void RegisterAll(JsonElement root)
    {
        var node = JsonPositions.FirstChild(JsonPositions.Root);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                if (EntityKinds.TryParseCollection(property.Name, out var kind))
                {
                    RegisterEntities(kind, property.Value, node);
                }
                else if (property.NameEquals("waivers"))
                {
                    RegisterRecords(property.Value, node, "waiver");
                }
                else if (property.NameEquals("attestations"))
                {
                    RegisterRecords(property.Value, node, "attestation");
                }
            }

            node = positions.NextSibling(node);
        }
    }

    private void RegisterEntities(EntityKind kind, JsonElement array, int arrayNode)
    {
        var shape = TopologySchema.For(kind);
        var list = entities[(int)kind];
        list.EnsureCapacity(list.Count + array.GetArrayLength());
        var node = JsonPositions.FirstChild(arrayNode);
        foreach (var element in array.EnumerateArray())
        {
            var (id, idNode) = FindId(element, node);
            var entity = new Entity(shape, id ?? string.Empty, positions.StartOf(node));
            if (id is not null)
            {
                Register(id, idNode, new Registered(entity, list.Count, kind.Keyword(), 0));
            }

            list.Add(entity);
            node = positions.NextSibling(node);
        }
    }

    /// <summary>Registers the optional ids of waivers or attestations, which share the file's one id space.</summary>
    private void RegisterRecords(JsonElement array, int arrayNode, string what)
    {
        var node = JsonPositions.FirstChild(arrayNode);
        foreach (var element in array.EnumerateArray())
        {
            if (FindId(element, node) is ({ } id, var idNode))
            {
                Register(id, idNode, new Registered(null, -1, what, 0));
            }

            node = positions.NextSibling(node);
        }
    }

    private (string? Id, int Node) FindId(JsonElement element, int node)
    {
        var child = JsonPositions.FirstChild(node);
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("id"u8))
            {
                return (property.Value.GetString(), child);
            }

            child = positions.NextSibling(child);
        }

        return (null, -1);
    }

    private void Register(string id, int idNode, Registered entry)
    {
        var line = positions.Text.LineOf(positions.Start(idNode));
        if (ids.TryGetValue(id, out var first))
        {
            Report(DiagnosticDescriptors.DuplicateId, positions.ValueSpan(idNode), MessageText.Show(id), first.What, first.Line);
            return;
        }

        ids.Add(id, entry with { Line = line });
    }

    private void ReadAll(JsonElement root)
    {
        var next = new int[EntityKinds.All.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var node = JsonPositions.FirstChild(JsonPositions.Root);
        var ordinal = 0;
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                DuplicateKey(JsonPositions.Root, ordinal, property.Name);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                if (EntityKinds.TryParseCollection(property.Name, out var kind))
                {
                    ReadEntities(kind, property.Value, node, next);
                }
                else if (property.NameEquals("waivers"))
                {
                    ReadRecords("waivers", property.Value, node, ReadWaiver, waivers);
                }
                else if (property.NameEquals("attestations"))
                {
                    attestationsLocation = positions.KeySpan(JsonPositions.Root, ordinal);
                    ReadRecords("attestations", property.Value, node, ReadAttestation, attestations);
                }
            }

            node = positions.NextSibling(node);
            ordinal++;
        }
    }

    private void ReadEntities(EntityKind kind, JsonElement array, int arrayNode, int[] next)
    {
        var list = entities[(int)kind];
        var node = JsonPositions.FirstChild(arrayNode);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var ordinal = next[(int)kind]++;
            var entity = list[ordinal];
            path.Add(new PathSegment(kind.CollectionName(), -1));
            path.Add(new PathSegment(null, index++));
            ReadObject(entity.Shape, entity.Values, element, node, new Owner(entity, ordinal), isEntity: true);
            path.RemoveRange(path.Count - 2, 2);
            node = positions.NextSibling(node);
        }
    }

    private void ReadObject(Shape shape, object?[] values, JsonElement element, int node, Owner owner, bool isEntity)
    {
        var readers = AttributeReaders.For(shape);
        Span<bool> seen = stackalloc bool[shape.SlotCount];
        var child = JsonPositions.FirstChild(node);
        var ordinal = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (readers.TryGet(KeyChars(property), out var reader))
            {
                var slot = reader.Definition.Slot;
                if (seen[slot])
                {
                    DuplicateKey(node, ordinal, reader.Definition.Name);
                }
                else
                {
                    seen[slot] = true;
                    if (!isEntity || slot != EntityShape.IdSlot)
                    {
                        values[slot] = Read(reader, property.Value, child, owner);
                    }
                }
            }

            child = positions.NextSibling(child);
            ordinal++;
        }

        foreach (var reader in readers.WithDefaults)
        {
            values[reader.Definition.Slot] ??= reader.Definition.Default;
        }
    }

    private object? Read(AttributeReader reader, JsonElement value, int node, Owner owner) => reader.Form switch
    {
        ValueForm.String => value.ValueKind == JsonValueKind.String ? pool.String(ValueChars(value)) : null,
        ValueForm.Integer => ReadInteger(reader, value, node),
        ValueForm.Decimal => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null,
        ValueForm.Bool => ReadBool(value),
        ValueForm.Date => ReadDate(reader.Definition.Name, value, node),
        ValueForm.Reference => Resolve(reader, value, node, owner),
        ValueForm.ReferenceList => ReadReferences(reader, value, node, owner),
        ValueForm.Record => ReadRecord(reader, value, node, owner),
        ValueForm.RecordList => ReadRecords(reader, value, node, owner),
        ValueForm.StringList => ReadStrings(value),
        ValueForm.Props => ReadProps(value, node),
        _ => null,
    };

    private object? ReadInteger(AttributeReader reader, JsonElement value, int node)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetInt64(out var integer))
        {
            return pool.Integer(integer);
        }

        // The schema's `integer` also admits 3.0 and 1e2.
        if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
        {
            return pool.Integer((long)number);
        }

        Report(DiagnosticDescriptors.IntegerTooLarge, positions.ValueSpan(node), Pointer(reader.Definition.Name), MessageText.Show(value.GetRawText()));
        return null;
    }

    private static object? ReadBool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => ValuePool.True,
        JsonValueKind.False => ValuePool.False,
        _ => null,
    };

    private object? ReadDate(string attribute, JsonElement value, int node)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = ValueChars(value);
        if (TryParseDate(text, out var date))
        {
            return pool.Date(date);
        }

        Report(DiagnosticDescriptors.InvalidCalendarDate, positions.ValueSpan(node), Pointer(attribute), MessageText.Show(text));
        return null;
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private Entity? Resolve(AttributeReader reader, JsonElement value, int node, Owner owner)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var id = ValueChars(value);
        if (!idsBySpan.TryGetValue(id, out var target))
        {
            UnknownReference(reader, id.ToString(), node, owner);
            return null;
        }

        if (target.Entity is not { } entity || entity.Kind != reader.Target)
        {
            var actual = target.Entity is { } other ? WithArticle(other.Kind) : (target.What == "waiver" ? "a waiver" : "an attestation");
            Report(DiagnosticDescriptors.WrongKindReference, positions.ValueSpan(node), Describe(owner), reader.Definition.Name, MessageText.Show(id), actual, WithArticle(reader.Target));
            return null;
        }

        relations.Add(reader.Relation, owner.Ordinal, target.Ordinal);
        return entity;
    }

    private void UnknownReference(AttributeReader reader, string id, int node, Owner owner)
    {
        var suggestion = "";
        if (suggestionsLeft > 0)
        {
            suggestionsLeft--;
            suggestion = NameSuggestions.DidYouMean(id, entities[(int)reader.Target].Select(entity => entity.Id));
        }

        Report(DiagnosticDescriptors.InvalidReference, positions.ValueSpan(node), Describe(owner), reader.Definition.Name, Noun(reader.Target), MessageText.Show(id), suggestion);
    }

    private Entity?[]? ReadReferences(AttributeReader reader, JsonElement value, int node, Owner owner)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var references = value.GetArrayLength() == 0 ? [] : new Entity?[value.GetArrayLength()];
        var child = JsonPositions.FirstChild(node);
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            references[index++] = Resolve(reader, element, child, owner);
            child = positions.NextSibling(child);
        }

        return references;
    }

    private RecordValue? ReadRecord(AttributeReader reader, JsonElement value, int node, Owner owner)
    {
        path.Add(new PathSegment(reader.Definition.Name, -1));
        var record = ReadRecordAt(reader.Record!, value, node, owner);
        path.RemoveAt(path.Count - 1);
        return record;
    }

    private RecordValue?[]? ReadRecords(AttributeReader reader, JsonElement value, int node, Owner owner)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var records = value.GetArrayLength() == 0 ? [] : new RecordValue?[value.GetArrayLength()];
        var child = JsonPositions.FirstChild(node);
        var index = 0;
        path.Add(new PathSegment(reader.Definition.Name, -1));
        foreach (var element in value.EnumerateArray())
        {
            path.Add(new PathSegment(null, index));
            records[index++] = ReadRecordAt(reader.Record!, element, child, owner);
            path.RemoveAt(path.Count - 1);
            child = positions.NextSibling(child);
        }

        path.RemoveAt(path.Count - 1);
        return records;
    }

    private RecordValue? ReadRecordAt(RecordShape shape, JsonElement value, int node, Owner owner)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var record = new RecordValue(shape, positions.StartOf(node));
        ReadObject(shape, record.Values, value, node, owner, isEntity: false);
        return record;
    }

    private string?[]? ReadStrings(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var strings = value.GetArrayLength() == 0 ? [] : new string?[value.GetArrayLength()];
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            strings[index++] = element.ValueKind == JsonValueKind.String ? pool.String(ValueChars(element)) : null;
        }

        return strings;
    }

    private Dictionary<string, object?>? ReadProps(JsonElement value, int node)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ordinal = 0;
        path.Add(new PathSegment("props", -1));
        foreach (var property in value.EnumerateObject())
        {
            var key = pool.String(KeyChars(property));
            if (!props.TryAdd(key, ReadPropValue(property.Value)))
            {
                DuplicateKey(node, ordinal, key);
            }

            ordinal++;
        }

        path.RemoveAt(path.Count - 1);
        return props;
    }

    private object? ReadPropValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => pool.String(ValueChars(value)),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => pool.Integer(integer),
        JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
        JsonValueKind.True => ValuePool.True,
        JsonValueKind.False => ValuePool.False,
        _ => null,
    };

    /// <summary>Reads the waivers or attestations of a top-level array, each one that is complete into <paramref name="into"/>.</summary>
    private void ReadRecords<T>(string collection, JsonElement array, int arrayNode, Func<JsonElement, int, T?> read, List<T> into)
        where T : class
    {
        var node = JsonPositions.FirstChild(arrayNode);
        var index = 0;
        path.Add(new PathSegment(collection, -1));
        foreach (var element in array.EnumerateArray())
        {
            path.Add(new PathSegment(null, index++));
            if (read(element, node) is { } record)
            {
                into.Add(record);
            }

            path.RemoveAt(path.Count - 1);
            node = positions.NextSibling(node);
        }

        path.RemoveAt(path.Count - 1);
    }

    private Waiver? ReadWaiver(JsonElement element, int node)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? id = null, rule = null, reason = null, approvedBy = null;
        IReadOnlyList<string>? targets = null;
        object? expires = null;
        EachProperty(element, node, (name, value, child) =>
        {
            switch (name)
            {
                case "id": id = value.GetString(); break;
                case "rule": rule = value.GetString(); break;
                case "reason": reason = value.GetString(); break;
                case "approvedBy": approvedBy = value.GetString(); break;
                case "targets": targets = ReadStrings(value)?.OfType<string>().ToArray(); break;
                case "expires": expires = ReadDate("expires", value, child); break;
            }
        });

        return rule is null || targets is null || reason is null || approvedBy is null || expires is not DateOnly expiry
            ? null
            : new Waiver(id, rule, targets, reason, approvedBy, expiry, positions.StartOf(node));
    }

    private Attestation? ReadAttestation(JsonElement element, int node)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? id = null, clause = null, status = null, evidence = null, owner = null;
        object? date = null, expires = null;
        var dateNode = node;
        EachProperty(element, node, (name, value, child) =>
        {
            switch (name)
            {
                case "id": id = value.GetString(); break;
                case "clause": clause = value.GetString(); break;
                case "status": status = value.GetString(); break;
                case "evidence": evidence = value.GetString(); break;
                case "owner": owner = value.GetString(); break;
                case "date": date = ReadDate("date", value, child); dateNode = child; break;
                case "expires": expires = ReadDate("expires", value, child); break;
            }
        });

        if (clause is null || evidence is null || owner is null || date is not DateOnly from || expires is not DateOnly until)
        {
            return null;
        }

        if (from > until)
        {
            Report(DiagnosticDescriptors.AttestationDatedAfterExpiry, positions.ValueSpan(dateNode), MessageText.Show(clause), from, until);
            return null;
        }

        var state = status switch
        {
            "not-met" => AttestationStatus.NotMet,
            "not-applicable" => AttestationStatus.NotApplicable,
            _ => AttestationStatus.Met,
        };
        return new Attestation(id, clause, state, evidence, owner, from, until, positions.StartOf(node));
    }

    /// <summary>Hands each property of an object to <paramref name="read"/> with its value's node; a repeated key is ZP0202.</summary>
    private void EachProperty(JsonElement element, int node, Action<string, JsonElement, int> read)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var child = JsonPositions.FirstChild(node);
        var ordinal = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                DuplicateKey(node, ordinal, property.Name);
            }
            else
            {
                read(property.Name, property.Value, child);
            }

            child = positions.NextSibling(child);
            ordinal++;
        }
    }

    private void DuplicateKey(int objectNode, int ordinal, string key) =>
        Report(DiagnosticDescriptors.DuplicateKey, positions.KeySpan(objectNode, ordinal), Prefix(Pointer()), MessageText.Show(key));

    private void Report(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments)
    {
        failed = true;
        diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
    }

    private ReadOnlySpan<char> KeyChars(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Length <= keyBuffer.Length && raw.IndexOf((byte)'\\') < 0
            ? keyBuffer.AsSpan(0, Encoding.UTF8.GetChars(raw, keyBuffer))
            : property.Name;
    }

    private ReadOnlySpan<char> ValueChars(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        raw = raw[1..^1];
        return raw.Length <= valueBuffer.Length && raw.IndexOf((byte)'\\') < 0
            ? valueBuffer.AsSpan(0, Encoding.UTF8.GetChars(raw, valueBuffer))
            : value.GetString();
    }

    private string Pointer(string? attribute = null)
    {
        var builder = new StringBuilder();
        foreach (var segment in path)
        {
            builder.Append('/');
            if (segment.Name is { } name)
            {
                builder.Append(JsonPointerText.Escape(name));
            }
            else
            {
                builder.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (attribute is not null)
        {
            builder.Append('/').Append(JsonPointerText.Escape(attribute));
        }

        return MessageText.OneLine(builder.ToString());
    }

    private static string Prefix(string pointer) => pointer.Length == 0 ? string.Empty : pointer + ": ";

    private static string Describe(Owner owner) => $"{owner.Entity.Kind.Keyword()} `{MessageText.Show(owner.Entity.Id)}`";

    private static string Noun(EntityKind kind) => kind == EntityKind.Data ? "data item" : kind.Keyword();

    private static string WithArticle(EntityKind kind) =>
        (kind is EntityKind.Asset or EntityKind.Operation ? "an " : "a ") + Noun(kind);

    /// <summary>An id's first use: the entity (null for a waiver), its ordinal within its kind, what it is and its line.</summary>
    private readonly record struct Registered(Entity? Entity, int Ordinal, string What, int Line);

    /// <summary>The entity whose attributes are being read, with its ordinal within its kind.</summary>
    private readonly record struct Owner(Entity Entity, int Ordinal);

    /// <summary>A step of the JSON pointer to the value being read: a key, or an array index when the name is null.</summary>
    private readonly record struct PathSegment(string? Name, int Index);
}
