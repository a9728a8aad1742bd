using System.Text.RegularExpressions;
using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>Thrown when a rule has spent its evaluation budget: the rule stops, the others go on.</summary>
internal sealed class EvaluationBudgetExceededException : Exception;

/// <summary>
/// Watches the rule being evaluated: counts its steps (each element a loop or a comprehension visits, the
/// assets of each path search, each element or character a concatenation copies or an equality compares)
/// against a budget, so that no rule can run for ever, and collects the ZP04xx diagnostics of what went
/// wrong while it ran. The budget counts steps, not time, so a rule stops at the same point on every
/// machine. Regular expressions that time out are the one cost measured in time: a rule stops after
/// <see cref="TimeoutLimit"/> of them, instead of spending a second on each entity of a large site.
/// </summary>
internal sealed class EvaluationMonitor(long budget)
{
    /// <summary>The steps a rule may take on one site: far beyond any linear rule over a site of a million entities.</summary>
    public const long DefaultBudget = 200_000_000;

    /// <summary>The matches of one rule on one site that time out before the rule stops.</summary>
    public const int TimeoutLimit = 3;

    private readonly HashSet<(string Rule, SourceLocation At)> reported = [];
    private long stepsLeft;
    private int timeouts;
    private string rule = "";

    public List<Diagnostic> Problems { get; } = [];

    public void BeginRule(string id)
    {
        rule = id;
        stepsLeft = budget;
        timeouts = 0;
    }

    /// <summary>Counts <paramref name="steps"/> against the rule's budget; throws once it is spent.</summary>
    public void Spend(long steps = 1)
    {
        stepsLeft -= steps;
        if (stepsLeft < 0)
        {
            throw new EvaluationBudgetExceededException();
        }
    }

    /// <summary>Why the rule stopped, once it has thrown <see cref="EvaluationBudgetExceededException"/>.</summary>
    public Diagnostic OverBudget(SourceLocation ruleLocation, string site) => timeouts >= TimeoutLimit
        ? Diagnostic.Create(DiagnosticDescriptors.RuleOverTimeouts, ruleLocation, rule, TimeoutLimit, site)
        : Diagnostic.Create(DiagnosticDescriptors.RuleOverBudget, ruleLocation, rule, budget, site);

    /// <summary>Whether <paramref name="regex"/> matches <paramref name="input"/>; a match that times out is reported and unknown.</summary>
    public object? Match(Regex regex, string input, SourceLocation at, Frame frame)
    {
        try
        {
            return Truth.Of(regex.IsMatch(input));
        }
        catch (RegexMatchTimeoutException)
        {
            Report(DiagnosticDescriptors.RegexTimedOut, at, frame, regex.ToString(), RegularExpressions.MatchTimeout.TotalSeconds);
            if (++timeouts >= TimeoutLimit)
            {
                throw new EvaluationBudgetExceededException();
            }

            return null;
        }
    }

    /// <summary>A pattern computed while the rule runs that is not a regular expression: reported, and the match is unknown.</summary>
    public object? InvalidPattern(string pattern, string problem, SourceLocation at, Frame frame)
    {
        Report(DiagnosticDescriptors.InvalidRuntimeRegex, at, frame, pattern, problem);
        return null;
    }

    /// <summary>Reports once per rule and place, naming the entities the rule was bound to when it happened.</summary>
    private void Report(DiagnosticDescriptor descriptor, SourceLocation at, Frame frame, params object?[] details)
    {
        if (!reported.Add((rule, at)))
        {
            return;
        }

        var entities = frame.Bindings.Select(e => $"`{e.Id}`").ToList();
        var where = entities.Count > 0 ? $"on {string.Join(", ", entities)}" : "while computing a constant";
        Problems.Add(Diagnostic.Create(descriptor, at, [rule, .. details, where]));
    }
}
