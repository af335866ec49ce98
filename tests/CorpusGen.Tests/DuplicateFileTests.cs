using System;
using System.Collections.Generic;
using System.Linq;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// One file given to the generator more than once (CORPUS007): it is in the corpus once, and the generated code is
/// exactly that of the corpus without the extra items. DiagnosticsTests checks the warning itself.
/// </summary>
public sealed class DuplicateFileTests
{
    private static List<CorpusFileSpec> Files(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new CorpusFileSpec($"/project/news/{i:D4}.txt", $"- Headline {i} about markets\n- Shared\nTitle {i}\nParagraph {i}.\nA.B--XY"))
            .ToList();

    [Fact]
    public void Duplicates_generate_exactly_the_sources_of_the_corpus_without_them()
    {
        // 20 files make 3 groups of blobs (8 each) and 2 groups of constants (16 each); the copies are of the first and
        // last file and of files on both sides of those groups' edges, so that every numbering that a skipped item
        // could shift is checked, in several orders of the items.
        var files = Files(20);
        var expected = Sources(GeneratorRunner.Run(files).AssertCompilesClean());
        var copies = new[] { 0, 7, 8, 8, 15, 16, 19 }
            .Select((i, n) => files[i] with { Path = n % 2 == 0 ? files[i].Path : files[i].Path.Replace('/', '\\') })
            .ToList();

        var random = new Random(7);
        for (int round = 0; round < 3; round++)
        {
            var items = files.Concat(copies).OrderBy(_ => random.Next()).ToList();
            var output = GeneratorRunner.Run(items).AssertCompilesClean();

            Assert.Equal(copies.Count, output.GeneratorDiagnostics.Length);
            Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("CORPUS007", d.Id));
            Assert.Equal(expected, Sources(output));
        }
    }

    [Fact]
    public void One_file_in_two_classes_is_in_both()
    {
        // Each class has its own store type, so its blob names meet no other class's: the file is no duplicate there.
        // The test's usual options are per path, so these two items get theirs per item.
        var news = new InMemoryAdditionalText("/project/news/a.txt", SourceText.From("- Alpha\nTitle A"));
        var sport = new InMemoryAdditionalText("/project/news/a.txt", SourceText.From("- Alpha\nTitle A"));
        var options = new PerItemOptions(new Dictionary<AdditionalText, string> { [news] = "News", [sport] = "Sport" });
        var compilation = GeneratorRunner.Compilation();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new CorpusGenerator().AsSourceGenerator() }, new AdditionalText[] { news, sport }, GeneratorRunner.ParseOptions(), options);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("News"));
        Assert.NotNull(output.GetTypeByMetadataName("Sport"));
    }

    private static List<(string, string)> Sources(GeneratorOutput output) =>
        output.Sources.Select(pair => (pair.Key, pair.Value)).OrderBy(pair => pair.Item1, StringComparer.Ordinal).ToList();

    /// <summary>Corpus="true" on every item, and the CorpusClass metadata of each item object, not of each path.</summary>
    private sealed class PerItemOptions(IReadOnlyDictionary<AdditionalText, string> classes) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.Corpus"] = "true",
            ["build_metadata.AdditionalFiles.CorpusClass"] = classes[textFile],
        });

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
