using System.Globalization;
using System.Text;
using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// Builds the site model from a topology's JSON tokens, storing every value in the tables of its shape as
/// it is read: strings and numbers are decoded from the raw UTF-8 without allocating when they were seen
/// before, and every id and repeated value is held once.
/// <para>
/// It reads in one of two ways. <see cref="TryRead"/> is one pass that also checks every token against the
/// compiled schema and defers references to ids not seen yet; it gives up, with no diagnostic, at the first
/// thing it cannot vouch for (a schema mismatch or a doubt, a duplicate id or key, a dangling reference, a
/// value it cannot store). <see cref="ReadReporting"/> reads a file that JsonSchema.Net found valid the way
/// the model has always been built: a first pass registers every id (ZP0204 on a duplicate), a second
/// stores the values and resolves each reference on the spot (ZP0203), reporting every problem it meets.
/// </para>
/// </summary>
internal sealed class TopologyReader
{
    // Suggestions compare an unknown id with every id of its kind; a file full of dangling references
    // would otherwise cost a comparison per pair.
    private const int SuggestionBudget = 100;

    // How many ids a checking read registers together (see RegisterQueued).
    private const int QueuedIdLimit = 64;

    private readonly SourceText text;
    private readonly List<Diagnostic>? diagnostics;
    private readonly TopologyLayout layout = TopologyLayout.Instance;
    private readonly ModelTables model = new();
    private readonly RecordTable[] records;
    private readonly int[] nextOrdinal = new int[EntityKinds.All.Count];
    private readonly ValuePool pool;
    private readonly Utf8StringTable idTable;
    private readonly List<int> firstUses;
    private readonly List<QueuedId> queuedIds = new(QueuedIdLimit);

    // Where the slots RegisterQueued reads ahead go, so that the reads are not left out as unused.
    private long touchedSlots;
    private readonly List<PendingReference> pending = [];
    private readonly List<Waiver> waivers = [];
    private readonly List<Attestation> attestations = [];
    private int? attestationsStart;
    private readonly List<PathSegment> path = [];
    private readonly ScratchLists<Entity?> entityLists = new();
    private readonly ScratchLists<(int Index, string Id)> deferredLists = new();
    private readonly ScratchLists<RecordValue?> recordLists = new();
    private readonly ScratchLists<string?> stringLists = new();
    private readonly char[] charBuffer = new char[512];
    private byte[] byteBuffer = new byte[512];
    private readonly byte[] nameBuffer = new byte[Utf8NameTable.MaxNameLength];
    private int suggestionsLeft = SuggestionBudget;
    private string? siteId;
    private string? siteName;
    private bool stopped;

    private TopologyReader(SourceText text, List<Diagnostic>? diagnostics)
    {
        this.text = text;
        this.diagnostics = diagnostics;

        // Room for about one id per 192 bytes (a flow takes about 200 on its line, an asset 800), so the tables
        // of a large file are not copied as they grow.
        idTable = new Utf8StringTable(text.Length / 192);
        firstUses = new List<int>(text.Length / 192);
        pool = model.Pool;
        records = [.. layout.RecordShapes.Select(model.Records)];
    }

    private bool Checking => diagnostics is null;

