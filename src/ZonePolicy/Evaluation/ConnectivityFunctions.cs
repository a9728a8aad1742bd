using ZonePolicy.Binding;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>
/// The built-ins that compare the declared flows with what the network permits, evaluated on the site's
/// <see cref="PermittedNetwork"/>: a flow is permitted when the network lets its source start its session
/// (its protocol and port) with its target, and, when it is bidirectional, the target with the source.
/// </summary>
internal static class ConnectivityFunctions
{
    public static Evaluator Compile(BuiltinFunction function, Evaluator[] args) => function switch
    {
        BuiltinFunction.Permitted => frame => args[0](frame) is Entity flow && Ends(frame.Context, flow) is { } ends
            ? Truth.Of(ends.From == ends.To
                || frame.Context.Network.HopOf(ends.From, ends.To, ends.Filter) is not null
                && (!ends.Bidirectional || frame.Context.Network.HopOf(ends.To, ends.From, ends.Filter) is not null))
            : null,
        BuiltinFunction.Denial => frame => args[0](frame) is Entity flow && Ends(frame.Context, flow) is { } ends
            ? frame.Context.Network.DenialOf(ends.From, ends.To, ends.Filter)
                ?? (ends.Bidirectional ? Reverse(frame.Context.Network.DenialOf(ends.To, ends.From, ends.Filter)) : null)
            : null,
        BuiltinFunction.PermitsCrossing => frame =>
            args[0](frame) is Entity conduit && args[1](frame) is Entity from && args[2](frame) is Entity to
                ? Truth.Of(frame.Context.Network.PermitsCrossing(conduit, from, to))
                : null,
        BuiltinFunction.UnusedAllows => frame => args[0](frame) is Entity owner ? frame.Context.Network.UnusedRules(owner) : null,
        BuiltinFunction.UnneededCrossings => frame => args[0](frame) is Entity conduit ? frame.Context.Network.UnneededCrossings(conduit) : null,
        _ => throw new InvalidOperationException($"no evaluation for {function}"),
    };

    private static string? Reverse(string? denial) => denial is null ? null : $"{denial} (the flow is bidirectional)";

    /// <summary>The flow's ends as asset numbers, its service, and whether it also runs back; null when an end is missing.</summary>
    private static (int From, int To, ServiceFilter Filter, bool Bidirectional)? Ends(EvaluationContext context, Entity flow)
    {
        if (flow["from"] is not Entity from || flow["to"] is not Entity to
            || !context.Assets.TryNumber(from, out var a) || !context.Assets.TryNumber(to, out var b))
        {
            return null;
        }

        return (a, b, new ServiceFilter(flow["protocol"] as string, flow["port"] as long?), flow["direction"] is "bidirectional");
    }
}
