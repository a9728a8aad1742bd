namespace ZonePolicy.Diagnostics;

/// <summary>
/// Every engine diagnostic: one descriptor per id (in <see cref="All"/>), each followed by the other
/// messages its id has for other situations. Messages follow one style: one line, a lowercase start, no
/// final period, names in backticks, what is wrong and then what to do.
/// </summary>
internal static class DiagnosticDescriptors
{
    private static readonly List<DiagnosticDescriptor> Registered = [];

    // ZP00xx: syntax

    public static readonly DiagnosticDescriptor SyntaxError = Register(DiagnosticIds.SyntaxError, "Syntax error", "{0}");
    public static readonly DiagnosticDescriptor UnexpectedToken = SyntaxError.WithMessage("unexpected {0}, expected {1}{2}");
    public static readonly DiagnosticDescriptor UnexpectedTokenNothingExpected = SyntaxError.WithMessage("unexpected {0}{1}");
    public static readonly DiagnosticDescriptor DeclarationOutOfOrder = SyntaxError.WithMessage(
        "unexpected {0}, expected {1}; declarations go in the order pack, import, param, let, rule");

    public static readonly DiagnosticDescriptor UnterminatedString = Register(DiagnosticIds.UnterminatedString, "Unterminated string literal",
        "unterminated string; close it with `\"` before the end of the line");

    public static readonly DiagnosticDescriptor InvalidCharacter = Register(DiagnosticIds.InvalidCharacter, "Invalid character", "invalid character {0}{1}");

    public static readonly DiagnosticDescriptor InvalidEscape = Register(DiagnosticIds.InvalidEscape, "Invalid escape sequence",
        "invalid escape sequence `{0}` in string; use `\\\"`, `\\\\`, `\\n` or `\\t`");

    public static readonly DiagnosticDescriptor InvalidDate = Register(DiagnosticIds.InvalidDate, "Invalid date literal", "invalid date `{0}`; write dates as `@yyyy-MM-dd`");
    public static readonly DiagnosticDescriptor NoYearZero = InvalidDate.WithMessage("invalid date `{0}`: there is no year 0000");
    public static readonly DiagnosticDescriptor NoSuchMonth = InvalidDate.WithMessage("invalid date `{0}`: there is no month {1}");
    public static readonly DiagnosticDescriptor NoSuchDay = InvalidDate.WithMessage("invalid date `{0}`: {1} has {2} days");

    public static readonly DiagnosticDescriptor InvalidNumber = Register(DiagnosticIds.InvalidNumber, "Invalid number literal",
        "invalid number `{0}`; write numbers like `42` or `7.5`");
    public static readonly DiagnosticDescriptor NumberTooLarge = InvalidNumber.WithMessage("number `{0}` is too large");

    public static readonly DiagnosticDescriptor NestingTooDeep = Register(DiagnosticIds.NestingTooDeep, "Nesting too deep",
        "expression nested too deeply (more than {0} levels)");
    public static readonly DiagnosticDescriptor NestedTooDeeplyThroughDefinitions = NestingTooDeep.WithMessage(
        "expression nested too deeply (more than {0} levels) through the helper functions and constants it uses");

    public static readonly DiagnosticDescriptor InvalidMessageTemplate = Register(DiagnosticIds.InvalidMessageTemplate, "Invalid message template",
        "unbalanced `}}` in message template; write `}}}}` for a literal brace");
    public static readonly DiagnosticDescriptor UnclosedTemplateHole = InvalidMessageTemplate.WithMessage(
        "unbalanced `{{` in message template; close the expression with `}}` or write `{{{{` for a literal brace");
    public static readonly DiagnosticDescriptor EmptyTemplateHole = InvalidMessageTemplate.WithMessage(
        "empty `{{}}` in message template; put an expression between the braces or write `{{{{}}}}` for literal braces");

    public static readonly DiagnosticDescriptor UnterminatedComment = Register(DiagnosticIds.UnterminatedComment, "Unterminated block comment",
        "unterminated block comment; close it with `*/`");

    public static readonly DiagnosticDescriptor NotTextFile = Register(DiagnosticIds.NotTextFile, "Rule file is not text",
        "the file is not UTF-8 text: it contains {0}; rule files must be UTF-8 text");

    // ZP01xx: binding and types

    public static readonly DiagnosticDescriptor UnknownAttribute = Register(DiagnosticIds.UnknownAttribute, "Unknown attribute", "{0} has no attribute `{1}`{2}");
    public static readonly DiagnosticDescriptor UnknownPathAttribute = UnknownAttribute.WithMessage("a path has no attribute `{0}`{1}");

    public static readonly DiagnosticDescriptor UnknownName = Register(DiagnosticIds.UnknownName, "Unknown name", "unknown name `{0}`{1}");
    public static readonly DiagnosticDescriptor UnknownFunction = UnknownName.WithMessage("unknown function `{0}`{1}");
    public static readonly DiagnosticDescriptor UnknownEntityKind = UnknownName.WithMessage("unknown entity kind `{0}`; the kinds are {1}{2}");

    public static readonly DiagnosticDescriptor WrongArgumentCount = Register(DiagnosticIds.WrongArgumentCount, "Wrong number of arguments",
        "`{0}` takes {1} {2}, found {3}");

    public static readonly DiagnosticDescriptor ImportOutsideRoot = Register(DiagnosticIds.ImportOutsideRoot, "Import leaves the root folder",
        "import `{0}` leaves the rule root `{1}`; a rule file may only import files inside its root folder");
    public static readonly DiagnosticDescriptor ImportOutsidePack = ImportOutsideRoot.WithMessage(
        "import `{0}` leaves the folder of pack `{1}`; name a file inside it, relative to its folder");

    public static readonly DiagnosticDescriptor ImportCycle = Register(DiagnosticIds.ImportCycle, "Import cycle", "import cycle: {0}; remove one of these imports");