    /// <summary>
    /// The model of a file that matches the schema and is free of mistakes, read and checked in one pass; null
    /// when the file needs a closer look (then nothing is known about it: it may still be valid).
    /// </summary>
    public static SiteModel? TryRead(SourceText text)
    {
        var reader = new TopologyReader(text, null);
        var json = new Utf8JsonReader(text.Bytes.Span, JsonScanner.ReaderOptions);
        try
        {
            reader.ReadDocument(ref json);
            if (reader.stopped || json.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        reader.RegisterQueued();
        return !reader.stopped && reader.ResolvePending() ? reader.Finish() : null;
    }

    /// <summary>
    /// The model of a file that JsonSchema.Net found valid, or null with every mistake in
    /// <paramref name="diagnostics"/>: duplicate ids and keys, dangling and wrong-kind references, impossible
    /// dates, integers too large.
    /// </summary>
    public static SiteModel? ReadReporting(SourceText text, List<Diagnostic> diagnostics)
    {
        var reader = new TopologyReader(text, diagnostics);
        var before = diagnostics.Count;
        var registration = new Utf8JsonReader(text.Bytes.Span, JsonScanner.ReaderOptions);
        reader.RegisterAll(ref registration);
        var json = new Utf8JsonReader(text.Bytes.Span, JsonScanner.ReaderOptions);
        reader.ReadDocument(ref json);
        return diagnostics.Count > before ? null : reader.Finish();
    }

    private SiteModel? Finish()
    {
        if (!SecurityLevelVectors.Complete(model, (descriptor, offset, arguments) => Report(descriptor, text.Point(offset), arguments)))
        {
            return null;
        }

        model.Seal(text);
        ModelIndexer.Index(model);
        return new SiteModel(text.File, model, waivers)
        {
            Attestations = attestations,
            AttestationsLocation = attestationsStart is { } start ? text.Point(start) : SourceLocation.At(text.File, 1, 1),
            SiteId = siteId,
            SiteName = siteName,
        };
    }

    // The first pass of a reporting read: every entity's row and id, and every waiver's and attestation's id, in file order.
    private void RegisterAll(ref Utf8JsonReader json)
    {
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var index = layout.Root.PropertyNames.IndexOf(ref json, nameBuffer);
            json.Read();
            if (index >= 0 && json.TokenType == JsonTokenType.StartArray && layout.Keys[index] is TopLevelKey.Entities or TopLevelKey.Waivers or TopLevelKey.Attestations)
            {
                var kind = layout.Keys[index] == TopLevelKey.Entities ? layout.Kinds[index] : (EntityKind?)null;
                var record = layout.Keys[index] == TopLevelKey.Attestations ? RecordKind.Attestation : RecordKind.Waiver;
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    var table = kind is { } entityKind ? model.Entities(entityKind) : null;
                    var row = table?.Add((int)json.TokenStartIndex) ?? -1;
                    RegisterFirstId(ref json, table, row, record);
                }
            }
            else
            {
                json.Skip();
            }
        }
    }

