using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Signing;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>
/// The NuGet feeds of a folder's <c>nuget.config</c> (with those above it and the user's), the way
/// <c>dotnet restore</c> reads them, with the global packages folder as their cache: a package already
/// there is used without asking any feed, so a second run is offline. A pack package holds its pack in
/// <c>pack/</c> and has the package type <c>ZonePolicyPack</c>.
/// </summary>
internal sealed class PackFeeds : IPackSource, ILocalVersionLookup, IDisposable
{
    public const string PackageType = "ZonePolicyPack";
    public const string PackFolder = "pack";

    private readonly ISettings settings;
    private readonly IReadOnlyList<PackageSource> feeds;
    private readonly string packagesFolder;
    private readonly DiagnosticBag diagnostics;
    private readonly SourceLocation requestedAt;
    private readonly SourceCacheContext cache = new();
    private readonly Dictionary<string, List<PackCandidate>> listed = new(StringComparer.Ordinal);
    private readonly Dictionary<PackCandidate, PackageSource> origins = [];
    private readonly HashSet<string> failedFeeds = new(StringComparer.Ordinal);

    private PackFeeds(ISettings settings, IReadOnlyList<PackageSource> feeds, string packagesFolder, SourceLocation requestedAt, DiagnosticBag diagnostics)
    {
        this.requestedAt = requestedAt;
        this.settings = settings;
        this.feeds = feeds;
        this.packagesFolder = packagesFolder;
        this.diagnostics = diagnostics;
        var names = feeds.Count == 0 ? "no feed" : string.Join(", ", feeds.Select(f => $"`{f.Name}` ({f.Source})"));
        Description = $"the NuGet feeds of `{settings.GetConfigFilePaths().FirstOrDefault() ?? "nuget.config"}`: {names}, cached in `{packagesFolder}`";
    }

    public string Description { get; }

    /// <summary>Removes what NuGet's source cache context may have put in a temporary folder of its own.</summary>
    public void Dispose() => cache.Dispose();

    public static PackFeeds? Create(string configDirectory, SourceLocation requestedAt, DiagnosticBag diagnostics)
    {
        try
        {
            var settings = Settings.LoadDefaultSettings(configDirectory);
            var feeds = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToList();
            return new PackFeeds(settings, feeds, SettingsUtility.GetGlobalPackagesFolder(settings), requestedAt, diagnostics);
        }
        catch (Exception exception) when (exception is NuGetConfigurationException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Add(DiagnosticDescriptors.NuGetConfigUnreadable, requestedAt, exception.Message);
            return null;
        }
    }

    public IReadOnlyList<PackCandidate> Versions(string name, DiagnosticBag report)
    {
        if (listed.TryGetValue(name, out var known))
        {
            return known;
        }

        var candidates = new List<PackCandidate>();
        foreach (var feed in feeds)
        {
            foreach (var version in ListVersions(feed, name).Where(v => !candidates.Exists(c => c.Version == v)))
            {
                var candidate = Candidate(name, version);
                origins[candidate] = feed;
                candidates.Add(candidate);
            }
        }

        // What the cache holds still counts when a feed cannot be reached.
        foreach (var version in CachedVersions(name).Where(v => !candidates.Exists(c => c.Version == v)))
        {
            candidates.Add(Candidate(name, version));
        }

        listed[name] = candidates;
        return candidates;
    }

    public PackCandidate? Installed(string name, NuGetVersion version) =>
        File.Exists(Path.Combine(VersionFolder(name, version), PackagingCoreConstants.NupkgMetadataFileExtension)) ? Candidate(name, version) : null;

    public IEnumerable<string> Names() => [];

    public bool Fetch(PackCandidate candidate, SourceLocation requestedAt, DiagnosticBag report)
    {
        if (candidate.Manifest is not null)
        {
            return true;
        }

        var identity = new PackageIdentity(candidate.Name, candidate.Version);
        var versionFolder = VersionFolder(candidate.Name, candidate.Version!);
        if (!File.Exists(Path.Combine(versionFolder, PackagingCoreConstants.NupkgMetadataFileExtension)) && !Download(candidate, identity, requestedAt, report))
        {
            return false;
        }

        if (!IsPackPackage(versionFolder, candidate.Name))
        {
            report.Add(DiagnosticDescriptors.PackageNotAPack, requestedAt, candidate.Name, candidate.VersionText);
            return false;
        }

        var manifest = PackManifestReader.Read(candidate.Folder, candidate.DisplayFolder, report);
        if (manifest is null)
        {
            return false;
        }

        if (manifest.Name != candidate.Name || manifest.Version != candidate.Version)
        {
            report.Add(DiagnosticDescriptors.PackageManifestMismatch, manifest.LocationOf("name"), candidate.Name, candidate.VersionText, manifest.Name, manifest.Version.ToNormalizedString());
            return false;
        }

        candidate.Manifest = manifest;
        candidate.ContentHash = ReadContentHash(versionFolder);
        return true;
    }

