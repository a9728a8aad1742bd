using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Licenses;
using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Testing;

namespace ZonePolicy.Packaging;

/// <summary>
/// <c>zpol pack</c>: runs a pack's tests and, when they pass, builds its NuGet package — the pack under
/// <c>pack/</c>, a <c>build/&lt;name&gt;.props</c> that registers it with ZonePolicy.MSBuild, its README, and a
/// nuspec with the manifest's identity and dependencies. The same pack gives the same bytes.
/// </summary>
public static class PackPackaging
{
    /// <summary>The id of the MSBuild integration's package, which every pack package depends on.</summary>
    public const string MSBuildPackageId = "ZonePolicy.MSBuild";

    // Zip entries carry this time instead of the files' own, so the bytes depend only on the contents.
    private const string FixedTimestamp = "2000-01-01T00:00:00Z";

    /// <summary>Writes the test report, then what was packed or why not; returns 0 packed, 1 tests failed, 2 invalid input, 3 internal error.</summary>
    public static int Run(PackagingRequest request, TextWriter output)
    {
        try
        {
            return Pack(request, output);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Write(output, Diagnostic.Create(DiagnosticDescriptors.PackagingFailed, SourceLocation.InFile(request.Folder), exception.GetType().Name, exception.Message));
            return 3;
        }
    }

    private static int Pack(PackagingRequest request, TextWriter output)
    {
        var diagnostics = new DiagnosticBag();
        var manifest = Directory.Exists(request.Folder) && File.Exists(Path.Combine(request.Folder, PackManifest.FileName))
            ? PackManifestReader.Read(request.Folder, request.Folder, diagnostics)
            : null;
        if (manifest is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Add(DiagnosticDescriptors.NotAPackFolder, SourceLocation.InFile(request.Folder), request.Folder);
            }

            return Fail(output, diagnostics);
        }

        if (License(manifest, diagnostics) is not { } license)
        {
            return Fail(output, diagnostics);
        }

        var tests = PackTests.Run([request.Folder], request.PackDirectories, new PackTestOptions
        {
            PackDirectories = request.PackDirectories,
            ShippedPackDirectories = [PackLocator.ShippedPacks],
            TrustedPacks = request.TrustedPacks,
            NuGetConfigDirectory = request.NuGetConfigDirectory,
        });
        TestReportWriter.Write(tests, output);
        if (tests.ExitCode != 0)
        {
            diagnostics.Add(DiagnosticDescriptors.PackNotPacked, SourceLocation.InFile(manifest.File), manifest.Name, manifest.Version.ToNormalizedString());
            Fail(output, diagnostics);
            return tests.ExitCode;
        }

        var files = PackFiles(request.Folder, diagnostics);
        if (files is null)
        {
            return Fail(output, diagnostics);
        }

        var path = Path.Combine(request.OutputDirectory, $"{manifest.Name}.{manifest.Version.ToNormalizedString()}.nupkg");
        if (!Write(Build(manifest, license, request.Folder, files), path, diagnostics))
        {
            return Fail(output, diagnostics);
        }

