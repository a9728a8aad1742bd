// The CVSS v3.1 base score of a vector (FIRST, "Common Vulnerability Scoring System v3.1: Specification
// Document", section 7.1 and appendix A), computed in decimal so that the rounding of appendix A is exact.
// A vector that is not a well-formed CVSS 3.0 or 3.1 vector with every base metric once gives null.

static readonly Dictionary<string, Dictionary<string, decimal>> Weights = new()
{
    ["AV"] = new() { ["N"] = 0.85m, ["A"] = 0.62m, ["L"] = 0.55m, ["P"] = 0.2m },
    ["AC"] = new() { ["L"] = 0.77m, ["H"] = 0.44m },
    ["PR"] = new() { ["N"] = 0.85m, ["L"] = 0.62m, ["H"] = 0.27m },
    ["UI"] = new() { ["N"] = 0.85m, ["R"] = 0.62m },
    ["S"] = new() { ["U"] = 0m, ["C"] = 0m },
    ["C"] = new() { ["H"] = 0.56m, ["L"] = 0.22m, ["N"] = 0m },
    ["I"] = new() { ["H"] = 0.56m, ["L"] = 0.22m, ["N"] = 0m },
    ["A"] = new() { ["H"] = 0.56m, ["L"] = 0.22m, ["N"] = 0m },
};

// Temporal and environmental metrics may follow the base metrics; the base score does not read them.
static readonly HashSet<string> OtherMetrics = new() { "E", "RL", "RC", "CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA" };

static decimal? cvss_base_score(string vector)
{
    var parts = vector.Split('/');
    if (parts.Length < 9 || parts[0] is not ("CVSS:3.1" or "CVSS:3.0"))
    {
        return null;
    }

    var metrics = new Dictionary<string, string>();
    foreach (var part in parts.Skip(1))
    {
        var colon = part.IndexOf(':');
        if (colon <= 0 || colon == part.Length - 1)
        {
            return null;
        }

        var name = part[..colon];
        var value = part[(colon + 1)..];
        var known = Weights.TryGetValue(name, out var values) ? values.ContainsKey(value) : OtherMetrics.Contains(name);
        if (!known || !metrics.TryAdd(name, value))
        {
            return null;
        }
    }

    if (!Weights.Keys.All(metrics.ContainsKey))
    {
        return null;
    }

    var changed = metrics["S"] == "C";
    var privileges = metrics["PR"] switch
    {
        "L" when changed => 0.68m,
        "H" when changed => 0.5m,
        var level => Weights["PR"][level],
    };

    var iss = 1m - ((1m - Weights["C"][metrics["C"]]) * (1m - Weights["I"][metrics["I"]]) * (1m - Weights["A"][metrics["A"]]));
    var impact = changed ? (7.52m * (iss - 0.029m)) - (3.25m * Power(iss - 0.02m, 15)) : 6.42m * iss;
    var exploitability = 8.22m * Weights["AV"][metrics["AV"]] * Weights["AC"][metrics["AC"]] * privileges * Weights["UI"][metrics["UI"]];
    if (impact <= 0m)
    {
        return 0.0m;
    }

    return Roundup(Math.Min(changed ? 1.08m * (impact + exploitability) : impact + exploitability, 10m));
}

static decimal Power(decimal value, int exponent)
{
    var result = 1m;
    for (var i = 0; i < exponent; i++)
    {
        result *= value;
    }

    return result;
}

// Appendix A: the smallest number with one decimal place that is not less than the input, computed on
// integers so that 4.000000000000001 is not rounded up to 4.1.
static decimal Roundup(decimal input)
{
    var scaled = (long)Math.Round(input * 100000m, MidpointRounding.AwayFromZero);
    return scaled % 10000 == 0 ? scaled / 100000m : (Math.Floor(scaled / 10000m) + 1m) / 10m;
}