    private bool Download(PackCandidate candidate, PackageIdentity identity, SourceLocation requestedAt, DiagnosticBag report)
    {
        var feed = origins.GetValueOrDefault(candidate) ?? (feeds.Count > 0 ? feeds[0] : null);
        if (feed is null)
        {
            report.Add(DiagnosticDescriptors.PackageNoFeed, requestedAt, candidate.Name, candidate.VersionText);
            return false;
        }

        try
        {
            var repository = Repository.Factory.GetCoreV3(feed);
            var download = repository.GetResource<DownloadResource>(CancellationToken.None)
                ?? throw new InvalidOperationException("the feed offers no package download");
            using var result = download.GetDownloadResourceResultAsync(identity, new PackageDownloadContext(cache), packagesFolder, NullLogger.Instance, CancellationToken.None)
                .GetAwaiter().GetResult();
            if (result.Status != DownloadResourceResultStatus.Available || result.PackageStream is null)
            {
                report.Add(DiagnosticDescriptors.PackageNotFetched, requestedAt, candidate.Name, candidate.VersionText, feed.Name, feed.Source, result.Status.ToString());
                return false;
            }

            var policy = ClientPolicyContext.GetClientPolicy(settings, NullLogger.Instance);
            using var added = GlobalPackagesFolderUtility.AddPackageAsync(feed.Source, identity, result.PackageStream, packagesFolder, Guid.Empty, policy, NullLogger.Instance, CancellationToken.None)
                .GetAwaiter().GetResult();
            return true;
        }
        catch (Exception exception) when (IsFeedFailure(exception))
        {
            report.Add(DiagnosticDescriptors.PackageNotFetched, requestedAt, candidate.Name, candidate.VersionText, feed.Name, feed.Source, Innermost(exception).Message);
            return false;
        }
    }

    private IEnumerable<NuGetVersion> ListVersions(PackageSource feed, string name)
    {
        if (failedFeeds.Contains(feed.Source))
        {
            return [];
        }

        try
        {
            var repository = Repository.Factory.GetCoreV3(feed);
            var finder = repository.GetResource<FindPackageByIdResource>(CancellationToken.None)
                ?? throw new InvalidOperationException("the feed offers no package listing");
            return finder.GetAllVersionsAsync(name, cache, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult()
                .OrderBy(v => v)
                .ToList();
        }
        catch (Exception exception) when (IsFeedFailure(exception))
        {
            failedFeeds.Add(feed.Source);
            diagnostics.Add(DiagnosticDescriptors.PackFeedUnavailable, requestedAt, feed.Name, feed.Source, Innermost(exception).Message);
            return [];
        }
    }

    private IEnumerable<NuGetVersion> CachedVersions(string name)
    {
        var folder = Path.Combine(packagesFolder, name.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .Select(v => NuGetVersion.TryParse(v, out var version) ? version : null)
            .OfType<NuGetVersion>()
            .Where(v => File.Exists(Path.Combine(VersionFolder(name, v), PackagingCoreConstants.NupkgMetadataFileExtension)))
            .OrderBy(v => v)
            .ToList();
    }

    private PackCandidate Candidate(string name, NuGetVersion version)
    {
        var folder = Path.Combine(VersionFolder(name, version), PackFolder);
        return new PackCandidate { Name = name, Version = version, Origin = PackOrigin.Feed, Folder = folder, DisplayFolder = folder, Source = this };
    }

    private string VersionFolder(string name, NuGetVersion version) =>
        Path.Combine(packagesFolder, name.ToLowerInvariant(), version.ToNormalizedString().ToLowerInvariant());

    private static bool IsPackPackage(string versionFolder, string name)
    {
        var nuspec = Path.Combine(versionFolder, name.ToLowerInvariant() + PackagingCoreConstants.NuspecExtension);
        if (!File.Exists(nuspec) || !File.Exists(Path.Combine(versionFolder, PackFolder, PackManifest.FileName)))
        {
            return false;
        }

        try
        {
            return new NuspecReader(nuspec).GetPackageTypes().Any(t => t.Name == PackageType);
        }
        catch (Exception exception) when (exception is PackagingException or System.Xml.XmlException or IOException)
        {
            return false;
        }
    }

    private static string? ReadContentHash(string versionFolder)
    {
        try
        {
            return NupkgMetadataFileFormat.Read(Path.Combine(versionFolder, PackagingCoreConstants.NupkgMetadataFileExtension))?.ContentHash;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool IsFeedFailure(Exception exception) =>
        exception is FatalProtocolException or HttpRequestException or IOException or UnauthorizedAccessException or TaskCanceledException
            or InvalidDataException or PackagingException or ArgumentException or InvalidOperationException
        || exception is AggregateException { InnerExceptions: var inner } && inner.All(IsFeedFailure);

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;
}
