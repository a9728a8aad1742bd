using System.CommandLine;
using System.CommandLine.Parsing;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>
/// <c>zpol explain &lt;topology.json&gt; [--project file-or-dir] --rules &lt;file-or-dir&gt;... | --pack &lt;name&gt;... --rule ID
/// [--entity id[,id...]]... [--param k=v]... [--severity ID=level]... [--today yyyy-MM-dd] [--baseline file] [--warnaserror]
/// [--format text|json]</c>: shows how the engine reaches its verdict on one rule for one site. The rules and settings
/// are those <c>zpol check</c> takes, read by the same options and, for what the command line leaves out, from the
/// same project file.
/// </summary>
internal sealed class ExplainCommand : Command
{
    private readonly CliContext context;

    private readonly Argument<string> topology = new("topology.json")
    {
        Description = "The topology file of the site.",
    };

    private readonly Option<string> rule = new("--rule")
    {
        HelpName = "ID",
        Description = "The id of the rule to explain.",
        Required = true,
    };

    private readonly Option<string[]> entities = new("--entity")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "id[,id...]",
        Description = "Explains only the combinations of bindings that bind this entity, or all of these comma-separated entities (as a waiver's targets); repeat to explain more.",
    };

    private readonly RuleInputOptions inputs = new();

    private readonly Option<ExplainFormat> format = new("--format")
    {
        HelpName = "text|json",
        Description = "The format of the explanation (default: text).",
        CustomParser = ParseFormat,
    };

    public ExplainCommand(CliContext context)
        : base("explain", "Shows how the verdict of one rule on one site comes about: each binding, each value, each decision.")
    {
        this.context = context;
        inputs.AddTo(this, topology, rule, entities);
        Add(inputs.Baseline);
        Add(inputs.WarningsAsErrors);
        Add(format);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var combined = inputs.Resolve(parse, [parse.GetRequiredValue(topology)], context.WorkingDirectory, "explain");
        if (combined.ArgumentErrors.Count > 0)
        {
            return ReportWriter.WriteArgumentErrors(combined.ArgumentErrors, ReportTarget.Text, context);
        }

        var result = combined.Request is { } check
            ? ExplainSafely(new ExplainRequest
            {
                Check = check,
                RuleId = parse.GetRequiredValue(rule),
                Entities = [.. (parse.GetValue(entities) ?? []).Select(e => (IReadOnlyList<string>)e.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
            })
            : new ExplainResult { Diagnostics = DiagnosticOrder.Sort([.. combined.ProjectDiagnostics]) };
        result.Write(context.Out, parse.GetValue(format));
        return result.ExitCode;
    }

    private ExplainResult ExplainSafely(ExplainRequest request)
    {
        try
        {
            return context.Explain(request);
        }
        catch (Exception exception)
        {
            return new ExplainResult { Diagnostics = [CliDiagnostics.InternalError(exception)] };
        }
    }

    private static ExplainFormat ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Enum.TryParse<ExplainFormat>(text, ignoreCase: true, out var parsed) && !char.IsAsciiDigit(text[0]))
            return parsed;

        result.AddError($"`--format` takes text or json, not `{text}`");
        return ExplainFormat.Text;
    }
}
