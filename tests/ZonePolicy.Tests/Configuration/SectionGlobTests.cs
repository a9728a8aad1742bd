using ZonePolicy.Configuration;

namespace ZonePolicy.Tests.Configuration;

/// <summary>Section globs match a path relative to the config file's folder, written <c>/dir/file</c>, as editorconfig does.</summary>
public sealed class SectionGlobTests
{
    [Theory]
    [InlineData("*.json", "/site/a.topology.json", true)]
    [InlineData("*.json", "/a.zpol", false)]
    [InlineData("*", "/deep/er/a.json", true)]
    [InlineData("*.topology.json", "/a.topology.json", true)]
    [InlineData("site/*.json", "/site/a.json", true)]
    [InlineData("site/*.json", "/other/site/a.json", false)]
    [InlineData("/site/*.json", "/site/a.json", true)]
    [InlineData("site/*.json", "/site/deep/a.json", false)]
    [InlineData("site/**.topology.json", "/site/deep/er/a.topology.json", true)]
    [InlineData("site/**.topology.json", "/site/a.json", false)]
    [InlineData("**/plant-?.json", "/x/y/plant-1.json", true)]
    [InlineData("plant-?.json", "/plant-12.json", false)]
    [InlineData("*.{json,zpol}", "/rules.zpol", true)]
    [InlineData("*.{json,zpol}", "/rules.txt", false)]
    [InlineData("{line-a,line-b}/*.json", "/line-b/s.json", true)]
    [InlineData("{line-a,{cell,hall}-b}/*.json", "/hall-b/s.json", true)]
    [InlineData("{json}", "/json", true)]
    [InlineData("[ab].json", "/b.json", true)]
    [InlineData("[!ab].json", "/b.json", false)]
    [InlineData("[!ab].json", "/c.json", true)]
    [InlineData("case[0-9].json", "/case7.json", true)]
    [InlineData("case[0-9].json", "/casex.json", false)]
    [InlineData("case{1..3}.json", "/case2.json", true)]
    [InlineData("case{1..3}.json", "/case4.json", false)]
    [InlineData("case{3..1}.json", "/case1.json", true)]
    [InlineData("t{-2..2}.json", "/t-1.json", true)]
    [InlineData(@"\*.json", "/a.json", false)]
    [InlineData(@"\*.json", "/*.json", true)]
    [InlineData("a.b", "/aXb", false)]
    public void A_glob_matches_as_editorconfig_specifies(string glob, string relativePath, bool matches)
    {
        var parsed = SectionGlob.TryParse(glob);

        Assert.NotNull(parsed);
        Assert.Equal(matches, parsed.IsMatch(relativePath));
    }

    [Theory]
    [InlineData("{a,b")]
    [InlineData("[abc")]
    [InlineData("a}")]
    [InlineData("a,b")]
    [InlineData(@"a\")]
    public void A_malformed_glob_is_no_glob_and_its_section_matches_nothing(string glob)
    {
        Assert.Null(SectionGlob.TryParse(glob));
    }
}
