using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using CorpusGen.PackageTests.Infrastructure;
using Xunit;

namespace CorpusGen.PackageTests;

/// <summary>What `dotnet pack src/CorpusGen` puts in the package.</summary>
public sealed class PackageLayoutTests
{
    [Fact]
    public async Task Package_holds_the_generator_the_build_props_and_the_readme_and_no_library()
    {
        var package = await PackedPackage.Instance;
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/CorpusGen.dll", entries);
        Assert.Contains("build/CorpusGen.props", entries);
        Assert.Contains("buildTransitive/CorpusGen.props", entries);
        Assert.Contains("README.md", entries);

        // Consumers get no assembly to reference: lib/ holds at most the empty placeholder.
        Assert.DoesNotContain(entries, e => (e.StartsWith("lib/", System.StringComparison.Ordinal) || e.StartsWith("ref/", System.StringComparison.Ordinal))
            && !e.EndsWith("/_._", System.StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", System.StringComparison.Ordinal) && e != "analyzers/dotnet/cs/CorpusGen.dll");
    }

    [Fact]
    public async Task Build_props_make_the_options_visible_to_the_generator()
    {
        var package = await PackedPackage.Instance;
        using var zip = ZipFile.OpenRead(package.PackagePath);
        foreach (var path in new[] { "build/CorpusGen.props", "buildTransitive/CorpusGen.props" })
        {
            using var stream = zip.GetEntry(path)!.Open();
            var props = XDocument.Load(stream);
            var metadata = props.Descendants("CompilerVisibleItemMetadata")
                .Select(e => (string)e.Attribute("Include")! + "." + (string)e.Attribute("MetadataName")!).ToList();
            var properties = props.Descendants("CompilerVisibleProperty").Select(e => (string)e.Attribute("Include")!).ToList();
            Assert.Equal(new[] { "AdditionalFiles.Corpus", "AdditionalFiles.CorpusClass" }, metadata.OrderBy(m => m, System.StringComparer.Ordinal));
            Assert.Superset(new System.Collections.Generic.HashSet<string> { "CorpusNamespace", "CorpusVisibility", "CorpusClassName", "CorpusConstants" }, properties.ToHashSet());
        }
    }

    [Fact]
    public async Task Nuspec_declares_a_development_dependency_with_license_readme_and_repository()
    {
        var package = await PackedPackage.Instance;
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("CorpusGen.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("CorpusGen", (string?)metadata.Element(ns + "id"));
        Assert.Equal(package.Version, (string?)metadata.Element(ns + "version"));
        Assert.Equal("true", (string?)metadata.Element(ns + "developmentDependency"));
        var license = metadata.Element(ns + "license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", (string?)metadata.Element(ns + "readme"));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), System.StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")));

        // The generator's own references (Roslyn) are compile-time only: nothing flows to consumers.
        var dependencies = metadata.Element(ns + "dependencies");
        Assert.True(dependencies is null || !dependencies.Descendants(ns + "dependency").Any(), dependencies?.ToString());
    }

    [Fact]
    public async Task Project_version_is_0_1_0()
    {
        var package = await PackedPackage.Instance;
        var result = await DotNet.RunAsync(package.RepositoryRoot, new[]
        {
            "msbuild", Path.Combine("src", "CorpusGen", "CorpusGen.csproj"), "-getProperty:Version", "-nologo", "-nodeReuse:false",
        }, System.TimeSpan.FromMinutes(2));
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("0.1.0", result.Output.Trim());
    }
}
