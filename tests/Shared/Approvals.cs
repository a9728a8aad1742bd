using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace ZonePolicy.Testing;

/// <summary>
/// Approval files: a test's output is compared with <c>&lt;TestClass&gt;.&lt;test&gt;.verified.txt</c> beside the
/// test's source file. On a mismatch (or when there is no verified file yet) the output is written to
/// <c>.received.txt</c> beside it and the test fails with a line diff; to approve, review the received
/// file and rename it to <c>.verified.txt</c>. Line ends do not count.
/// </summary>
internal static class Approvals
{
    public static void Verify(string received, [CallerFilePath] string file = "", [CallerMemberName] string name = "")
    {
        var folder = Path.GetDirectoryName(file)!;
        var stem = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}.{name}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var actual = Normalize(received);

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, actual);
            throw new XunitException($"no approved output yet: review {receivedPath} and rename it to {Path.GetFileName(verifiedPath)}");
        }

        var expected = Normalize(File.ReadAllText(verifiedPath));
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        throw new XunitException(
            $"output differs from {Path.GetFileName(verifiedPath)} (- verified, + received; written to {Path.GetFileName(receivedPath)}):\n"
            + Diff(expected.Split('\n'), actual.Split('\n')));
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <summary>A line diff from the longest common subsequence, with two lines of context around each change.</summary>
    private static string Diff(string[] expected, string[] actual)
    {
        var common = new int[expected.Length + 1, actual.Length + 1];
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            for (var j = actual.Length - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == actual[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int e = 0, a = 0;
        while (e < expected.Length || a < actual.Length)
        {
            if (e < expected.Length && a < actual.Length && expected[e] == actual[a])
            {
                lines.Add((' ', expected[e++]));
                a++;
            }
            else if (e < expected.Length && (a == actual.Length || common[e + 1, a] >= common[e, a + 1]))
            {
                lines.Add(('-', expected[e++]));
            }
            else
            {
                lines.Add(('+', actual[a++]));
            }
        }

        var output = new StringBuilder();
        for (var index = 0; index < lines.Count; index++)
        {
            var nearChange = Enumerable.Range(index - 2, 5).Any(k => k >= 0 && k < lines.Count && lines[k].Mark != ' ');
            if (nearChange)
            {
                output.Append(lines[index].Mark).Append(' ').Append(lines[index].Text).Append('\n');
            }
        }

        return output.ToString();
    }
}
