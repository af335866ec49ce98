using System;
using System.Linq;
using System.Text;
using CorpusGen.Indexing;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// Past <see cref="HeadlineKeys.MaxLength"/> code units of distinct headlines the lookups read the UTF-8 blobs instead
/// of the key string; both ways must give the same answers.
/// </summary>
public sealed class KeysFallbackTests
{
    [Fact]
    public void Lookups_read_the_blobs_when_the_headlines_are_too_long_for_the_key_string()
    {
        var random = new Random(4242);
        int count = HeadlineKeys.MaxLength / 1000 + 100;
        var text = new StringBuilder();
        var headlines = new string[count];
        for (int i = 0; i < count; i++)
        {
            // About 1,000 code units each (few headlines, so the test compiles fast), some non-ASCII, all distinct.
            headlines[i] = $"Headline {i:D7} " + (i % 7 == 0 ? "Zürich élan " : "markets rally ") + new string((char)('a' + random.Next(26)), 980);
            text.Append("- ").Append(headlines[i]).Append('\n');
        }

        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/project/news/big.txt", text.ToString()) }, sources: new[] { CompiledCorpus.ProbeSource() })
            .AssertCompilesClean();
        Assert.Contains("internal const bool KeysInline = false;", output.Sources["Corpus.Tables.g.cs"]);
        var corpus = CompiledCorpus.Load(output.Compilation);

        foreach (int i in Enumerable.Range(0, 400).Select(_ => random.Next(count)))
        {
            Assert.Equal(i, corpus.IndexOfHeadline(headlines[i]));
            Assert.Equal(-1, corpus.IndexOfHeadline(headlines[i] + "!"));
            Assert.Equal(-1, corpus.IndexOfHeadline(headlines[i].ToUpperInvariant()));
        }

        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("0000000"));
        Assert.Equal(Enumerable.Range(0, count).Where(i => i % 7 == 0).ToArray(), corpus.HeadlinesWithWord("ZÜRICH"));
        Assert.Equal(count - (count + 6) / 7, corpus.HeadlinesWithWord("MARKETS").Length);
    }
}