    public static readonly DiagnosticDescriptor TypeMismatch = Register(DiagnosticIds.TypeMismatch, "Type mismatch", "{0} needs a `bool`, found `{1}`");
    public static readonly DiagnosticDescriptor FunctionUsedAsValue = TypeMismatch.WithMessage("`{0}` is a function: call it with its arguments, as in `{0}(...)`");
    public static readonly DiagnosticDescriptor ValueCalled = TypeMismatch.WithMessage("`{0}` is a value, not a function");
    public static readonly DiagnosticDescriptor AttributeOfList = TypeMismatch.WithMessage(
        "`.{0}` is not an attribute of a list (`{1}`); use a comprehension such as `any(x in ... where x.{0} ...)`");
    public static readonly DiagnosticDescriptor NoAttributes = TypeMismatch.WithMessage("a value of type `{0}` has no attribute `{1}`");
    public static readonly DiagnosticDescriptor NotIndexable = TypeMismatch.WithMessage("only `props` can be indexed, as in `a.props[\"key\"]`; found `{0}`");
    public static readonly DiagnosticDescriptor PropsKeyNotString = TypeMismatch.WithMessage("a `props` key is a `string`, found `{0}`");
    public static readonly DiagnosticDescriptor WrongArgumentTypes = TypeMismatch.WithMessage("`{0}` takes {1}, found {2}");
    public static readonly DiagnosticDescriptor NotNeedsBool = TypeMismatch.WithMessage("`not` needs a `bool`, found `{0}`");
    public static readonly DiagnosticDescriptor NegateNeedsNumber = TypeMismatch.WithMessage("`-` needs a number or a duration, found `{0}`");
    public static readonly DiagnosticDescriptor OperatorMismatch = TypeMismatch.WithMessage("cannot apply `{0}` to `{1}` and `{2}`");
    public static readonly DiagnosticDescriptor LogicNeedsBools = TypeMismatch.WithMessage("cannot apply `{0}` to `{1}` and `{2}`: `{0}` needs two `bool` values");
    public static readonly DiagnosticDescriptor EntityComparedWithString = TypeMismatch.WithMessage(
        "cannot apply `{0}` to `{1}` and `{2}`; compare the entity's `.id` with a string");
    public static readonly DiagnosticDescriptor StringsNotOrdered = TypeMismatch.WithMessage(
        "cannot apply `{0}` to `{1}` and `{2}`; strings are not ordered (for levels use `level(x)`)");
    public static readonly DiagnosticDescriptor InNeedsList = TypeMismatch.WithMessage("cannot apply `{0}` to `{1}` and `{2}`: the right side of `in` must be a list");
    public static readonly DiagnosticDescriptor ContainsOperands = TypeMismatch.WithMessage(
        "cannot apply `{0}` to `{1}` and `{2}`: `contains` needs a list and an element, or two strings");
    public static readonly DiagnosticDescriptor ArithmeticNeedsNumbers = TypeMismatch.WithMessage("cannot apply `{0}` to `{1}` and `{2}`: arithmetic needs numbers");
    public static readonly DiagnosticDescriptor MatchesOperands = TypeMismatch.WithMessage(
        "`matches` needs a `string` and a regular expression, found `{0}` and `{1}`");
    public static readonly DiagnosticDescriptor MixedList = TypeMismatch.WithMessage("a list holds one type: found `{0}` after `{1}`");
    public static readonly DiagnosticDescriptor ComprehensionNeedsList = TypeMismatch.WithMessage("`{0}` ranges over a list, found `{1}`");
    public static readonly DiagnosticDescriptor ComprehensionNeedsCondition = TypeMismatch.WithMessage("`{0}` needs a condition, as in `{0}(x in xs where ...)`");
    public static readonly DiagnosticDescriptor AggregateOperand = TypeMismatch.WithMessage("`{0}` works on {1}, found `{2}`");
    public static readonly DiagnosticDescriptor PathEndpoint = TypeMismatch.WithMessage("a path runs between assets or zones, found `{0}`");
    public static readonly DiagnosticDescriptor ForSourceType = TypeMismatch.WithMessage("`for {0} {1} in ...` needs a `list<{0}>`, found `{2}`");
    public static readonly DiagnosticDescriptor AtTarget = TypeMismatch.WithMessage("`at` names the entity where a violation is reported, found `{0}`");

    public static readonly DiagnosticDescriptor InvalidRuleStructure = Register(DiagnosticIds.InvalidRuleStructure, "Invalid rule structure",
        "rule `{0}` has more than one `{1}` clause");
    public static readonly DiagnosticDescriptor ClauseAfterCondition = InvalidRuleStructure.WithMessage("`{0}` must come before the rule's `{1}`");
    public static readonly DiagnosticDescriptor NoForClause = InvalidRuleStructure.WithMessage("rule `{0}` has no `for` clause: say what it ranges over, as in `for asset a`");

    public static readonly DiagnosticDescriptor ImportNotFound = Register(DiagnosticIds.ImportNotFound, "Imported file not found", "imported file `{0}` does not exist");

    public static readonly DiagnosticDescriptor DuplicateDeclaration = Register(DiagnosticIds.DuplicateDeclaration, "Duplicate declaration", "`{0}` is already declared at {1}");
    public static readonly DiagnosticDescriptor DuplicateRuleVariable = DuplicateDeclaration.WithMessage("`{0}` is already declared in this rule");
    public static readonly DiagnosticDescriptor ScriptFunctionIsBuiltin = DuplicateDeclaration.WithMessage("`{0}` is a built-in function; give the C# function another name");

    public static readonly DiagnosticDescriptor DuplicateRuleId = Register(DiagnosticIds.DuplicateRuleId, "Duplicate rule id",
        "rule id `{0}` is already used at {1}; rule ids must be unique");

    public static readonly DiagnosticDescriptor RecursiveFunction = Register(DiagnosticIds.RecursiveFunction, "Recursive helper function",
        "helper function `{0}` calls itself; helper functions cannot be recursive");
    public static readonly DiagnosticDescriptor RecursiveConstant = RecursiveFunction.WithMessage("`{0}` is defined in terms of itself");

    public static readonly DiagnosticDescriptor InvalidRegex = Register(DiagnosticIds.InvalidRegex, "Invalid regular expression", "invalid regular expression `{0}`: {1}");

    public static readonly DiagnosticDescriptor ReservedRuleId = Register(DiagnosticIds.ReservedRuleId, "Rule id reserved for the engine",
        "rule id `{0}` starts with `ZP`, which is reserved for the engine's own diagnostics; give the rule an id with its pack's prefix");

    public static readonly DiagnosticDescriptor DuplicateParameter = Register(DiagnosticIds.DuplicateParameter, "Duplicate parameter name",
        "helper function `{0}` already has a parameter `{1}`; give each parameter its own name");

