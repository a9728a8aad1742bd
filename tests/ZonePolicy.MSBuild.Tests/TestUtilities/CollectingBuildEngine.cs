using System.Collections;
using Microsoft.Build.Framework;

namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>A build engine that keeps every event a task logs, for unit tests of the task.</summary>
internal sealed class CollectingBuildEngine(string projectFile = "/repo/site/policy.csproj") : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public string ProjectFileOfTaskNode => projectFile;

    public int ColumnNumberOfTaskNode => 0;

    public int LineNumberOfTaskNode => 0;

    public bool ContinueOnError => false;

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();
}
