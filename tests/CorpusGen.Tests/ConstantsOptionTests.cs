using System;
using System.Collections.Generic;
using System.Linq;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary><c>CorpusConstants=false</c>: no <c>Headline</c> or <c>Title</c> constants, everything else as before.</summary>
public sealed class ConstantsOptionTests
{
    private static readonly CorpusFileSpec Seed = SeedTests.Seed;

    private static readonly CorpusFileSpec Other = new("/project/news/001.txt", "- Second file, same words: Trump\n- Another\nA title\nA paragraph.");

    [Theory]
    [InlineData("false")]
    [InlineData(" FALSE ")]
    public void Without_constants_no_constant_is_generated_and_the_values_and_lookups_are_unchanged(string value)
    {
        var files = new[] { Seed, Other };
        var with = Run(files, null);
        var without = Run(files, value);

        Assert.Empty(without.GeneratorDiagnostics);
        Assert.Contains(with.Sources.Keys, hint => hint.Contains(".Constants.", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Sources.Keys, hint => hint.Contains(".Constants.", StringComparison.Ordinal));
        Assert.NotNull(with.Compilation.GetTypeByMetadataName("Corpus+Headline"));
        Assert.NotNull(with.Compilation.GetTypeByMetadataName("Corpus+Title"));
        Assert.Null(without.Compilation.GetTypeByMetadataName("Corpus+Headline"));
        Assert.Null(without.Compilation.GetTypeByMetadataName("Corpus+Title"));

        // Apart from the constants and the API file that declares their classes, the same sources, byte for byte.
        Assert.Equal(
            with.Sources.Where(s => !s.Key.Contains(".Constants.", StringComparison.Ordinal) && s.Key != "Corpus.g.cs").OrderBy(s => s.Key, StringComparer.Ordinal),
            without.Sources.Where(s => s.Key != "Corpus.g.cs").OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Contains("Corpus.g.cs", without.Sources.Keys);

        var expected = CompiledCorpus.Load(with.Compilation);
        var actual = CompiledCorpus.Load(without.Compilation);
        Assert.Equal(expected.Values().Dump(), actual.Values().Dump());
        foreach (string headline in actual.Values().Headlines.Append("not a headline"))
        {
            Assert.Equal(expected.IndexOfHeadline(headline), actual.IndexOfHeadline(headline));
        }

        foreach (string word in new[] { "Trump", "trump", "the", "zzz" })
        {
            Assert.Equal(expected.HeadlinesWithWord(word), actual.HeadlinesWithWord(word));
        }
    }

    [Fact]
    public void Without_constants_an_empty_corpus_still_compiles()
    {
        var output = Run(new[] { new CorpusFileSpec("/project/news/empty.txt", "") }, "false");

        Assert.Equal("CORPUS002", Assert.Single(output.GeneratorDiagnostics).Id);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Corpus"));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Corpus+Headline"));
    }

    private static GeneratorOutput Run(IEnumerable<CorpusFileSpec> files, string? constants)
    {
        var properties = constants is null ? null : new Dictionary<string, string> { ["CorpusConstants"] = constants };
        return GeneratorRunner.Run(files, properties, new[] { CompiledCorpus.ProbeSource() }).AssertCompilesClean();
    }
}
