using System.Reflection.PortableExecutable;

namespace ZonePolicy.Benchmarks.Measurements;

/// <summary>
/// Whether the engine this benchmark runs carries precompiled (ReadyToRun) code, as the tool's platform packages ship it,
/// or only IL that the JIT compiles as it runs, as a plain build and the IL-only package do. A cold run pays for the JIT,
/// so every figure of a fresh process depends on it.
/// </summary>
internal static class CodeForm
{
    public static string Describe()
    {
        using var stream = File.OpenRead(typeof(PolicyEngine).Assembly.Location);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0
            ? "Engine code: precompiled (ReadyToRun), as the tool's platform packages ship it."
            : "Engine code: IL compiled as it runs (JIT), as a plain build and the IL-only tool package run it; " +
              "publish the benchmark with ReadyToRun to measure the shipped tool (see the README).";
    }
}