    public static readonly DiagnosticDescriptor InvalidPackManifest = Register(DiagnosticIds.InvalidPackManifest, "Invalid pack manifest",
        "cannot read the pack manifest `{0}`: {1}");
    public static readonly DiagnosticDescriptor ManifestNotJson = InvalidPackManifest.WithMessage("{0}");
    public static readonly DiagnosticDescriptor ManifestEmpty = InvalidPackManifest.WithMessage(
        "the pack manifest is empty; it is a JSON object with at least `name`, `version`, `title`, `license`, `authors`, `standards` and `minEngineVersion`");
    public static readonly DiagnosticDescriptor ManifestNotObject = InvalidPackManifest.WithMessage("the pack manifest must be a JSON object");
    public static readonly DiagnosticDescriptor ManifestUnknownProperty = InvalidPackManifest.WithMessage("unknown property `{0}` in {1}{2}");
    public static readonly DiagnosticDescriptor ManifestPropertyTwice = InvalidPackManifest.WithMessage("`{0}` is given twice");
    public static readonly DiagnosticDescriptor ManifestMissingProperty = InvalidPackManifest.WithMessage("the pack manifest has no `{0}`");
    public static readonly DiagnosticDescriptor ManifestNotString = InvalidPackManifest.WithMessage("`{0}` must be a string");
    public static readonly DiagnosticDescriptor ManifestEmptyText = InvalidPackManifest.WithMessage("`{0}` is empty");
    public static readonly DiagnosticDescriptor ManifestTextTooLong = InvalidPackManifest.WithMessage("`{0}` is longer than {1} characters");
    public static readonly DiagnosticDescriptor ManifestControlCharacter = InvalidPackManifest.WithMessage("`{0}` contains a control character");
    public static readonly DiagnosticDescriptor ManifestNotStringArray = InvalidPackManifest.WithMessage("`{0}` must be an array of strings");
    public static readonly DiagnosticDescriptor ManifestNeedsEntry = InvalidPackManifest.WithMessage("`{0}` needs at least one entry");
    public static readonly DiagnosticDescriptor InvalidPackName = InvalidPackManifest.WithMessage(
        "`{0}` is not a valid pack name: use lowercase words of letters and digits, each starting with a letter, joined by `-` or `.` (such as `acme-plant-baseline`), at most 100 characters");
    public static readonly DiagnosticDescriptor InvalidSemVer = InvalidPackManifest.WithMessage("`{0}` `{1}` is not a SemVer 2.0 version such as `1.2.0` or `2.0.0-beta.1`");
    public static readonly DiagnosticDescriptor StandardsShape = InvalidPackManifest.WithMessage(
        "`standards` must be an array of at least one object such as `{{ \"name\": \"IEC 62443-3-3\" }}`");
    public static readonly DiagnosticDescriptor StandardShape = InvalidPackManifest.WithMessage("a `standards` entry must be an object such as `{{ \"name\": \"IEC 62443-3-3\" }}`");
    public static readonly DiagnosticDescriptor StandardNeedsName = InvalidPackManifest.WithMessage("a `standards` entry needs a `name`");
    public static readonly DiagnosticDescriptor InvalidManifestUrl = InvalidPackManifest.WithMessage("`{0}` `{1}` is not an absolute http or https URL");
    public static readonly DiagnosticDescriptor DependenciesShape = InvalidPackManifest.WithMessage(
        "`dependencies` must be an object of pack names and version ranges, such as `{{ \"iec62443-zones\": \"[1.0.0, 2.0.0)\" }}`");
    public static readonly DiagnosticDescriptor SelfDependency = InvalidPackManifest.WithMessage("the pack `{0}` cannot depend on itself");
    public static readonly DiagnosticDescriptor InvalidDependencyRange = InvalidPackManifest.WithMessage(
        "`{0}` is not a version range: write a lowest version (`1.2.0`, meaning 1.2.0 or newer) or an interval (`[1.2.0, 2.0.0)`)");
    public static readonly DiagnosticDescriptor DependencyTwice = InvalidPackManifest.WithMessage("the dependency `{0}` is given twice");
    public static readonly DiagnosticDescriptor FunctionsShape = InvalidPackManifest.WithMessage("`functions` must be an array of function declarations");
    public static readonly DiagnosticDescriptor FunctionShape = InvalidPackManifest.WithMessage(
        "a `functions` entry must be an object with `name`, `script`, `parameters` and `returns`");
    public static readonly DiagnosticDescriptor FunctionTwice = InvalidPackManifest.WithMessage("the function `{0}` is declared twice");
    public static readonly DiagnosticDescriptor InvalidFunctionBudget = InvalidPackManifest.WithMessage("`budgetMilliseconds` must be a whole number of milliseconds from 1 to {0}");
    public static readonly DiagnosticDescriptor InvalidFunctionName = InvalidPackManifest.WithMessage(
        "`{0}` is not a valid function name: use letters, digits and `_`, starting with a letter or `_`");
    public static readonly DiagnosticDescriptor InvalidScriptPath = InvalidPackManifest.WithMessage(
        "`script` `{0}` must be a `.csx` file inside the pack, written relative to the pack folder with `/` (such as `functions/cvss.csx`)");
    public static readonly DiagnosticDescriptor ParametersShape = InvalidPackManifest.WithMessage(
        "`parameters` must be an array such as `[{{ \"name\": \"vector\", \"type\": \"string\" }}]`");
    public static readonly DiagnosticDescriptor ParameterShape = InvalidPackManifest.WithMessage(
        "a parameter must be an object such as `{{ \"name\": \"vector\", \"type\": \"string\" }}`");
    public static readonly DiagnosticDescriptor ParameterNeedsNameAndType = InvalidPackManifest.WithMessage("a parameter needs a `name` and a `type`");
    public static readonly DiagnosticDescriptor ParameterTwice = InvalidPackManifest.WithMessage("the parameter `{0}` is declared twice");
    public static readonly DiagnosticDescriptor InvalidScriptType = InvalidPackManifest.WithMessage(
        "`{0}` is not a type a C# function can take or return: use {1}, a `list<...>` of one of them, and `?` after a type that may be null");
    public static readonly DiagnosticDescriptor PackFolderNameMismatch = InvalidPackManifest.WithMessage(
        "the pack in folder `{0}` is named `{1}`; a folder of packs holds each pack in a folder named after it");
    public static readonly DiagnosticDescriptor PackageManifestMismatch = InvalidPackManifest.WithMessage(
        "package `{0}` {1} holds the manifest of `{2}` {3}; a pack's package id and version are its manifest's");
    public static readonly DiagnosticDescriptor NotAPackFolder = InvalidPackManifest.WithMessage(
        "`{0}` is not a pack folder: a pack to package needs a `pack.json` with its name, version and licence");
    public static readonly DiagnosticDescriptor InvalidLicense = InvalidPackManifest.WithMessage(
        "`license` `{0}` is not an SPDX licence expression such as `MIT` or `Apache-2.0 OR MIT`: {1}");

    public static readonly DiagnosticDescriptor PackHeaderMismatch = Register(DiagnosticIds.PackHeaderMismatch, "Pack header disagrees with the manifest",
        "the `pack` header names `{0}`, but `{1}` names the pack `{2}`: write `pack {3}`");
    public static readonly DiagnosticDescriptor PackHeaderVersionMismatch = PackHeaderMismatch.WithMessage(
        "the `pack` header says version `{0}`, but `{1}` says `{2}`: keep one version, in the manifest, and drop it from the header or make the two agree");
    public static readonly DiagnosticDescriptor PackHeaderTitleMismatch = PackHeaderMismatch.WithMessage(
        "the `pack` header's title differs from the `title` in `{0}`: make them agree, or drop the title from the header");

    public static readonly DiagnosticDescriptor ImportFromNonDependency = Register(DiagnosticIds.ImportFromNonDependency, "Import from a pack that is not a dependency",
        "`{0}` is not a dependency of pack `{1}`{2}; add it to `dependencies` in `{3}` to import from it");
    public static readonly DiagnosticDescriptor UntrustedScripts = Register(DiagnosticIds.UntrustedScripts, "Untrusted pack has C# functions",
        "pack `{0}` has C# functions ({1}), which run only in a trusted pack: trust it with `--trust {0}`, or in a project with `<ZonePolicyTrustedPack Include=\"{0}\" />`");