    // Registers the value of an object's first `id` key; the reader ends on the object's last token.
    private void RegisterFirstId(ref Utf8JsonReader json, EntityTable? table, int row, RecordKind record)
    {
        var found = false;
        var depth = json.CurrentDepth;
        while (json.Read() && json.CurrentDepth > depth)
        {
            if (json.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isId = !found && json.ValueTextEquals("id"u8);
            json.Read();
            if (isId && json.TokenType == JsonTokenType.String)
            {
                found = true;
                Register(ref json, table, row, record);
            }
            else
            {
                json.Skip();
            }
        }
    }

    // Registers the id the reader is on for an entity (or, without a table, a waiver or attestation); a duplicate is ZP0204.
    private void Register(ref Utf8JsonReader json, EntityTable? table, int row, RecordKind record = RecordKind.Waiver)
    {
        var bytes = ValueBytes(ref json);
        var hash = Utf8StringTable.Hash(bytes);
        var owner = new IdOwner(row, table is null ? -1 - (int)record : (int)table.Kind);
        if (Checking && !json.ValueIsEscaped)
        {
            // A checking read gives up at a duplicate without saying where, so the id can join the table a little later.
            queuedIds.Add(new QueuedId((int)json.TokenStartIndex, bytes.Length, hash, owner.Packed));
            table?.Set(EntityShape.IdSlot, row, Encoding.UTF8.GetString(bytes));
            if (queuedIds.Count == QueuedIdLimit)
            {
                RegisterQueued();
            }

            return;
        }

        RegisterQueued();
        var first = idTable.Find(bytes, hash, out var packed);
        if (first < 0)
        {
            idTable.Add(bytes, hash, owner.Packed);
            firstUses.Add((int)json.TokenStartIndex);
            table?.Set(EntityShape.IdSlot, row, Encoding.UTF8.GetString(bytes));
            return;
        }

        var duplicate = idTable[first];
        table?.Set(EntityShape.IdSlot, row, duplicate);
        var firstUse = IdOwner.Unpack(packed);
        var what = firstUse.Kind is { } firstKind ? firstKind.Keyword() : (firstUse.Record == RecordKind.Attestation ? "attestation" : "waiver");
        Report(DiagnosticDescriptors.DuplicateId, ValueSpan(ref json), MessageText.Show(duplicate), what, text.LineOf(firstUses[first]));
    }

    // The ids queued by a checking read join the table together: each lands in a random place of a table far
    // larger than the processor's caches, and touching all their places first lets the processor wait for them
    // at once instead of one after the other between the tokens of their entities.
    private void RegisterQueued()
    {
        if (queuedIds.Count == 0)
        {
            return;
        }

        var touched = 0L;
        foreach (var queued in queuedIds)
        {
            touched ^= idTable.Touch(queued.Hash);
        }

        touchedSlots = touched;
        var bytes = text.Bytes.Span;
        foreach (var queued in queuedIds)
        {
            var id = bytes.Slice(queued.TokenStart + 1, queued.Length);
            if (idTable.Find(id, queued.Hash, out _) >= 0)
            {
                Stop();
                break;
            }

            idTable.Add(id, queued.Hash, queued.Owner);
            firstUses.Add(queued.TokenStart);
        }

        queuedIds.Clear();
    }

    private void ReadDocument(ref Utf8JsonReader json)
    {
        json.Read();
        var schema = layout.Root;
        if (!Accepts(schema, ref json) || json.TokenType != JsonTokenType.StartObject)
        {
            Stop();
            return;
        }

        Span<bool> seen = stackalloc bool[schema.PropertyNames.Count];
        var required = 0UL;
        while (!stopped && json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var key = TokenSpan.Of(ref json);
            if (DeclaredKey(schema, ref json) is not (var index and >= 0))
            {
                return;
            }

            if (seen[index])
            {
                DuplicateKey(key, schema.PropertyNames[index]);
                json.Skip();
            }
            else
            {
                seen[index] = true;
                required |= SchemaMatcher.RequiredBit(index);
                ReadTopLevel(ref json, index);
            }
        }

        if (Checking && !schema.HasRequired(required))
        {
            Stop();
        }
    }

    // The index of the key the reader is on among the schema's declared keys, the reader moved on to its
    // value; -1 (and the read stopped) for a key that does not decode or is not declared: the top-level
    // object and every entity and nested object (ObjectLayout makes sure) take none, as JsonSchema.Net has said.
    // The key before it in the same object (-1 for the first) is a guess at which it is.
    private int DeclaredKey(SchemaMatcher schema, ref Utf8JsonReader json, int previous = -1)
    {
        var index = Checking && !SchemaMatcher.TokenIsReadable(ref json) ? -1 : schema.PropertyNames.IndexOf(ref json, nameBuffer, previous);
        json.Read();
        if (index < 0)
        {
            Stop();
        }

        return index;
    }

    private void ReadTopLevel(ref Utf8JsonReader json, int index)
    {
        switch (layout.Keys[index])
        {
            case TopLevelKey.Entities:
                ReadEntities(ref json, layout.Kinds[index], layout.Root.Property(index), layout.Entities[index]!);
                break;
            case TopLevelKey.Waivers:
                ReadRecords(ref json, layout.Root.Property(index), "waivers", layout.Waivers, ReadWaiver, waivers);
                break;
            case TopLevelKey.Attestations:
                attestationsStart = (int)json.TokenStartIndex;
                ReadRecords(ref json, layout.Root.Property(index), "attestations", layout.Attestations, ReadAttestation, attestations);
                break;
            case TopLevelKey.Site:
                ReadSite(ref json, layout.Root.Property(index));
                break;
            default:
                CheckOnly(ref json, layout.Root.Property(index));
                break;
        }
    }

    private void ReadEntities(ref Utf8JsonReader json, EntityKind kind, SchemaMatcher arraySchema, ObjectLayout items)
    {
        if (!Accepts(arraySchema, ref json) || json.TokenType != JsonTokenType.StartArray)
        {
            Stop();
            json.Skip();
            return;
        }

        var table = model.Entities(kind);
        path.Add(new PathSegment(kind.CollectionName(), -1));
        var index = 0;
        while (!stopped && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (!Accepts(items.Schema, ref json) || json.TokenType != JsonTokenType.StartObject)
            {
                Stop();
                json.Skip();
            }
            else
            {
                var row = Checking ? table.Add((int)json.TokenStartIndex) : nextOrdinal[(int)kind]++;
                path.Add(new PathSegment(null, index));
                ReadObject(ref json, items, table, row, new Owner(table, row), isEntity: true);
                path.RemoveAt(path.Count - 1);
            }

            index++;
        }

        path.RemoveAt(path.Count - 1);
        if (Checking && !arraySchema.AcceptsItemCount(index))
        {
            Stop();
        }
    }

    private void ReadObject(ref Utf8JsonReader json, ObjectLayout objectLayout, RowTable table, int row, Owner owner, bool isEntity)
    {
        var schema = objectLayout.Schema;
        Span<bool> seenSlots = stackalloc bool[table.Shape.SlotCount];
        var seenKeys = 0UL;
        var previous = -1;
        while (!stopped && json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var key = TokenSpan.Of(ref json);
            if (DeclaredKey(schema, ref json, previous) is not (var index and >= 0))
            {
                return;
            }

            previous = index;

            seenKeys |= SchemaMatcher.RequiredBit(index);
            var valueSchema = schema.Property(index);
            if (objectLayout.Readers[index] is not { } reader)
            {
                CheckOnly(ref json, valueSchema);
                continue;
            }

            var slot = reader.Definition.Slot;
            if (seenSlots[slot])
            {
                DuplicateKey(key, reader.Definition.Name);
                json.Skip();
            }
            else if (isEntity && slot == EntityShape.IdSlot)
            {
                seenSlots[slot] = true;
                ReadId(ref json, valueSchema, owner);
            }
            else
            {
                seenSlots[slot] = true;
                Read(ref json, reader, valueSchema, objectLayout.Children[index], owner, table, row);
            }
        }

        if (Checking && !schema.HasRequired(seenKeys))
        {
            Stop();
        }

        foreach (var reader in objectLayout.WithDefaults)
        {
            if (table.Get(reader.Definition.Slot, row) is null)
            {
                table.Set(reader.Definition.Slot, row, reader.Definition.Default);
            }
        }
    }

    // In a checking read an entity's id is registered as it is met; a reporting read registered it before.
    private void ReadId(ref Utf8JsonReader json, SchemaMatcher schema, Owner owner)
    {
        if (!Checking)
        {
            return;
        }

        if (!schema.AcceptsToken(ref json) || json.TokenType != JsonTokenType.String)
        {
            Stop();
            return;
        }

        Register(ref json, owner.Table, owner.Row);
    }

    // Stores one attribute's value in the row: a scalar by its pool code, a reference by the row it names.
    private void Read(ref Utf8JsonReader json, AttributeReader reader, SchemaMatcher schema, ObjectLayout? children, Owner owner, RowTable table, int row)
    {
        if (!Accepts(schema, ref json))
        {
            Stop();
            return;
        }

        var slot = reader.Definition.Slot;
        switch (reader.Form)
        {
            case ValueForm.String when json.TokenType == JsonTokenType.String:
                table.SetCode(slot, row, pool.StringCode(ValueBytes(ref json)));
                break;
            case ValueForm.Integer when json.TokenType == JsonTokenType.Number:
                table.SetCode(slot, row, ReadInteger(ref json, reader));
                break;
            case ValueForm.Decimal when json.TokenType == JsonTokenType.Number:
                table.SetCode(slot, row, json.TryGetDecimal(out var number) ? pool.DecimalCode(number) : ValuePool.NullCode);
                break;
            case ValueForm.Bool when json.TokenType is JsonTokenType.True or JsonTokenType.False:
                table.SetCode(slot, row, ValuePool.BoolCode(json.TokenType == JsonTokenType.True));
                break;
            case ValueForm.Date when json.TokenType == JsonTokenType.String:
                table.SetCode(slot, row, ReadDate(ref json, reader.Definition.Name));
                break;
            case ValueForm.Reference when json.TokenType == JsonTokenType.String:
                var target = Resolve(ref json, reader, owner, out var id);
                if (target >= 0)
                {
                    table.SetOrdinal(slot, row, target);
                }
                else if (id is not null)
                {
                    pending.Add(new PendingReference(id, reader.Target, new ReferenceTarget(table, row, slot, null, 0)));
                }

                break;
            case ValueForm.ReferenceList when json.TokenType == JsonTokenType.StartArray:
                table.Set(slot, row, ReadReferences(ref json, reader, schema, owner));
                break;
            case ValueForm.Record:
                path.Add(new PathSegment(reader.Definition.Name, -1));
                if (ReadRecord(ref json, children, owner) is { } record)
                {
                    table.SetOrdinal(slot, row, record);
                }

                path.RemoveAt(path.Count - 1);
                break;
            case ValueForm.RecordList when json.TokenType == JsonTokenType.StartArray:
                table.Set(slot, row, ReadRecords(ref json, reader, schema, children, owner));
                break;
            case ValueForm.StringList when json.TokenType == JsonTokenType.StartArray:
                table.Set(slot, row, ReadStrings(ref json, schema));
                break;
            case ValueForm.Props when json.TokenType == JsonTokenType.StartObject:
                table.Set(slot, row, ReadProps(ref json, schema.Additional));
                break;
            default:
                // A value the schema allows but the model does not store in this form (none today): absent.
                json.Skip();
                break;
        }
    }

    private int ReadInteger(ref Utf8JsonReader json, AttributeReader reader)
    {
        if (json.TryGetInt64(out var integer))
        {
            return pool.IntegerCode(integer);
        }

        // The schema's `integer` also admits 3.0 and 1e2.
        if (json.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
        {
            return pool.IntegerCode((long)number);
        }

        var raw = Encoding.UTF8.GetString(json.ValueSpan);
        Report(DiagnosticDescriptors.IntegerTooLarge, ValueSpan(ref json), Pointer(reader.Definition.Name), MessageText.Show(raw));
        return ValuePool.NullCode;
    }

    private int ReadDate(ref Utf8JsonReader json, string attribute)
    {
        if (TryParseIsoDate(ValueBytes(ref json), out var date) || TryParseDate(ValueChars(ref json), out date))
        {
            return pool.DateCode(date);
        }

        Report(DiagnosticDescriptors.InvalidCalendarDate, ValueSpan(ref json), Pointer(attribute), MessageText.Show(ValueChars(ref json)));
        return ValuePool.NullCode;
    }

    // The common form, yyyy-MM-dd in ASCII digits, read without decoding; anything else goes to TryParseDate.
    private static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;

        static int Digits(ReadOnlySpan<byte> digits)
        {
            var value = 0;
            foreach (var digit in digits)
            {
                if (digit is < (byte)'0' or > (byte)'9')
                {
                    return -1;
                }

                value = (value * 10) + digit - '0';
            }

            return value;
        }
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // The ordinal of the entity a reference names, or -1: then either it was reported, or (in a checking read)
    // its id has not been seen yet and comes back in `id` to be resolved at the end.
    private int Resolve(ref Utf8JsonReader json, AttributeReader reader, Owner owner, out string? id)
    {
        id = null;
        var bytes = ValueBytes(ref json);
        var hash = Utf8StringTable.Hash(bytes);
        var number = idTable.Find(bytes, hash, out var packed);
        if (number < 0 && queuedIds.Count > 0)
        {
            RegisterQueued();
            number = idTable.Find(bytes, hash, out packed);
        }

        if (number < 0)
        {
            if (Checking)
            {
                id = pool.String(bytes);
            }
            else
            {
                UnknownReference(reader, Encoding.UTF8.GetString(bytes), ValueSpan(ref json), owner);
            }

            return -1;
        }

        var target = IdOwner.Unpack(packed);
        if (target.Kind != reader.Target)
        {
            var actual = target.Kind is { } other ? WithArticle(other) : target.Record == RecordKind.Attestation ? "an attestation" : "a waiver";
            var (_, wrongKind) = DiagnosticDescriptors.ReferenceProblems(reader.Definition.UnknownReferenceId);
            Report(wrongKind, ValueSpan(ref json), Describe(owner), AttributePath(reader.Definition.Name), MessageText.Show(idTable[number]), actual, WithArticle(reader.Target));
            return -1;
        }

        return target.Row;
    }

    private void UnknownReference(AttributeReader reader, string id, SourceLocation at, Owner owner)
    {
        var suggestion = "";
        if (suggestionsLeft > 0)
        {
            suggestionsLeft--;
            suggestion = NameSuggestions.DidYouMean(id, model.Entities(reader.Target).Ids());
        }

        var (unknown, _) = DiagnosticDescriptors.ReferenceProblems(reader.Definition.UnknownReferenceId);
        Report(unknown, at, Describe(owner), AttributePath(reader.Definition.Name), Noun(reader.Target), MessageText.Show(id), suggestion);
    }

    // References a checking read met before their ids: each must name an entity of the kind it wants.
    private bool ResolvePending()
    {
        foreach (var reference in pending)
        {
            var bytes = Encoding.UTF8.GetBytes(reference.Id);
            var number = idTable.Find(bytes, Utf8StringTable.Hash(bytes), out var packed);
            if (number < 0 || IdOwner.Unpack(packed) is not { Kind: { } kind } target || kind != reference.Target)
            {
                return false;
            }

            reference.At.Store(model.Entities(kind), target.Row);
        }

        return true;
    }

    private Entity?[] ReadReferences(ref Utf8JsonReader json, AttributeReader reader, SchemaMatcher schema, Owner owner)
    {
        var found = entityLists.Rent();
        var deferred = deferredLists.Rent();
        while (!stopped && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (!AcceptsItem(schema, ref json))
            {
                break;
            }

            if (json.TokenType == JsonTokenType.String)
            {
                var target = Resolve(ref json, reader, owner, out var id);
                found.Add(target >= 0 ? model.Entities(reader.Target)[target] : null);
                if (id is not null)
                {
                    deferred.Add((found.Count - 1, id));
                }
            }
            else
            {
                json.Skip();
                found.Add(null);
            }
        }

        CheckItemCount(schema, found.Count);
        var references = entityLists.Return(found);
        foreach (var (index, id) in deferred)
        {
            pending.Add(new PendingReference(id, reader.Target, new ReferenceTarget(null, 0, 0, references, index)));
        }

        deferredLists.Release(deferred);
        return references;
    }

    // The ordinal of the nested object read into its table, or null for a value that is not an object.
    private int? ReadRecord(ref Utf8JsonReader json, ObjectLayout? recordLayout, Owner owner)
    {
        if (json.TokenType != JsonTokenType.StartObject || recordLayout is null)
        {
            json.Skip();
            return null;
        }

        var table = records[recordLayout.TableIndex];
        var record = table.Add((int)json.TokenStartIndex);
        ReadObject(ref json, recordLayout, table, record, owner, isEntity: false);
        return record;
    }

    private RecordValue?[] ReadRecords(ref Utf8JsonReader json, AttributeReader reader, SchemaMatcher schema, ObjectLayout? recordLayout, Owner owner)
    {
        var found = recordLists.Rent();
        path.Add(new PathSegment(reader.Definition.Name, -1));
        while (!stopped && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (!AcceptsItem(schema, ref json))
            {
                break;
            }

            path.Add(new PathSegment(null, found.Count));
            found.Add(ReadRecord(ref json, recordLayout, owner) is { } record ? records[recordLayout!.TableIndex][record] : null);
            path.RemoveAt(path.Count - 1);
        }

        path.RemoveAt(path.Count - 1);
        CheckItemCount(schema, found.Count);
        return recordLists.Return(found);
    }

    private string?[] ReadStrings(ref Utf8JsonReader json, SchemaMatcher? schema)
    {
        var found = stringLists.Rent();
        while (!stopped && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (schema is not null && !AcceptsItem(schema, ref json))
            {
                break;
            }

            if (json.TokenType == JsonTokenType.String)
            {
                found.Add(pool.String(ValueBytes(ref json)));
            }
            else
            {
                json.Skip();
                found.Add(null);
            }
        }

        if (schema is not null)
        {
            CheckItemCount(schema, found.Count);
        }

        return stringLists.Return(found);
    }

    private Dictionary<string, object?> ReadProps(ref Utf8JsonReader json, SchemaMatcher? values)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        path.Add(new PathSegment("props", -1));
        while (!stopped && json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var key = TokenSpan.Of(ref json);
            if (Checking && !SchemaMatcher.TokenIsReadable(ref json))
            {
                Stop();
                break;
            }

            var name = pool.String(ValueBytes(ref json));
            json.Read();
            if (Checking && values is not null && !values.AcceptsToken(ref json))
            {
                Stop();
                break;
            }

            if (!props.TryAdd(name, ReadPropValue(ref json)))
            {
                DuplicateKey(key, name);
            }
        }

        path.RemoveAt(path.Count - 1);
        return props;
    }

    private object? ReadPropValue(ref Utf8JsonReader json)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return pool.String(ValueBytes(ref json));
            case JsonTokenType.Number when json.TryGetInt64(out var integer):
                return pool[pool.IntegerCode(integer)];
            case JsonTokenType.Number when json.TryGetDecimal(out var number):
                return pool[pool.DecimalCode(number)];
            case JsonTokenType.True or JsonTokenType.False:
                return ValuePool.Bool(json.TokenType == JsonTokenType.True);
            default:
                json.Skip();
                return null;
        }
    }

    private delegate T? RecordReader<T>(ref Utf8JsonReader json);

    /// <summary>Reads a top-level array of waivers or attestations into <paramref name="into"/>, each complete one.</summary>
    private void ReadRecords<T>(ref Utf8JsonReader json, SchemaMatcher arraySchema, string collection, SchemaMatcher? itemSchema, RecordReader<T> read, List<T> into)
        where T : class
    {
        if (!Accepts(arraySchema, ref json) || json.TokenType != JsonTokenType.StartArray)
        {
            Stop();
            json.Skip();
            return;
        }

        path.Add(new PathSegment(collection, -1));
        var index = 0;
        while (!stopped && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var probe = json;
            if (Checking && (itemSchema is not { } schema || !schema.Accepts(ref probe)))
            {
                Stop();
                break;
            }

            path.Add(new PathSegment(null, index++));
            if (read(ref json) is { } record)
            {
                into.Add(record);
            }

            path.RemoveAt(path.Count - 1);
        }

        path.RemoveAt(path.Count - 1);
        if (Checking && !arraySchema.AcceptsItemCount(index))
        {
            Stop();
        }
    }

    private Waiver? ReadWaiver(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return null;
        }

        var start = (int)json.TokenStartIndex;
        string? id = null, rule = null, reason = null, approvedBy = null;
        IReadOnlyList<string>? targets = null;
        object? expires = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!stopped && json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var key = TokenSpan.Of(ref json);
            var name = json.GetString()!;
            json.Read();
            if (!seen.Add(name))
            {
                DuplicateKey(key, name);
                json.Skip();
                continue;
            }

            switch (name)
            {
                case "id":
                    id = json.GetString();
                    if (Checking)
                    {
                        Register(ref json, null, -1);
                    }

                    break;
                case "rule": rule = json.GetString(); break;
                case "reason": reason = json.GetString(); break;
                case "approvedBy": approvedBy = json.GetString(); break;
                case "targets" when json.TokenType == JsonTokenType.StartArray: targets = ReadStrings(ref json, null).OfType<string>().ToArray(); break;
                case "expires" when json.TokenType == JsonTokenType.String: expires = pool[ReadDate(ref json, "expires")]; break;
                default: json.Skip(); break;
            }
        }

        return rule is null || targets is null || reason is null || approvedBy is null || expires is not DateOnly expiry
            ? null
            : new Waiver(id, rule, targets, reason, approvedBy, expiry, text.Point(start));
    }

    private Attestation? ReadAttestation(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return null;
        }

        var start = (int)json.TokenStartIndex;
        string? id = null, clause = null, status = null, evidence = null, owner = null;
        object? date = null, expires = null;
        var dateSpan = default(TokenSpan);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!stopped && json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var key = TokenSpan.Of(ref json);
            var name = json.GetString()!;
            json.Read();
            if (!seen.Add(name))
            {
                DuplicateKey(key, name);
                json.Skip();
                continue;
            }

            switch (name)
            {
                case "id":
                    id = json.GetString();
                    if (Checking)
                    {
                        Register(ref json, null, -1, RecordKind.Attestation);
                    }

                    break;
                case "clause": clause = json.GetString(); break;
                case "status": status = json.GetString(); break;
                case "evidence": evidence = json.GetString(); break;
                case "owner": owner = json.GetString(); break;
                case "date" when json.TokenType == JsonTokenType.String: dateSpan = TokenSpan.Of(ref json); date = pool[ReadDate(ref json, "date")]; break;
                case "expires" when json.TokenType == JsonTokenType.String: expires = pool[ReadDate(ref json, "expires")]; break;
                default: json.Skip(); break;
            }
        }

        if (clause is null || evidence is null || owner is null || date is not DateOnly from || expires is not DateOnly until)
        {
            return null;
        }

        if (from > until)
        {
            Report(DiagnosticDescriptors.AttestationDatedAfterExpiry, text.Span(dateSpan.Start, dateSpan.End), MessageText.Show(clause), from, until);
            return null;
        }

        var state = status switch
        {
            "not-met" => AttestationStatus.NotMet,
            "not-applicable" => AttestationStatus.NotApplicable,
            _ => AttestationStatus.Met,
        };
        return new Attestation(id, clause, state, evidence, owner, from, until, text.Point(start));
    }

    // The `site` object names the site but holds no entity; of a key given twice, the last counts.
    private void ReadSite(ref Utf8JsonReader json, SchemaMatcher schema)
    {
        var probe = json;
        if (Checking && !schema.Accepts(ref probe))
        {
            Stop();
            return;
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return;
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isId = json.ValueTextEquals("id"u8);
            var isName = json.ValueTextEquals("name"u8);
            json.Read();
            if (json.TokenType != JsonTokenType.String)
            {
                json.Skip();
            }
            else if (isId)
            {
                siteId = json.GetString();
            }
            else if (isName)
            {
                siteName = json.GetString();
            }
        }
    }

    private void CheckOnly(ref Utf8JsonReader json, SchemaMatcher schema)
    {
        if (!Checking)
        {
            json.Skip();
        }
        else if (!schema.Accepts(ref json))
        {
            Stop();
        }
    }

    private bool Accepts(SchemaMatcher schema, ref Utf8JsonReader json) => !Checking || schema.AcceptsToken(ref json);

    // An element of an array checked against the array's item schema; on a mismatch the read stops.
    private bool AcceptsItem(SchemaMatcher arraySchema, ref Utf8JsonReader json)
    {
        if (arraySchema.Items is { } items && !Accepts(items, ref json))
        {
            Stop();
            return false;
        }

        return true;
    }

    private void CheckItemCount(SchemaMatcher arraySchema, int count)
    {
        if (Checking && !arraySchema.AcceptsItemCount(count))
        {
            Stop();
        }
    }

    private void Stop() => stopped = true;

    private void DuplicateKey(TokenSpan key, string name) =>
        Report(DiagnosticDescriptors.DuplicateKey, text.Span(key.Start, key.End), Prefix(Pointer()), MessageText.Show(name));

    private void Report(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments)
    {
        if (diagnostics is null)
        {
            Stop();
            return;
        }

        diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
    }

    // The UTF-8 text of the string or key the reader is on, its escapes decoded.
    private ReadOnlySpan<byte> ValueBytes(ref Utf8JsonReader json)
    {
        if (!json.ValueIsEscaped)
        {
            return json.ValueSpan;
        }

        if (byteBuffer.Length < json.ValueSpan.Length)
        {
            byteBuffer = new byte[json.ValueSpan.Length];
        }

        return byteBuffer.AsSpan(0, json.CopyString(byteBuffer));
    }

    private ReadOnlySpan<char> ValueChars(ref Utf8JsonReader json)
    {
        var raw = json.ValueSpan;
        return raw.Length <= charBuffer.Length && !json.ValueIsEscaped
            ? charBuffer.AsSpan(0, Encoding.UTF8.GetChars(raw, charBuffer))
            : json.GetString();
    }

    private SourceLocation ValueSpan(ref Utf8JsonReader json)
    {
        var span = TokenSpan.Of(ref json);
        return text.Span(span.Start, span.End);
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

    /// <summary>The attribute's path inside its entity: <c>zone</c>, or <c>interfaces/0/zone</c> inside a nested object.</summary>
    private string AttributePath(string attribute)
    {
        if (path.Count <= 2)
        {
            return attribute;
        }

        var inner = path.Skip(2).Select(segment => segment.Name ?? segment.Index.ToString(CultureInfo.InvariantCulture));
        return MessageText.OneLine(string.Join('/', inner.Append(attribute)));
    }

    private static string Prefix(string pointer) => pointer.Length == 0 ? string.Empty : pointer + ": ";

    private static string Describe(Owner owner) => $"{owner.Table.Kind.Keyword()} `{MessageText.Show(owner.Table.IdOf(owner.Row))}`";

    private static string Noun(EntityKind kind) => kind == EntityKind.Data ? "data item" : kind.Keyword();

    private static string WithArticle(EntityKind kind) =>
        (kind is EntityKind.Asset or EntityKind.Operation ? "an " : "a ") + Noun(kind);

    /// <summary>
    /// Whose id a registered id is: the entity's row and kind (the kind's number), or below zero a waiver or an
    /// attestation. Kept packed in the id table beside the id's bytes, so resolving a reference reads no other table.
    /// </summary>
    private readonly record struct IdOwner(int Row, int Owner)
    {
        public EntityKind? Kind => Owner >= 0 ? (EntityKind)Owner : null;

        public RecordKind Record => (RecordKind)(-1 - Owner);

        public long Packed => ((long)Row << 32) | (uint)Owner;

        public static IdOwner Unpack(long packed) => new((int)(packed >> 32), (int)packed);
    }

    /// <summary>Lists to collect an array's elements in, reused from one array to the next (and nested arrays).</summary>
    private sealed class ScratchLists<T>
    {
        private readonly Stack<List<T>> free = new();

        public List<T> Rent() => free.TryPop(out var list) ? list : [];

        /// <summary>The elements collected, as an array; the list goes back for the next array.</summary>
        public T[] Return(List<T> list)
        {
            var elements = list.Count == 0 ? [] : list.ToArray();
            Release(list);
            return elements;
        }

        public void Release(List<T> list)
        {
            list.Clear();
            free.Push(list);
        }
    }

    /// <summary>An id a checking read has met and not registered yet: where its string token starts, its length, hash and owner.</summary>
    private readonly record struct QueuedId(int TokenStart, int Length, ulong Hash, long Owner);

    /// <summary>The entity whose attributes are being read (also while reading its nested objects).</summary>
    private readonly record struct Owner(EntityTable Table, int Row);

    /// <summary>A step of the JSON pointer to the value being read: a key, or an array index when the name is null.</summary>
    private readonly record struct PathSegment(string? Name, int Index);

    /// <summary>Where a key or a scalar value starts and ends (a string's quotes included), for a diagnostic about it.</summary>
    private readonly record struct TokenSpan(int Start, int End)
    {
        public static TokenSpan Of(ref Utf8JsonReader json)
        {
            var start = (int)json.TokenStartIndex;
            var quotes = json.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? 2 : 0;
            return new TokenSpan(start, start + json.ValueSpan.Length + quotes);
        }
    }

    /// <summary>What a top-level array other than the entities holds: waivers or attestations.</summary>
    private enum RecordKind
    {
        Waiver,
        Attestation,
    }
}
