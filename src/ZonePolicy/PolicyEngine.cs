namespace ZonePolicy;

/// <summary>The engine's façade: compiles the rules, loads each topology, evaluates and reports.</summary>
public static class PolicyEngine
{
    public static CheckResult Check(CheckRequest request) => throw new NotImplementedException();
}