    public static readonly DiagnosticDescriptor ScriptCompileError = Register(DiagnosticIds.ScriptCompileError, "C# function does not compile", "{0}: {1}");
    public static readonly DiagnosticDescriptor ScriptNotReadable = ScriptCompileError.WithMessage("cannot read the C# script `{0}`: {1}");

    public static readonly DiagnosticDescriptor ForbiddenScriptApi = Register(DiagnosticIds.ForbiddenScriptApi, "C# function uses a forbidden API",
        "`{0}` cannot be used in a C# function: {1}");
    public static readonly DiagnosticDescriptor ScriptRegexWithoutTimeout = ForbiddenScriptApi.WithMessage(
        "a regular expression in a C# function needs a match timeout: use an overload that takes one, such as `new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))`");
    public static readonly DiagnosticDescriptor ScriptTopLevelStatement = ForbiddenScriptApi.WithMessage(
        "a script's top-level statements never run: put code in static methods, and tables in static readonly fields");

    public static readonly DiagnosticDescriptor ScriptSignatureMismatch = Register(DiagnosticIds.ScriptSignatureMismatch, "C# function does not match its declaration",
        "`{0}` is declared as `{1}` in the pack manifest, so the script must define it as `{2}`");
    public static readonly DiagnosticDescriptor ScriptFunctionMissing = ScriptSignatureMismatch.WithMessage(
        "`{0}` has no static method `{1}`, which the pack manifest declares");
    public static readonly DiagnosticDescriptor ScriptFunctionOverloaded = ScriptSignatureMismatch.WithMessage(
        "`{0}` is defined more than once; a C# function has one signature");

    public static readonly DiagnosticDescriptor PackImportOutsidePack = ImportFromNonDependency.WithMessage(
        "`{0}` imports from pack `{1}`, but these rules are not a pack: only a pack (a folder with a `pack.json`) can import from the packs it lists in `dependencies`");

    // ZP02xx: topology input

    public static readonly DiagnosticDescriptor InvalidJson = Register(DiagnosticIds.InvalidJson, "Invalid JSON", "invalid JSON: {0}");

    public static readonly DiagnosticDescriptor SchemaViolation = Register(DiagnosticIds.SchemaViolation, "Topology does not match the schema", "{0}: {1}");
    public static readonly DiagnosticDescriptor RootSchemaViolation = SchemaViolation.WithMessage("{0}");
    public static readonly DiagnosticDescriptor IntegerTooLarge = SchemaViolation.WithMessage("{0}: `{1}` is too large for an integer");
    public static readonly DiagnosticDescriptor InvalidCalendarDate = SchemaViolation.WithMessage("{0}: `{1}` is not a valid date");
    public static readonly DiagnosticDescriptor DuplicateKey = SchemaViolation.WithMessage("{0}duplicate key `{1}`; a key may appear only once in an object");

    public static readonly DiagnosticDescriptor InvalidReference = Register(DiagnosticIds.InvalidReference, "Dangling or wrong-kind reference",
        "{0}: `{1}` refers to unknown {2} `{3}`{4}");
    public static readonly DiagnosticDescriptor WrongKindReference = InvalidReference.WithMessage("{0}: `{1}` refers to `{2}`, which is {3}, not {4}");

    public static readonly DiagnosticDescriptor DuplicateId = Register(DiagnosticIds.DuplicateId, "Duplicate entity id",
        "duplicate id `{0}`: already used by the {1} on line {2}; ids must be unique across the file");

    public static readonly DiagnosticDescriptor AttestationMissing = Register(DiagnosticIds.AttestationMissing, "Attestation missing",
        "{0} of `{1}` {2} an attestation and {3} none: {4}; record the evidence in `attestations`", Severity.Warning);

    public static readonly DiagnosticDescriptor AttestationExpired = Register(DiagnosticIds.AttestationExpired, "Attestation expired",
        "the attestation of `{0}` expired on {1:yyyy-MM-dd}; renew it with current evidence");

    public static readonly DiagnosticDescriptor AttestationExpiringSoon = Register(DiagnosticIds.AttestationExpiringSoon, "Attestation expires soon",
        "the attestation of `{0}` expires on {1:yyyy-MM-dd}, in {2} {3}; renew it with current evidence", Severity.Warning);

    public static readonly DiagnosticDescriptor AttestationUnknownClause = Register(DiagnosticIds.AttestationUnknownClause, "Attestation names an unknown clause",
        "the attestation names `{0}`, which no loaded catalogue has{1}", Severity.Warning);

    public static readonly DiagnosticDescriptor SecurityLevelVectorMismatch = Register(DiagnosticIds.SecurityLevelVectorMismatch, "Security level and vector disagree",
        "{0} `{1}` states `{2}` {3}, but the highest level of its `{4}` is {5}; the scalar level is the vector's highest: correct one of them or leave the scalar out");

    public static readonly DiagnosticDescriptor AttestationDatedAfterExpiry = Register(DiagnosticIds.AttestationDatedAfterExpiry, "Attestation dated after its expiry",
        "the attestation of `{0}` is dated {1:yyyy-MM-dd}, after it expires on {2:yyyy-MM-dd}; correct `date` or `expires`");

    public static readonly DiagnosticDescriptor AllowRuleUnknownTarget = Register(DiagnosticIds.AllowRuleUnknownTarget, "Allow rule names an unknown zone, asset or asset type",
        "{0}: `{1}` names `{2}`, but no zone or asset has that id{3}");
    public static readonly DiagnosticDescriptor AllowRuleUnknownType = AllowRuleUnknownTarget.WithMessage("{0}: `{1}` names asset type `{2}`, which no asset has{3}");
    public static readonly DiagnosticDescriptor AllowRuleNotZoneOrAsset = AllowRuleUnknownTarget.WithMessage("{0}: `{1}` names `{2}`, but that is a {3}, not a zone or an asset");
    public static readonly DiagnosticDescriptor AllowRuleSelectorForm = AllowRuleUnknownTarget.WithMessage(
        "{0}: `{1}`: {2}; an allow rule names a zone id, an asset id or `type:<asset type>`");

    public static readonly DiagnosticDescriptor AllowRuleDeviceNotOnConduit = Register(DiagnosticIds.AllowRuleDeviceNotOnConduit, "Allow rule on a device that is not on its conduit",
        "{0}: device `{1}` is not a boundary device of the conduit ({2}); add it to `boundary` or put the rule on one of them");

    public static readonly DiagnosticDescriptor ConduitJoinsZoneToItself = Register(DiagnosticIds.ConduitJoinsZoneToItself, "Conduit joins a zone to itself",
        "conduit `{0}` joins zone `{1}` to itself; a conduit connects two different zones (assets inside one zone reach one another unless it is `segmented`)");

