using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>
/// CorpusGen packed once per test run (`dotnet pack src/CorpusGen`) into a local feed under a temporary root, with a
/// version of its own so that no package cached by an earlier run can be restored instead. Consumers are created
/// under the same root, which holds a nuget.config (the local feed plus the repository's own sources) and empty
/// Directory.Build files, so nothing of the repository or the machine leaks into them.
/// </summary>
public sealed class PackedPackage
{
    public const string PackageId = "CorpusGen";

    private static readonly Lazy<Task<PackedPackage>> s_instance = new(CreateAsync);

    private PackedPackage(string repositoryRoot, string root, string feed, string version, string packagePath, CommandResult pack)
    {
        RepositoryRoot = repositoryRoot;
        Root = root;
        Feed = feed;
        Version = version;
        PackagePath = packagePath;
        Pack = pack;
    }

    /// <summary>The one package of this test run; packed on first use.</summary>
    public static Task<PackedPackage> Instance => s_instance.Value;

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder that holds the feed and every consumer.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>The .nupkg in <see cref="Feed"/>.</summary>
    public string PackagePath { get; }

    public CommandResult Pack { get; }

    /// <summary>The seed corpus file of the sample.</summary>
    public string SeedCorpus => Path.Combine(RepositoryRoot, "sample", "CorpusGen.Sample", "news", "000_bb9cd9dc54830164.txt");

    /// <summary>A new, empty folder for one consumer (or one batch of consumers) under <see cref="Root"/>.</summary>
    public string NewFolder(string name)
    {
        string path = Path.Combine(Root, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorpusGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CorpusGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<PackedPackage> CreateAsync()
    {
        string repository = FindRepositoryRoot();
        string root = Path.Combine(Path.GetTempPath(), "corpusgen-package-tests", Guid.NewGuid().ToString("N")[..12]);
        string feed = Path.Combine(root, "feed");
        Directory.CreateDirectory(feed);

        // A version no earlier run has used: the global packages folder cannot hold a stale copy of it.
        string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "."
            + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);

        WriteIsolation(root, repository, feed);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp(root, version);

        // --artifacts-path keeps this build's bin/obj out of src/CorpusGen, which the other test projects build.
        var pack = await DotNet.RunAsync(repository, new[]
        {
            "pack", Path.Combine(repository, "src", "CorpusGen", "CorpusGen.csproj"),
            "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "artifacts"),
            "-p:Version=" + version, "-nodeReuse:false", "--disable-build-servers", "-v:m", "-clp:ForceNoAlign",
        }, TimeSpan.FromMinutes(4)).ConfigureAwait(false);

        string packagePath = Path.Combine(feed, PackageId + "." + version + ".nupkg");
        if (!pack.Succeeded || !File.Exists(packagePath))
        {
            throw new InvalidOperationException("Packing CorpusGen failed: " + pack.Describe());
        }

        return new PackedPackage(repository, root, feed, version, packagePath, pack);
    }

    /// <summary>nuget.config (local feed first, then the repository's sources) and empty Directory.Build files.</summary>
    private static void WriteIsolation(string root, string repository, string feed)
    {
        var config = XDocument.Load(Path.Combine(repository, "nuget.config"));
        var sources = config.Root!.Element("packageSources") ?? throw new InvalidOperationException("nuget.config has no packageSources");
        var local = new XElement("add", new XAttribute("key", "corpusgen-local"), new XAttribute("value", feed));
        var clear = sources.Elements("clear").LastOrDefault();
        if (clear is null)
        {
            sources.AddFirst(local);
        }
        else
        {
            clear.AddAfterSelf(local);
        }

        config.Save(Path.Combine(root, "nuget.config"));
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, name), "<Project>\n</Project>\n");
        }
    }

    private static void CleanUp(string root, string version)
    {
        if (Environment.GetEnvironmentVariable("CORPUSGEN_KEEP_TEMP") == "1")
        {
            return;
        }

        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
                ? custom
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string extracted = Path.Combine(packages, PackageId.ToLowerInvariant(), version);
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
