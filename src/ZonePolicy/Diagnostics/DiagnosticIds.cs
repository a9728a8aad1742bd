namespace ZonePolicy.Diagnostics;

/// <summary>
/// Every engine diagnostic id; each has one descriptor in <see cref="DiagnosticDescriptors"/>. Ids are
/// never reused: a retired id stays here, commented out. ZP00xx syntax, ZP01xx binding and types, ZP02xx
/// topology input, ZP03xx waivers, baselines and configuration, ZP04xx evaluation, ZP09xx internal errors.
/// </summary>
public static class DiagnosticIds
{
    public const string SyntaxError = "ZP0001";
    public const string UnterminatedString = "ZP0002";
    public const string InvalidCharacter = "ZP0003";
    public const string InvalidEscape = "ZP0004";
    public const string InvalidDate = "ZP0005";
    public const string InvalidNumber = "ZP0006";
    public const string NestingTooDeep = "ZP0007";
    public const string InvalidMessageTemplate = "ZP0008";
    public const string UnterminatedComment = "ZP0009";
    public const string NotTextFile = "ZP0010";

    public const string UnknownAttribute = "ZP0101";
    public const string UnknownName = "ZP0102";
    public const string WrongArgumentCount = "ZP0103";
    public const string ImportOutsideRoot = "ZP0104";
    public const string ImportCycle = "ZP0105";
    public const string TypeMismatch = "ZP0106";
    public const string InvalidRuleStructure = "ZP0107";
    public const string ImportNotFound = "ZP0108";
    public const string DuplicateDeclaration = "ZP0109";
    public const string DuplicateRuleId = "ZP0110";
    public const string RecursiveFunction = "ZP0111";
    public const string InvalidRegex = "ZP0112";
    public const string ReservedRuleId = "ZP0113";
    public const string DuplicateParameter = "ZP0114";

    public const string InvalidPackManifest = "ZP0140";
    public const string PackHeaderMismatch = "ZP0141";
    public const string ImportFromNonDependency = "ZP0142";
    public const string UntrustedScripts = "ZP0143";
    public const string ScriptCompileError = "ZP0144";
    public const string ForbiddenScriptApi = "ZP0145";
    public const string ScriptSignatureMismatch = "ZP0146";

    public const string InvalidJson = "ZP0201";
    public const string SchemaViolation = "ZP0202";
    public const string InvalidReference = "ZP0203";
    public const string DuplicateId = "ZP0204";

    public const string AttestationMissing = "ZP0240";
    public const string AttestationExpired = "ZP0241";
    public const string AttestationExpiringSoon = "ZP0242";
    public const string AttestationUnknownClause = "ZP0243";
    public const string AttestationDatedAfterExpiry = "ZP0244";
    public const string SecurityLevelVectorMismatch = "ZP0245";
    public const string WaiverUnknownRule = "ZP0246";
    public const string AllowRuleUnknownTarget = "ZP0220";
    public const string AllowRuleDeviceNotOnConduit = "ZP0221";
    public const string ConduitJoinsZoneToItself = "ZP0222";
    public const string InterfaceZoneUnknown = "ZP0223";
    public const string AllowRuleOutsideItsZones = "ZP0224";

    public const string WaiverExpired = "ZP0301";
    public const string WaiverUnused = "ZP0302";
    public const string WaiverExpiringSoon = "ZP0303";
    public const string UnknownParameter = "ZP0304";
    public const string InvalidParameterValue = "ZP0305";
    public const string NoRuleFiles = "ZP0306";
    public const string UnknownPack = "ZP0307";
    public const string InvalidSeverityOverride = "ZP0308";
    public const string InvalidBaseline = "ZP0309";
    public const string FileNotFound = "ZP0310";
    public const string InvalidArgument = "ZP0311";
    public const string InvalidTestExpectation = "ZP0312";
    public const string MissingTestFixture = "ZP0313";
    public const string UnknownSeverityId = "ZP0314";
    public const string InputNotAFile = "ZP0315";
    public const string InputTooLarge = "ZP0316";
    public const string InputUnreadable = "ZP0317";
    public const string OutputOverwritesInput = "ZP0318";
    public const string OutputNotWritable = "ZP0319";
    public const string RuleFileOutsideRoot = "ZP0320";
    public const string GlobalConfigConflict = "ZP0321";

    public const string InvalidCatalogue = "ZP0340";
    public const string RefNotInCatalogue = "ZP0341";
    public const string ClauseNotAccountedFor = "ZP0342";
    public const string InvalidClauseCondition = "ZP0343";
    public const string SameAsBindingsDiffer = "ZP0344";
    public const string InvalidSameAs = "ZP0345";

    public const string PackVersionNotFound = "ZP0350";
    public const string PackVersionConflict = "ZP0351";
    public const string MissingPackDependency = "ZP0352";
    public const string EngineTooOld = "ZP0353";
    public const string PackLockOutOfDate = "ZP0354";
    public const string InvalidPackLock = "ZP0355";
    public const string PackContentChanged = "ZP0356";
    public const string PackFeedUnavailable = "ZP0357";
    public const string PackDependencyCycle = "ZP0358";
    public const string PackageNotFetched = "ZP0359";
    public const string PackNotPacked = "ZP0360";

    public const string InvalidSelector = "ZP0330";

    public const string NotFormatted = "ZP0370";
    public const string UnknownRule = "ZP0371";
    public const string UnknownEntity = "ZP0372";
    public const string InvalidProjectFile = "ZP0380";
    public const string UnknownProjectSetting = "ZP0381";
    public const string InvalidProjectSetting = "ZP0382";
    public const string ProjectPathNotFound = "ZP0383";

    public const string RegexTimedOut = "ZP0401";
    public const string RuleOverBudget = "ZP0402";
    public const string InvalidRuntimeRegex = "ZP0403";

    public const string ScriptFunctionThrew = "ZP0410";
    public const string ScriptFunctionOverBudget = "ZP0411";

    public const string InternalError = "ZP0901";
}