    public static readonly DiagnosticDescriptor InterfaceZoneUnknown = Register(DiagnosticIds.InterfaceZoneUnknown, "Interface in an unknown zone",
        "{0}: `{1}` refers to unknown {2} `{3}`{4}");
    public static readonly DiagnosticDescriptor InterfaceZoneWrongKind = InterfaceZoneUnknown.WithMessage("{0}: `{1}` refers to `{2}`, which is {3}, not {4}");

    public static readonly DiagnosticDescriptor AllowRuleOutsideItsZones = Register(DiagnosticIds.AllowRuleOutsideItsZones,
        "Allow rule names a zone or asset its conduit or zone does not hold", "{0}: `{1}` names {2} `{3}`, which is not {4} {5}");
    public static readonly DiagnosticDescriptor AllowRuleTypeOutsideItsZones = AllowRuleOutsideItsZones.WithMessage(
        "{0}: `{1}` names asset type `{2}`, but no asset of that type is in {3}");
    public static readonly DiagnosticDescriptor AllowRuleOnOneSide = AllowRuleOutsideItsZones.WithMessage(
        "{0}: `from` `{1}` and `to` `{2}` are both only in zone `{3}`; a conduit's allow rule starts on one of its zones and ends on the other");

    /// <summary>The descriptors of a reference to an unknown id and to an entity of the wrong kind: ZP0203's, or an attribute's own.</summary>
    public static (DiagnosticDescriptor Unknown, DiagnosticDescriptor WrongKind) ReferenceProblems(string? id) =>
        id == DiagnosticIds.InterfaceZoneUnknown ? (InterfaceZoneUnknown, InterfaceZoneWrongKind) : (InvalidReference, WrongKindReference);

    // ZP03xx: waivers, baselines and configuration

    public static readonly DiagnosticDescriptor WaiverExpired = Register(DiagnosticIds.WaiverExpired, "Waiver expired",
        "{0} expired on {1:yyyy-MM-dd}; fix the violation or renew the waiver with a new approval");

    public static readonly DiagnosticDescriptor WaiverUnused = Register(DiagnosticIds.WaiverUnused, "Waiver matches no violation",
        "{0} matches no violation; remove it, or check its rule id and targets", Severity.Warning);

    public static readonly DiagnosticDescriptor WaiverUnknownRule = Register(DiagnosticIds.WaiverUnknownRule, "Waiver names no rule of its rule set",
        "{0} names no rule of this check, although it has rules `{1}-…`{2}", Severity.Warning);

    public static readonly DiagnosticDescriptor WaiverExpiringSoon = Register(DiagnosticIds.WaiverExpiringSoon, "Waiver expires soon",
        "{0} expires on {1:yyyy-MM-dd}, in {2} {3}; fix the violation or renew the waiver", Severity.Warning);

    public static readonly DiagnosticDescriptor UnknownParameter = Register(DiagnosticIds.UnknownParameter, "Unknown parameter", "no rule declares a parameter `{0}`{1}");

    public static readonly DiagnosticDescriptor InvalidParameterValue = Register(DiagnosticIds.InvalidParameterValue, "Invalid parameter value",
        "parameter `{0}` is a `{1}`, but the override `{2}` is a `{3}`");
    public static readonly DiagnosticDescriptor InvalidParameterLiteral = InvalidParameterValue.WithMessage("parameter `{0}`: {1}");
    public static readonly DiagnosticDescriptor MixedParameterList = InvalidParameterValue.WithMessage(
        "parameter `{0}`: the list `{1}` holds `{2}` after `{3}`; a list holds one type");
    public static readonly DiagnosticDescriptor InvalidTodaySetting = InvalidParameterValue.WithMessage(
        "invalid `ZonePolicyToday` value `{0}`: use an ISO date such as `2026-03-31`");
    public static readonly DiagnosticDescriptor ParameterItemWithoutValue = InvalidParameterValue.WithMessage(
        "parameter `{0}` has no value: set `Value` on its `ZonePolicyParameter` item");

    public static readonly DiagnosticDescriptor NoRuleFiles = Register(DiagnosticIds.NoRuleFiles, "No rule files", "{0} found in {1}");
    public static readonly DiagnosticDescriptor NoRulesGiven = NoRuleFiles.WithMessage(
        "no rules to check: name rule files or folders with `--rules`, or a rule pack with `--pack`");

    public static readonly DiagnosticDescriptor UnknownPack = Register(DiagnosticIds.UnknownPack, "Unknown rule pack", "no rule pack named `{0}`{1}");
    public static readonly DiagnosticDescriptor UnknownPackOrFolder = UnknownPack.WithMessage("no rule pack or folder `{0}` found{1}");
    public static readonly DiagnosticDescriptor PackNotFound = UnknownPack.WithMessage("no rule pack named `{0}` in {1}{2}");

    public static readonly DiagnosticDescriptor InvalidSeverityOverride = Register(DiagnosticIds.InvalidSeverityOverride, "Invalid severity override",
        "the severity of `{0}` cannot be changed: it reports invalid input");
    public static readonly DiagnosticDescriptor FixedSeverity = InvalidSeverityOverride.WithMessage(
        "the severity of `{0}` cannot be changed: it reports invalid input or an expired waiver");
    public static readonly DiagnosticDescriptor NotASeverityLevel = InvalidSeverityOverride.WithMessage("`{0}` is not a severity level for `{1}`{2}");

    public static readonly DiagnosticDescriptor InvalidBaseline = Register(DiagnosticIds.InvalidBaseline, "Invalid baseline file",
        "baseline file is not valid: expected `{{ \"version\": 1, \"violations\": [ {{ \"rule\": \"...\", \"entities\": [\"...\"] }} ] }}`");
    public static readonly DiagnosticDescriptor BaselineNotJson = InvalidBaseline.WithMessage(
        "baseline file is not valid JSON; expected `{{ \"version\": 1, \"violations\": [ {{ \"rule\": \"...\", \"entities\": [\"...\"] }} ] }}`");

    public static readonly DiagnosticDescriptor FileNotFound = Register(DiagnosticIds.FileNotFound, "Input file not found", "{0} `{1}` does not exist");
    public static readonly DiagnosticDescriptor NoTopologyItem = FileNotFound.WithMessage(
        "no topology file to check: add a `ZonePolicyTopology` item, or make its path or wildcard match a file");

    public static readonly DiagnosticDescriptor InvalidArgument = Register(DiagnosticIds.InvalidArgument, "Invalid command-line argument", "{0}");

