using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Scripting.Compilation;

/// <summary>
/// What a C# function may use, checked on the compiled script before it ever runs: types of a short list
/// of namespaces (pure computation: text, numbers, collections, LINQ, regular expressions, cultures, IP
/// addresses), and nothing that reaches the file system, the network, processes, the environment,
/// reflection, native code, threads or the process's global state, nor unsafe code. Every use outside it
/// is a ZP0145 at its place in the <c>.csx</c> file.
/// </summary>
internal sealed class ScriptApiPolicy : CSharpSyntaxWalker
{
    private const string Pure = "a function's result must depend only on its arguments";
    private const string Reflection = "scripts cannot use reflection";
    private const string Threads = "scripts cannot use threads or tasks";
    private const string Unsafe = "scripts cannot use unsafe code";

    private static readonly HashSet<string> AllowedNamespaces = new(StringComparer.Ordinal)
    {
        "System", "System.Collections", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Numerics", "System.Text", "System.Text.RegularExpressions",
    };

    // Value types of other namespaces that compute and never do I/O.
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.Net.IPAddress", "System.Net.IPNetwork", "System.Net.Sockets.AddressFamily",
    };

    private static readonly Dictionary<string, string> DeniedTypes = new(StringComparer.Ordinal)
    {
        ["System.Environment"] = "scripts have no access to the environment",
        ["System.AppContext"] = "scripts have no access to the environment",
        ["System.AppDomain"] = "scripts have no access to the environment",
        ["System.Console"] = "scripts cannot read or write the console",
        ["System.GC"] = "scripts cannot control the garbage collector",
        ["System.Activator"] = Reflection,
        ["System.Type"] = Reflection,
        ["System.TypedReference"] = Reflection,
        ["System.RuntimeTypeHandle"] = Reflection,
        ["System.RuntimeMethodHandle"] = Reflection,
        ["System.RuntimeFieldHandle"] = Reflection,
        ["System.ArgIterator"] = Unsafe,
        ["System.Buffer"] = Unsafe,
        ["System.Random"] = Pure,
        ["System.TimeProvider"] = Pure,
        ["System.HashCode"] = Pure,
        ["System.TimeZoneInfo"] = "scripts have no access to the file system (time zones are read from it)",
        ["System.MarshalByRefObject"] = Reflection,
        ["System.Linq.ParallelEnumerable"] = Threads,
        ["System.Linq.ParallelQuery"] = Threads,
        ["System.Linq.ParallelQuery`1"] = Threads,
        ["System.Linq.OrderedParallelQuery`1"] = Threads,
    };

    private static readonly Dictionary<string, string> DeniedMembers = new(StringComparer.Ordinal)
    {
        ["System.DateTime.Now"] = Pure,
        ["System.DateTime.UtcNow"] = Pure,
        ["System.DateTime.Today"] = Pure,
        ["System.DateTimeOffset.Now"] = Pure,
        ["System.DateTimeOffset.UtcNow"] = Pure,
        ["System.DateOnly.FromDateTime"] = Pure,
        ["System.Guid.NewGuid"] = Pure,
        ["System.Guid.CreateVersion7"] = Pure,
        ["System.Delegate.DynamicInvoke"] = Reflection,
        ["System.Delegate.CreateDelegate"] = Reflection,
        ["System.Text.RegularExpressions.Regex.CacheSize"] = "scripts cannot change the process's global state",
    };

    private readonly SemanticModel model;
    private readonly DiagnosticBag diagnostics;
    private readonly HashSet<(int Line, string Subject)> reported = [];

    private ScriptApiPolicy(SemanticModel model, DiagnosticBag diagnostics)
        : base(SyntaxWalkerDepth.StructuredTrivia)
    {
        this.model = model;
        this.diagnostics = diagnostics;
    }

    public int Problems { get; private set; }

    /// <summary>Checks a script; returns the number of problems reported.</summary>
    public static int Check(SemanticModel model, DiagnosticBag diagnostics)
    {
        var policy = new ScriptApiPolicy(model, diagnostics);
        policy.Visit(model.SyntaxTree.GetRoot());
        return policy.Problems;
    }

    public override void Visit(SyntaxNode? node)
    {
        if (node is ExpressionSyntax expression and not (QualifiedNameSyntax or AliasQualifiedNameSyntax))
        {
            var info = model.GetTypeInfo(expression);
            CheckType(info.Type, expression);
            CheckType(info.ConvertedType, expression);
        }

        base.Visit(node);
    }

    public override void VisitGlobalStatement(GlobalStatementSyntax node)
    {
        if (Report(node.GetLocation(), "statement"))
        {
            diagnostics.Add(DiagnosticDescriptors.ScriptTopLevelStatement, ScriptLocations.Of(node.GetLocation()));
        }

        base.VisitGlobalStatement(node);
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        CheckSymbol(node);
        base.VisitIdentifierName(node);
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        CheckSymbol(node);
        base.VisitGenericName(node);
    }

    public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        CheckCreation(node);
        base.VisitObjectCreationExpression(node);
    }

    public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        CheckCreation(node);
        base.VisitImplicitObjectCreationExpression(node);
    }

    public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        CheckGlobalWrite(node.Left);
        base.VisitAssignmentExpression(node);
    }

    public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression))
        {
            CheckGlobalWrite(node.Operand);
        }

        base.VisitPrefixUnaryExpression(node);
    }

    public override void VisitPostfixUnaryExpression(PostfixUnaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression))
        {
            CheckGlobalWrite(node.Operand);
        }

        base.VisitPostfixUnaryExpression(node);
    }

    public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
    {
        Forbid(node.UnsafeKeyword.GetLocation(), "unsafe", Unsafe);
        base.VisitUnsafeStatement(node);
    }

    public override void VisitFixedStatement(FixedStatementSyntax node)
    {
        Forbid(node.FixedKeyword.GetLocation(), "fixed", Unsafe);
        base.VisitFixedStatement(node);
    }

    public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
    {
        Forbid(node.StackAllocKeyword.GetLocation(), "stackalloc", Unsafe);
        base.VisitStackAllocArrayCreationExpression(node);
    }

    public override void VisitImplicitStackAllocArrayCreationExpression(ImplicitStackAllocArrayCreationExpressionSyntax node)
    {
        Forbid(node.StackAllocKeyword.GetLocation(), "stackalloc", Unsafe);
        base.VisitImplicitStackAllocArrayCreationExpression(node);
    }

    public override void VisitPointerType(PointerTypeSyntax node)
    {
        Forbid(node.GetLocation(), node.ToString(), Unsafe);
        base.VisitPointerType(node);
    }

    public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
    {
        Forbid(node.GetLocation(), "delegate*", Unsafe);
        base.VisitFunctionPointerType(node);
    }

    public override void VisitLockStatement(LockStatementSyntax node)
    {
        Forbid(node.LockKeyword.GetLocation(), "lock", Threads);
        base.VisitLockStatement(node);
    }

    public override void VisitAwaitExpression(AwaitExpressionSyntax node)
    {
        Forbid(node.AwaitKeyword.GetLocation(), "await", Threads);
        base.VisitAwaitExpression(node);
    }

    public override void VisitDestructorDeclaration(DestructorDeclarationSyntax node)
    {
        Forbid(node.Identifier.GetLocation(), "~" + node.Identifier.Text, "a finalizer would run on another thread, outside the function's time budget");
        base.VisitDestructorDeclaration(node);
    }

    public override void VisitMakeRefExpression(MakeRefExpressionSyntax node)
    {
        Forbid(node.Keyword.GetLocation(), "__makeref", Reflection);
        base.VisitMakeRefExpression(node);
    }

    public override void VisitRefTypeExpression(RefTypeExpressionSyntax node)
    {
        Forbid(node.Keyword.GetLocation(), "__reftype", Reflection);
        base.VisitRefTypeExpression(node);
    }

    public override void VisitRefValueExpression(RefValueExpressionSyntax node)
    {
        Forbid(node.Keyword.GetLocation(), "__refvalue", Reflection);
        base.VisitRefValueExpression(node);
    }

    public override void VisitArgumentList(ArgumentListSyntax node)
    {
        foreach (var argument in node.Arguments.Where(a => a.Expression.IsKind(SyntaxKind.ArgListExpression)))
        {
            Forbid(argument.GetLocation(), "__arglist", Unsafe);
        }

        base.VisitArgumentList(node);
    }

    public override void VisitToken(SyntaxToken token)
    {
        var reason = token.Kind() switch
        {
            SyntaxKind.UnsafeKeyword when token.Parent is not UnsafeStatementSyntax => Unsafe,
            SyntaxKind.ExternKeyword => "scripts cannot call native code",
            SyntaxKind.AsyncKeyword when token.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax => Threads,
            SyntaxKind.VolatileKeyword => Threads,
            _ => null,
        };
        if (reason is not null)
        {
            Forbid(token.GetLocation(), token.Text, reason);
        }

        base.VisitToken(token);
    }

    public override void VisitReferenceDirectiveTrivia(ReferenceDirectiveTriviaSyntax node)
    {
        Forbid(node.GetLocation(), "#r", "a script uses only the assemblies the engine gives it");
        base.VisitReferenceDirectiveTrivia(node);
    }

    public override void VisitLoadDirectiveTrivia(LoadDirectiveTriviaSyntax node)
    {
        Forbid(node.GetLocation(), "#load", "a script is compiled on its own; put the code it needs in the same file");
        base.VisitLoadDirectiveTrivia(node);
    }

    private void CheckSymbol(SimpleNameSyntax node)
    {
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        switch (symbol)
        {
            case ITypeSymbol type:
                CheckType(type, node);
                break;
            case IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol:
                CheckMember(symbol, node);
                break;
        }
    }

    private void CheckMember(ISymbol member, SyntaxNode node)
    {
        if (IsInSource(member))
        {
            return;
        }

        var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member.OriginalDefinition;
        var name = $"{Full(definition.ContainingType)}.{definition.Name}";
        if (DeniedMembers.TryGetValue(name, out var reason) || (definition.Name == "GetHashCode" && (reason = Pure) is not null))
        {
            Forbid(node.GetLocation(), name, reason);
            return;
        }

        if (definition.ContainingType is { } owner && Denial(owner) is { } ownerReason)
        {
            Forbid(node.GetLocation(), Full(owner), ownerReason);
            return;
        }

        if (definition is IMethodSymbol method && Full(method.ContainingType) == "System.Text.RegularExpressions.Regex" && method.IsStatic && !TakesTimeout(method)
            && method.Name is "IsMatch" or "Match" or "Matches" or "Replace" or "Split" or "Count" or "EnumerateMatches" or "EnumerateSplits")
        {
            RegexWithoutTimeout(node);
        }
    }

    private void CheckCreation(BaseObjectCreationExpressionSyntax node)
    {
        if (model.GetSymbolInfo(node).Symbol is IMethodSymbol constructor && !IsInSource(constructor))
        {
            if (Denial(constructor.ContainingType) is { } reason)
            {
                Forbid(node.GetLocation(), Full(constructor.ContainingType), reason);
            }
            else if (Full(constructor.ContainingType) == "System.Text.RegularExpressions.Regex" && !TakesTimeout(constructor))
            {
                RegexWithoutTimeout(node);
            }
        }
    }

    private void CheckGlobalWrite(ExpressionSyntax target)
    {
        if (model.GetSymbolInfo(target).Symbol is (IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true }) and var symbol && !IsInSource(symbol))
        {
            Forbid(target.GetLocation(), $"{Full(symbol.ContainingType)}.{symbol.Name}", "scripts cannot change the process's global state");
        }
    }

    private void CheckType(ITypeSymbol? type, SyntaxNode node)
    {
        if (type is not null && Denial(type) is { } reason)
        {
            Forbid(node.GetLocation(), Shown(type), reason);
        }
    }

    /// <summary>Why a type may not be used, or null when it may.</summary>
    private static string? Denial(ITypeSymbol type)
    {
        switch (type)
        {
            case IErrorTypeSymbol or ITypeParameterSymbol:
                return null;
            case IDynamicTypeSymbol:
                return "scripts cannot use dynamic binding";
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return Unsafe;
            case IArrayTypeSymbol array:
                return Denial(array.ElementType);
            case INamedTypeSymbol named:
                if (named.IsTupleType)
                {
                    return named.TupleElements.Select(e => Denial(e.Type)).FirstOrDefault(r => r is not null);
                }

                if (IsInSource(named) || named.IsAnonymousType)
                {
                    return null;
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (Denial(argument) is { } reason)
                    {
                        return reason;
                    }
                }

                var definition = named.OriginalDefinition;
                if (definition.ContainingType is { } outer)
                {
                    return Denial(outer);
                }

                var full = Full(definition);
                if (DeniedTypes.TryGetValue(full, out var denied))
                {
                    return denied;
                }

                var space = definition.ContainingNamespace?.ToDisplayString() ?? "";
                return AllowedTypes.Contains(full) || AllowedNamespaces.Contains(space) ? null : NamespaceReason(space);
            default:
                return null;
        }
    }

    private static string NamespaceReason(string space) => space switch
    {
        _ when space.StartsWith("System.IO", StringComparison.Ordinal) => "scripts have no access to the file system",
        _ when space.StartsWith("System.Net", StringComparison.Ordinal) => "scripts have no access to the network",
        _ when space.StartsWith("System.Diagnostics", StringComparison.Ordinal) => "scripts cannot start or inspect processes",
        _ when space.StartsWith("System.Reflection", StringComparison.Ordinal) => Reflection,
        _ when space.StartsWith("System.Runtime.InteropServices", StringComparison.Ordinal) => "scripts cannot call native code",
        _ when space.StartsWith("System.Threading", StringComparison.Ordinal) => Threads,
        _ => "a C# function may use only System, System.Collections, System.Collections.Generic, System.Globalization, System.Linq, System.Numerics, System.Text and System.Text.RegularExpressions",
    };

    private static bool TakesTimeout(IMethodSymbol method) => method.Parameters.Any(p => Full(p.Type) == "System.TimeSpan");

    private static bool IsInSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

    /// <summary>A type's name with its namespace and, for a generic type, its arity (<c>System.Linq.ParallelQuery`1</c>).</summary>
    private static string Full(ITypeSymbol type)
    {
        var space = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : "";
        var outer = type.ContainingType is { } containing ? Full(containing) + "." : space;
        return outer + type.MetadataName;
    }

    private static string Shown(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private void RegexWithoutTimeout(SyntaxNode node)
    {
        if (Report(node.GetLocation(), "regex"))
        {
            diagnostics.Add(DiagnosticDescriptors.ScriptRegexWithoutTimeout, ScriptLocations.Of(node.GetLocation()));
        }
    }

    private void Forbid(Location location, string subject, string reason)
    {
        if (Report(location, subject))
        {
            diagnostics.Add(DiagnosticDescriptors.ForbiddenScriptApi, ScriptLocations.Of(location), subject, reason);
        }
    }

    private bool Report(Location location, string subject)
    {
        if (!reported.Add((location.GetLineSpan().StartLinePosition.Line, subject)))
        {
            return false;
        }

        Problems++;
        return true;
    }
}