        output.WriteLine($"packed `{manifest.Name}` {manifest.Version.ToNormalizedString()} into {path}");
        return 0;
    }

    private static NuGetLicenseExpression? License(PackManifest manifest, DiagnosticBag diagnostics)
    {
        string problem;
        try
        {
            var expression = NuGetLicenseExpression.Parse(manifest.License);
            if (expression.HasOnlyStandardIdentifiers())
            {
                return expression;
            }

            problem = "it names a licence that is not on the SPDX licence list";
        }
        catch (Exception exception) when (exception is NuGetLicenseExpressionParsingException or ArgumentException)
        {
            problem = exception.Message.TrimEnd('.');
        }

        diagnostics.Add(DiagnosticDescriptors.InvalidLicense, manifest.LocationOf("license"), manifest.License, char.ToLowerInvariant(problem[0]) + problem[1..]);
        return null;
    }

    /// <summary>
    /// Every file of the pack, by its path relative to the folder with <c>/</c>, in ordinal order: not hidden
    /// files and folders (<c>.git</c>, <c>.vs</c>), and never a link, which could pull in a file from outside.
    /// </summary>
    private static List<(string Relative, string Full)>? PackFiles(string folder, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(folder);
        var files = new List<(string, string)>();
        var pending = new Stack<string>([root]);
        var ok = true;
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry.LinkTarget is not null)
                {
                    diagnostics.Add(DiagnosticDescriptors.PackHoldsLink, SourceLocation.InFile(Path.Join(folder, relative)), relative);
                    ok = false;
                }
                else if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                }
                else if (entry is FileInfo { Attributes: var attributes } && (attributes & FileAttributes.Device) == 0)
                {
                    files.Add((relative, entry.FullName));
                }
            }
        }

        return ok ? [.. files.OrderBy(f => f.Item1, StringComparer.Ordinal)] : null;
    }

    private static PackageBuilder Build(PackManifest manifest, NuGetLicenseExpression license, string folder, List<(string Relative, string Full)> files)
    {
        var builder = new PackageBuilder(deterministic: true)
        {
            Id = manifest.Name,
            Version = manifest.Version,
            Title = manifest.Title,
            Description = manifest.Description ?? manifest.Title,
            DevelopmentDependency = true,
            LicenseMetadata = new LicenseMetadata(LicenseType.Expression, manifest.License, license, null, LicenseMetadata.CurrentVersion),
            DeterministicTimestamp = FixedTimestamp,
        };
        builder.Authors.AddRange(manifest.Authors);
        builder.Tags.AddRange(["zonepolicy", "zonepolicy-pack", .. manifest.Tags.Where(t => !t.Contains(' '))]);
        if (manifest.ProjectUrl is { } url)
        {
            builder.ProjectUrl = new Uri(url);
        }

        builder.PackageTypes.Add(new PackageType(PackFeeds.PackageType, new Version(0, 0)));
        var dependencies = manifest.Dependencies
            .Select(d => new PackageDependency(d.Name, d.Range))
            .Append(new PackageDependency(MSBuildPackageId, new VersionRange(manifest.MinEngineVersion)))
            .OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.AnyFramework, dependencies));

        foreach (var (relative, full) in files)
        {
            builder.Files.Add(new PhysicalPackageFile { SourcePath = full, TargetPath = $"{PackFeeds.PackFolder}/{relative}" });
        }

        if (files.Exists(f => f.Relative == "README.md"))
        {
            builder.Readme = "README.md";
            builder.Files.Add(new PhysicalPackageFile { SourcePath = Path.Combine(folder, "README.md"), TargetPath = "README.md" });
        }

        builder.Files.Add(InMemory($"build/{manifest.Name}.props", RegistrationProps(manifest)));
        return builder;
    }

    /// <summary>Registers the pack with ZonePolicy.MSBuild, so that <c>ZonePolicyPack</c> finds it by name.</summary>
    internal static string RegistrationProps(PackManifest manifest) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!-- Written by zpol pack: registers the rule pack `{manifest.Name}` {manifest.Version.ToNormalizedString()} with ZonePolicy.MSBuild. Use it with <ZonePolicyPack Include="{manifest.Name}" />. -->
        <Project>
          <ItemGroup>
            <ZonePolicyPackFolder Include="$([MSBuild]::NormalizeDirectory('$(MSBuildThisFileDirectory)', '..', '{PackFeeds.PackFolder}'))" Name="{manifest.Name}" Version="{manifest.Version.ToNormalizedString()}" />
          </ItemGroup>
        </Project>

        """.ReplaceLineEndings("\n");

    private static PhysicalPackageFile InMemory(string target, string text) =>
        new(new MemoryStream(new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text))) { TargetPath = target };

    private static bool Write(PackageBuilder builder, string path, DiagnosticBag diagnostics)
    {
        var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = File.Create(temporary))
            {
                builder.Save(stream);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or PackagingException)
        {
            diagnostics.Add(DiagnosticDescriptors.PackageNotWritable, SourceLocation.InFile(path), path, exception.Message);
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Left beside the output, where it is seen.
            }

            return false;
        }
    }

    private static int Fail(TextWriter output, DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in DiagnosticOrder.Sort(diagnostics.Items))
        {
            Write(output, diagnostic);
        }

        return 2;
    }

    private static void Write(TextWriter output, Diagnostic diagnostic) => output.WriteLine(diagnostic.ToCanonicalString());
}