    public static readonly DiagnosticDescriptor InvalidTestExpectation = Register(DiagnosticIds.InvalidTestExpectation, "Invalid rule test expectation", "`{0}` takes no value; remove `{1}`");
    public static readonly DiagnosticDescriptor CoverageOutsideSettings = InvalidTestExpectation.WithMessage("`require-coverage` applies to the whole pack; move it to tests/{0}");
    public static readonly DiagnosticDescriptor UnknownTestSetting = InvalidTestExpectation.WithMessage("unknown setting `{0}`; expected `today`, `param`, `severity` or `require-coverage`");
    public static readonly DiagnosticDescriptor InvalidTestDate = InvalidTestExpectation.WithMessage("`{0}` is not a date; write `today yyyy-MM-dd`");
    public static readonly DiagnosticDescriptor TodaySetTwice = InvalidTestExpectation.WithMessage("`today` is set twice; keep one `today` line");
    public static readonly DiagnosticDescriptor InvalidTestParameter = InvalidTestExpectation.WithMessage("`{0}` is not a parameter override; write `param name=value`");
    public static readonly DiagnosticDescriptor InvalidTestSeverity = InvalidTestExpectation.WithMessage("`{0}` is not a severity setting; write `severity ID=level`");
    public static readonly DiagnosticDescriptor OnlyGivenTwice = InvalidTestExpectation.WithMessage("`only` is given twice; list every rule on one `only` line");
    public static readonly DiagnosticDescriptor NotARuleId = InvalidTestExpectation.WithMessage("`{0}` is not a rule id");
    public static readonly DiagnosticDescriptor EmptyOnly = InvalidTestExpectation.WithMessage("`only` needs at least one rule id");
    public static readonly DiagnosticDescriptor UnknownExpectationLine = InvalidTestExpectation.WithMessage("`{0}` is not a rule id; expected `RULE-ID entity[,entity...]`, `only`, `today`, `param` or `severity`");
    public static readonly DiagnosticDescriptor EmptyEntityId = InvalidTestExpectation.WithMessage("`{0}` has an empty entity id; separate entity ids with single commas");
    public static readonly DiagnosticDescriptor ExpectedTwice = InvalidTestExpectation.WithMessage("`{0}` is expected twice; remove one line");
    public static readonly DiagnosticDescriptor ExpectedRuleNotInScope = InvalidTestExpectation.WithMessage(
        "`{0}` is expected but not in this fixture's `only` line; add it there or remove the expectation");
    public static readonly DiagnosticDescriptor UnknownExpectedRule = InvalidTestExpectation.WithMessage("pack `{0}` has no rule `{1}`{2}");

    public static readonly DiagnosticDescriptor MissingTestFixture = Register(DiagnosticIds.MissingTestFixture, "Missing rule test fixture", "pack `{0}` has no test case `{1}`{2}");
    public static readonly DiagnosticDescriptor NoTestsFolder = MissingTestFixture.WithMessage(
        "pack `{0}` has no `{1}` folder; add fixtures as {1}/<case>{2}, each with a <case>{3} beside it");
    public static readonly DiagnosticDescriptor NoExpectationFile = MissingTestFixture.WithMessage(
        "fixture `{0}` has no expectation file; create `{0}{1}` beside it (leave it empty when no diagnostic is expected)");
    public static readonly DiagnosticDescriptor NoFixtureTopology = MissingTestFixture.WithMessage(
        "expectation `{0}` has no topology; create `{0}{1}` beside it or delete the expectation");
    public static readonly DiagnosticDescriptor NoFixtures = MissingTestFixture.WithMessage(
        "pack `{0}` has no fixtures; add {1}/<case>{2}, each with a <case>{3} beside it");

    public static readonly DiagnosticDescriptor UnknownSeverityId = Register(DiagnosticIds.UnknownSeverityId, "Severity override matches no rule",
        "severity override for `{0}`, which no rule has{1}", Severity.Warning);

    public static readonly DiagnosticDescriptor InputNotAFile = Register(DiagnosticIds.InputNotAFile, "Input is not a file", "{0} `{1}` is {2}, not a file{3}");

    public static readonly DiagnosticDescriptor InputTooLarge = Register(DiagnosticIds.InputTooLarge, "Input file too large",
        "{0} `{1}` is {2}, over the {3} limit for a {0}; split it into smaller files");

    public static readonly DiagnosticDescriptor InputUnreadable = Register(DiagnosticIds.InputUnreadable, "Cannot read input file", "cannot read {0} `{1}`: {2}");
    public static readonly DiagnosticDescriptor LinkLoop = InputUnreadable.WithMessage("cannot follow `{0}`: a symbolic link loop");
    public static readonly DiagnosticDescriptor ImportLinkLoop = InputUnreadable.WithMessage("cannot follow import `{0}`: a symbolic link loop");
    public static readonly DiagnosticDescriptor FolderUnlistable = InputUnreadable.WithMessage("cannot list rule folder `{0}`: {1}");

    public static readonly DiagnosticDescriptor OutputOverwritesInput = Register(DiagnosticIds.OutputOverwritesInput, "Output would overwrite an input",
        "`{0}` is the input file `{1}` of this check; write to another file");

    public static readonly DiagnosticDescriptor OutputNotWritable = Register(DiagnosticIds.OutputNotWritable, "Cannot write output", "cannot write `{0}`: {1}");
    public static readonly DiagnosticDescriptor RuleFileReadOnly = OutputNotWritable.WithMessage("`{0}` is read-only and is not formatted; make it writable to format it");
    public static readonly DiagnosticDescriptor RuleFileNotWritten = OutputNotWritable.WithMessage("cannot write `{0}`: {1}; the file is unchanged");

    public static readonly DiagnosticDescriptor RuleFileOutsideRoot = Register(DiagnosticIds.RuleFileOutsideRoot, "Rule file outside the rules root",
        "`{0}` is a symbolic link to `{1}`, outside the rules root `{2}`; rule files are read only from inside it");
    public static readonly DiagnosticDescriptor CatalogueOutsidePack = RuleFileOutsideRoot.WithMessage(
        "`{0}` is a symbolic link to `{1}`, outside the pack's folder `{2}`; a pack's catalogue is read only from inside it");

    public static readonly DiagnosticDescriptor GlobalConfigConflict = Register(DiagnosticIds.GlobalConfigConflict, "Global config files disagree",
        "`{0}` is set both here and in `{1}` at global level {2}, so neither applies; keep one, or give one file a higher `global_level`", Severity.Warning);

    public static readonly DiagnosticDescriptor InvalidCatalogue = Register(DiagnosticIds.InvalidCatalogue, "Invalid clause catalogue", "invalid clause catalogue: {0}");
    public static readonly DiagnosticDescriptor CatalogueNotAnObject = InvalidCatalogue.WithMessage("a clause catalogue is a JSON object with `clauses`, a list of clauses");
    public static readonly DiagnosticDescriptor CatalogueWrongType = InvalidCatalogue.WithMessage("`{0}` must be {1}");
    public static readonly DiagnosticDescriptor CatalogueMissingKey = InvalidCatalogue.WithMessage("{0} has no `{1}`");
    public static readonly DiagnosticDescriptor UnknownCatalogueKey = InvalidCatalogue.WithMessage("unknown key `{0}` in {1}{2}");
    public static readonly DiagnosticDescriptor DuplicateClause = InvalidCatalogue.WithMessage("clause `{0}` is listed twice; the first is on line {1}");
    public static readonly DiagnosticDescriptor ClauseBothAttestedAndNotApplicable = InvalidCatalogue.WithMessage(
        "clause `{0}` both asks for an attestation and is not applicable; keep one of `attestation` and `notApplicable`");

