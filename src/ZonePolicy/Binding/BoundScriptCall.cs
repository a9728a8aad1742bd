using ZonePolicy.Diagnostics;
using ZonePolicy.Scripting;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>A call of a pack's C# function, its arguments checked against the function's declared signature.</summary>
internal sealed record BoundScriptCall(ScriptFunctionSymbol Function, IReadOnlyList<BoundExpression> Arguments, ZpType Type, SourceLocation Location)
    : BoundExpression(Type, Location);
