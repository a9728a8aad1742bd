using Xunit;
using Xunit.Sdk;
using ZonePolicy.Testing;

namespace ZonePolicy.Cli.Tests;

public sealed class ApprovalsTests
{
    [Fact]
    public void Output_that_matches_the_verified_file_passes_whatever_its_line_ends() =>
        Approvals.Verify("first line\r\nsecond line\r\n");

    [Fact]
    public void A_mismatch_fails_with_a_line_diff_and_leaves_the_received_file_beside_the_test()
    {
        var received = Path.Combine(SourceFolder(), $"{nameof(ApprovalsTests)}.{nameof(A_mismatch_fails_with_a_line_diff_and_leaves_the_received_file_beside_the_test)}.received.txt");
        try
        {
            var failure = Assert.Throws<XunitException>(() => Approvals.Verify("one\n2\nthree\n", name: nameof(A_mismatch_fails_with_a_line_diff_and_leaves_the_received_file_beside_the_test)));

            Assert.Contains("  one\n- two\n+ 2\n  three\n", failure.Message);
            Assert.Equal("one\n2\nthree\n", File.ReadAllText(received));
        }
        finally
        {
            File.Delete(received);
        }
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