    public static readonly DiagnosticDescriptor RefNotInCatalogue = Register(DiagnosticIds.RefNotInCatalogue, "Reference names no clause of the catalogue",
        "`{0}` in the `refs` of `{1}` names no clause of {2}{3}", Severity.Warning);

    public static readonly DiagnosticDescriptor ClauseNotAccountedFor = Register(DiagnosticIds.ClauseNotAccountedFor, "Clause not accounted for",
        "clause `{0}` is not accounted for: no rule of the pack names it in `refs`, and it has no `attestation` or `notApplicable`", Severity.Warning);
    public static readonly DiagnosticDescriptor NotApplicableClauseAutomated = ClauseNotAccountedFor.WithMessage(
        "clause `{0}` is marked not applicable but rule `{1}` names it in `refs`; remove `notApplicable` or the reference");

    public static readonly DiagnosticDescriptor UnknownClauseConstant = Register(DiagnosticIds.InvalidClauseCondition, "Invalid clause condition",
        "`appliesWhen` of clause `{0}` names `{1}`, which is not a `let` constant of the pack's rules{2}");
    public static readonly DiagnosticDescriptor ClauseConstantNotBool = UnknownClauseConstant.WithMessage(
        "`appliesWhen` of clause `{0}` names `{1}`, a `{2}`; it must be a `bool` constant");

    public static readonly DiagnosticDescriptor SameAsBindingsDiffer = Register(DiagnosticIds.SameAsBindingsDiffer, "Rules declared the same bind different entities",
        "`{0}` binds {1} but `{2}` binds {3}; rules declared the same with `sameAs` report one finding for the same entities, so they bind the same kinds in the same order");

    public static readonly DiagnosticDescriptor SameAsNotARuleId = Register(DiagnosticIds.InvalidSameAs, "Invalid sameAs entry",
        "`{0}` in `sameAs` is not a rule id; write ids such as `IEC-AC-02`");
    public static readonly DiagnosticDescriptor SameAsItself = SameAsNotARuleId.WithMessage("rule `{0}` names itself in `sameAs`; name the rules of other packs that check the same");

    public static readonly DiagnosticDescriptor InvalidSelector = Register(DiagnosticIds.InvalidSelector, "Selector names nothing in the topology", "`{0} {1}`: {2}");

    public static readonly DiagnosticDescriptor InvalidPackRequest = InvalidArgument.WithMessage(
        "`{0}` does not name a rule pack: write `name` or `name@version-range`, with a name of lowercase words joined by `-` or `.`");
    public static readonly DiagnosticDescriptor InvalidPackRange = InvalidArgument.WithMessage(
        "`{0}` in `{1}` is not a version range: write `1.2.0` (1.2.0 or newer), `[1.2.0]` (exactly), `[1.0.0, 2.0.0)` or `1.*` (the newest 1.x)");

    public static readonly DiagnosticDescriptor PackVersionNotFound = Register(DiagnosticIds.PackVersionNotFound, "No version of the pack fits",
        "no version of pack `{0}` fits {1} ({2}): available {3}; looked in: {4}");

    public static readonly DiagnosticDescriptor PackVersionConflict = Register(DiagnosticIds.PackVersionConflict, "Two versions of one pack",
        "two versions of pack `{0}` are needed: {1}, and no version fits both (available: {2})");
    public static readonly DiagnosticDescriptor PackGivenTwice = PackVersionConflict.WithMessage(
        "two versions of pack `{0}` are given as rules folders: {1} in `{2}` and {3} in `{4}`; give only one");
    public static readonly DiagnosticDescriptor PackInstalledTwice = PackVersionConflict.WithMessage("two versions of pack `{0}` are installed for the project: {1}");
    public static readonly DiagnosticDescriptor PackVersionFixed = PackVersionConflict.WithMessage(
        "two versions of pack `{0}` are needed: {1} {2}, but version {3} is {4} (`{5}`)");

    public static readonly DiagnosticDescriptor MissingPackDependency = Register(DiagnosticIds.MissingPackDependency, "Pack dependency not found",
        "pack `{0}` depends on `{1}` {2}, which is not found; looked in: {3}");

    public static readonly DiagnosticDescriptor EngineTooOld = Register(DiagnosticIds.EngineTooOld, "Engine too old for the pack",
        "pack `{0}` {1} needs ZonePolicy {2} or newer, and this is {3}: update zpol or ZonePolicy.MSBuild, or use an older version of the pack");

    public static readonly DiagnosticDescriptor PackLockOutOfDate = Register(DiagnosticIds.PackLockOutOfDate, "Pack lock file out of date",
        "the packs resolved differ from the lock file `{0}` ({1}); in locked mode the lock file is not changed: update it by running without `--locked`, and commit it");
    public static readonly DiagnosticDescriptor PackLockMissing = PackLockOutOfDate.WithMessage(
        "locked mode needs the pack lock file `{0}`, and there is none: run the check once without `--locked` to write it, and commit it");

    public static readonly DiagnosticDescriptor InvalidPackLock = Register(DiagnosticIds.InvalidPackLock, "Invalid pack lock file",
        "the pack lock file `{0}` cannot be used: {1}");

    public static readonly DiagnosticDescriptor PackContentChanged = Register(DiagnosticIds.PackContentChanged, "Package differs from the lock file",
        "package `{0}` {1} is not the package the lock file recorded: its content hash is `{2}`, the lock file has `{3}`; a feed served other bytes under the same version, so check where it came from before you delete its entry");

    public static readonly DiagnosticDescriptor PackFeedUnavailable = Register(DiagnosticIds.PackFeedUnavailable, "Package feed unavailable",
        "feed `{0}` ({1}) could not be read, so its packs are not considered: {2}", Severity.Warning);
    public static readonly DiagnosticDescriptor NuGetConfigUnreadable = PackFeedUnavailable.WithMessage(
        "the NuGet configuration cannot be read, so no feed is used: {0}");

    public static readonly DiagnosticDescriptor PackDependencyCycle = Register(DiagnosticIds.PackDependencyCycle, "Pack dependency cycle",
        "pack dependency cycle: {0}; a pack cannot depend on itself, directly or through others");

    public static readonly DiagnosticDescriptor PackageNotFetched = Register(DiagnosticIds.PackageNotFetched, "Pack package not fetched",
        "package `{0}` {1} could not be downloaded from feed `{2}` ({3}): {4}");
    public static readonly DiagnosticDescriptor PackageNotAPack = PackageNotFetched.WithMessage(
        "package `{0}` {1} is not a rule pack: it has no `pack/pack.json` or is not of package type `ZonePolicyPack`");
    public static readonly DiagnosticDescriptor PackageNoFeed = PackageNotFetched.WithMessage("package `{0}` {1} is not in the cache and no feed is configured");

