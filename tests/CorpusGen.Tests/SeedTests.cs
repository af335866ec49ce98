using System;
using System.IO;
using System.Linq;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The reference corpus file, read back through the generated code.</summary>
public sealed class SeedTests
{
    internal static readonly CorpusFileSpec Seed = new(
        "/project/news/000_bb9cd9dc54830164.txt",
        File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Corpora", "000_bb9cd9dc54830164.txt")));

    [Fact]
    public void Seed_reads_as_FORMAT_md_describes_it()
    {
        var values = CompiledCorpus.Build(new[] { Seed }).Values();

        Assert.Equal(50, values.Headlines.Count);
        var article = Assert.Single(values.Articles);
        Assert.Equal("US, S.Korea call for North to withdraw troops from Russia", article.Title);
        Assert.Equal(16, article.Paragraphs.Count);
        Assert.Equal(2, article.Sections.Count);
        Assert.Null(article.Sections[0].Heading);
        Assert.Equal(8, article.Sections[0].Paragraphs.Count);
        Assert.Equal("'Co-belligerents'", article.Sections[1].Heading);
        Assert.Equal(8, article.Sections[1].Paragraphs.Count);
        Assert.Equal("P.Smith--AT", article.Byline);
        Assert.Equal("P.Smith", article.Author);
        Assert.Equal("AT", article.Desk);
    }

    [Fact]
    public void Seed_values_equal_the_reference_reading()
    {
        var values = CompiledCorpus.Build(new[] { Seed }).Values();

        Assert.Equal(ReferenceReader.Read(new[] { Seed }).Dump(), values.Dump());
    }

    [Fact]
    public void Seed_lookups_agree_with_a_dictionary()
    {
        var corpus = CompiledCorpus.Build(new[] { Seed });
        var headlines = corpus.Values().Headlines;

        for (int i = 0; i < headlines.Count; i++)
        {
            Assert.Equal(headlines.ToList().IndexOf(headlines[i]), corpus.IndexOfHeadline(headlines[i]));
            Assert.Equal(-1, corpus.IndexOfHeadline(headlines[i] + "x"));
            Assert.Equal(-1, corpus.IndexOfHeadline(headlines[i].ToUpperInvariant()));
        }

        Assert.Equal(7, corpus.HeadlinesWithWord("Trump").Length);
        Assert.Equal(ReferenceReader.HeadlinesWithWord(headlines, "trump"), corpus.HeadlinesWithWord("trump"));
        foreach (string word in headlines.SelectMany(ReferenceReader.Words).Distinct())
        {
            Assert.Equal(ReferenceReader.HeadlinesWithWord(headlines, word), corpus.HeadlinesWithWord(word));
            Assert.Equal(ReferenceReader.HeadlinesWithWord(headlines, word.ToUpperInvariant()), corpus.HeadlinesWithWord(word.ToUpperInvariant()));
        }

        Assert.Empty(corpus.HeadlinesWithWord("Trump's"));
        Assert.Empty(corpus.HeadlinesWithWord(""));
    }

    [Fact]
    public void Lookups_reject_a_null_string()
    {
        var corpus = CompiledCorpus.Build(new[] { Seed });

        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => corpus.IndexOfHeadlineString(null)).ParamName);
        Assert.Equal("word", Assert.Throws<ArgumentNullException>(() => corpus.HeadlinesWithWordString(null)).ParamName);
        Assert.Equal(0, corpus.IndexOfHeadlineString(corpus.Values().Headlines[0]));
    }

    [Fact]
    public void Seed_snapshot()
    {
        var output = GeneratorRunner.Run(new[] { Seed }).AssertCompilesClean();

        Snapshot.Verify(output, nameof(SeedTests));
    }
}
