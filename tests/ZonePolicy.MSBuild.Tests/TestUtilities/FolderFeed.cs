namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>A <c>nuget.config</c> whose only package source is one folder: restores and installs below it see nothing else.</summary>
internal static class FolderFeed
{
    public static void WriteNuGetConfig(string folder, string feed) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="zonepolicy-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
}