    public static readonly DiagnosticDescriptor PackNotPacked = Register(DiagnosticIds.PackNotPacked, "Pack not packed",
        "pack `{0}` {1} was not packed: its tests did not pass");
    public static readonly DiagnosticDescriptor PackHoldsLink = PackNotPacked.WithMessage(
        "`{0}` is a link; a pack's package holds files only: replace the link by the file or folder it points to");
    public static readonly DiagnosticDescriptor PackageNotWritable = PackNotPacked.WithMessage("cannot write the package `{0}`: {1}");

    // ZP037x: authoring (zpol fmt, zpol explain)

    public static readonly DiagnosticDescriptor NotFormatted = Register(DiagnosticIds.NotFormatted, "Rule file is not formatted",
        "the file is not formatted: this is the first line that differs from the layout `zpol fmt` writes; run `zpol fmt {0}`");

    public static readonly DiagnosticDescriptor UnknownRule = Register(DiagnosticIds.UnknownRule, "Unknown rule", "no rule `{0}` in the rules given{1}");

    public static readonly DiagnosticDescriptor UnknownEntity = Register(DiagnosticIds.UnknownEntity, "Unknown entity", "`{0}` has no entity `{1}`{2}");

    // ZP038x: the project file

    public static readonly DiagnosticDescriptor InvalidProjectFile = Register(DiagnosticIds.InvalidProjectFile, "Invalid project file", "{0}");
    public static readonly DiagnosticDescriptor ProjectFileNotObject = InvalidProjectFile.WithMessage("a project file is a JSON object of settings, found {0}");

    public static readonly DiagnosticDescriptor UnknownProjectSetting = Register(DiagnosticIds.UnknownProjectSetting, "Unknown project setting",
        "unknown project setting `{0}`: the settings are {1}{2}");

    public static readonly DiagnosticDescriptor InvalidProjectSetting = Register(DiagnosticIds.InvalidProjectSetting, "Invalid project setting", "{0}, found {1}");
    public static readonly DiagnosticDescriptor ProjectSettingTwice = InvalidProjectSetting.WithMessage("`{0}` is set twice; keep one");
    public static readonly DiagnosticDescriptor ProjectTodayInvalid = InvalidProjectSetting.WithMessage("`today` is a date as yyyy-MM-dd, not `{0}`");
    public static readonly DiagnosticDescriptor ProjectParameterInvalid = InvalidProjectSetting.WithMessage("parameter `{0}`: {1}");
    public static readonly DiagnosticDescriptor ProjectSettingNameEmpty = InvalidProjectSetting.WithMessage("a setting's name may not be empty");

    public static readonly DiagnosticDescriptor ProjectPathNotFound = Register(DiagnosticIds.ProjectPathNotFound, "Project path matches no file",
        "{0} `{1}` does not exist (paths are relative to the project file's folder)");
    public static readonly DiagnosticDescriptor ProjectPatternMatchesNothing = ProjectPathNotFound.WithMessage(
        "no {0} matches `{1}` (paths are relative to the project file's folder)");

    // ZP04xx: evaluation

    public static readonly DiagnosticDescriptor RegexTimedOut = Register(DiagnosticIds.RegexTimedOut, "Regular expression timed out",
        "rule `{0}`: regular expression `{1}` timed out after {2} s {3}; simplify it, or write it without backreferences and lookarounds so that it runs in linear time");

    public static readonly DiagnosticDescriptor RuleOverBudget = Register(DiagnosticIds.RuleOverBudget, "Rule over its evaluation budget",
        "rule `{0}` stopped after {1:N0} evaluation steps on `{2}`, so its findings there are incomplete; narrow its `for` and `where` clauses");
    public static readonly DiagnosticDescriptor RuleOverTimeouts = RuleOverBudget.WithMessage(
        "rule `{0}` stopped after {1} regular expression matches timed out on `{2}`, so its findings there are incomplete; make its patterns run in linear time");

    public static readonly DiagnosticDescriptor InvalidRuntimeRegex = Register(DiagnosticIds.InvalidRuntimeRegex, "Invalid regular expression at run time",
        "rule `{0}`: `{1}` is not a valid regular expression ({2}) {3}; check the values the pattern is built from");

    public static readonly DiagnosticDescriptor ScriptFunctionThrew = Register(DiagnosticIds.ScriptFunctionThrew, "C# function threw",
        "rule `{0}` could not be evaluated for {1}: C# function `{2}` of pack `{3}` threw {4}");

    public static readonly DiagnosticDescriptor ScriptFunctionOverBudget = Register(DiagnosticIds.ScriptFunctionOverBudget, "C# function over its time budget",
        "rule `{0}` could not be evaluated for {1}: C# function `{2}` of pack `{3}` ran past its time budget of {4} ms");

    // ZP09xx: internal errors

    public static readonly DiagnosticDescriptor InternalError = Register(DiagnosticIds.InternalError, "Internal error",
        "internal error: {0}: {1}; please report this with the inputs that caused it");
    public static readonly DiagnosticDescriptor ScriptInstrumentationFailed = InternalError.WithMessage(
        "internal error: the C# script `{0}` does not compile once its budget checks are added: {1}: {2}; please report this");
    public static readonly DiagnosticDescriptor PackagingFailed = InternalError.WithMessage("internal error while packing: {0}: {1}; please report this");
    public static readonly DiagnosticDescriptor RuleEvaluationFailed = InternalError.WithMessage(
        "internal error while evaluating rule `{0}` on `{1}`: {2}: {3}; please report this");
    public static readonly DiagnosticDescriptor TopologyLoadFailed = InternalError.WithMessage("internal error while loading the topology: {0}");
    public static readonly DiagnosticDescriptor SchemaCheckFailed = InternalError.WithMessage(
        "internal error: `{0}` could not be checked against the topology schema{1}");
    public static readonly DiagnosticDescriptor FixtureCheckFailed = InternalError.WithMessage("checking this fixture failed: {0}: {1}");
    public static readonly DiagnosticDescriptor UnsupportedExpression = InternalError.WithMessage("unsupported expression");
    public static readonly DiagnosticDescriptor ExplanationDisagrees = InternalError.WithMessage(
        "internal error: the traced evaluation of rule `{0}` found {1} violations where the engine found {2}; please report this with the inputs that caused it");
    public static readonly DiagnosticDescriptor FormattingFailed = InternalError.WithMessage(
        "internal error while formatting: {0}: {1}; please report this with the file that caused it");
    public static readonly DiagnosticDescriptor CommandFailed = InternalError.WithMessage(
        "internal error `{0}`: {1}; please report it with the input that caused it");
    public static readonly DiagnosticDescriptor BuildTaskFailed = InternalError.WithMessage(
        "internal error in the ZonePolicy check: {0}: {1}; please report it with the build log");

    /// <summary>Every engine id's descriptor, in id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => Registered;

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Registered.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static bool IsEngineId(string id) => ById.ContainsKey(id);

    private static DiagnosticDescriptor Register(string id, string title, string messageFormat, Severity defaultSeverity = Severity.Error)
    {
        var descriptor = DiagnosticDescriptor.Create(id, title, messageFormat, defaultSeverity);
        Registered.Add(descriptor);
        return descriptor;
    }
}
