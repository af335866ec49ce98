using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// A headline index stays one shard up to about 900,000 characters of source (CorpusPlanBuilder.OneShardSourceLimit),
/// from an estimate of what the emitter writes. These tests hold the estimate to the written source: whatever the
/// headlines (short, long, beyond ASCII) and the target (UTF-8 keys and packed tables, UTF-16 keys, C# 7 arrays), a
/// headline index of one shard is never a file past 1 MiB, and a corpus past the limit is sharded.
/// </summary>
public sealed class IndexShardTests
{
    private const int MaxSource = 1 << 20;

    public enum Shape
    {
        /// <summary>Headlines of about 6 to 15 ASCII characters (the number included): the table's empty rows outweigh the keys.</summary>
        Short,

        /// <summary>News-like headlines of about 70 ASCII characters.</summary>
        News,

        /// <summary>Headlines of about 200 ASCII characters.</summary>
        Long,

        /// <summary>Cyrillic headlines of about 70 characters: on UTF-8 targets their keys are the UTF-16 string literal apart, not UTF-8.</summary>
        Cyrillic,
    }

    public static TheoryData<Shape, LanguageVersion> Cases()
    {
        var data = new TheoryData<Shape, LanguageVersion>();
        foreach (Shape shape in Enum.GetValues<Shape>())
        {
            foreach (var version in new[] { LanguageVersion.Latest, LanguageVersion.CSharp10, LanguageVersion.CSharp7 })
            {
                data.Add(shape, version);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_headline_index_of_one_shard_stays_under_a_megabyte_and_a_larger_one_is_sharded(Shape shape, LanguageVersion version)
    {
        var random = new Random(1000 + (int)shape);
        var oneShardSizes = new List<int>();
        bool sharded = false;
        // From 2,000 headlines up by about a tenth each step, until the index is sharded.
        for (int count = 2_000; count <= 200_000 && !sharded; count += count / 10)
        {
            var sources = Generate(Headlines(shape, count, random), version);
            var shards = sources.Where(source => source.Key.StartsWith("Corpus.Index.Headlines.", StringComparison.Ordinal)).ToList();
            if (shards.Count == 1)
            {
                int length = shards[0].Value.Length;
                Assert.True(length <= MaxSource, $"{count:N0} {shape} headlines, C# {version}: one shard of {length:N0} characters");
                oneShardSizes.Add(length);
            }
            else
            {
                sharded = true;
                Assert.All(shards, source => Assert.True(source.Value.Length <= MaxSource, $"{count:N0} {shape} headlines, C# {version}: {source.Key} of {source.Value.Length:N0} characters"));
            }
        }

        Assert.True(sharded, $"{shape}, C# {version}: never sharded");
        // The largest single shard is not far below the limit: the estimate does not shard early either. (The slot count
        // doubles at steps of the headline count, so the last single shard can be well short of it.)
        Assert.True(oneShardSizes.Count > 0 && oneShardSizes.Max() > 500_000, $"{shape}, C# {version}: largest single shard {(oneShardSizes.Count == 0 ? 0 : oneShardSizes.Max()):N0} characters");
    }

    [Fact]
    public void Lookups_in_the_largest_single_shard_agree_with_a_dictionary()
    {
        // 5,000 news-like headlines and 400 duplicates: one shard of 2^14 slots.
        var random = new Random(77);
        var distinct = Headlines(Shape.News, 5_000, random);
        var headlines = distinct.Concat(distinct.Take(400)).ToList();
        var files = Files(headlines);
        var output = GeneratorRunner.Run(files, sources: new[] { CompiledCorpus.ProbeSource() }, trackSteps: false).AssertCompilesClean();
        Assert.Single(output.Sources.Keys, name => name.StartsWith("Corpus.Index.Headlines.", StringComparison.Ordinal));

        var corpus = CompiledCorpus.Load(output.Compilation);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < headlines.Count; i++)
        {
            expected.TryAdd(headlines[i], i);
        }

        // Every headline ends with its number and is lower case, so none of these near misses is a headline.
        foreach (var (headline, index) in expected)
        {
            Assert.Equal(index, corpus.IndexOfHeadline(headline));
            Assert.Equal(-1, corpus.IndexOfHeadline(headline[..^1] + "q"));
            Assert.Equal(-1, corpus.IndexOfHeadline(headline + "x"));
            Assert.Equal(-1, corpus.IndexOfHeadline(char.ToUpperInvariant(headline[0]) + headline[1..]));
        }
    }

    private static IReadOnlyDictionary<string, string> Generate(List<string> headlines, LanguageVersion version)
    {
        var files = Files(headlines);
        var properties = version == LanguageVersion.CSharp7 ? new Dictionary<string, string> { ["CorpusVisibility"] = "public" } : null;
        var output = GeneratorRunner.Run(
            files,
            properties,
            parseOptions: GeneratorRunner.ParseOptions(version),
            nullable: version == LanguageVersion.CSharp7 ? NullableContextOptions.Disable : NullableContextOptions.Enable,
            trackSteps: false);
        Assert.Null(output.Result.Results.Single().Exception);
        return output.Sources;
    }

    /// <summary>Files of 100 headlines each, the last with the rest.</summary>
    private static List<CorpusFileSpec> Files(List<string> headlines) =>
        headlines.Chunk(100)
            .Select((chunk, i) => new CorpusFileSpec(
                $"/project/news/{i:D5}.txt",
                string.Concat(chunk.Select(headline => "- " + headline + "\n")) + "Title\nParagraph.\n"))
            .ToList();

    private static List<string> Headlines(Shape shape, int count, Random random)
    {
        var headlines = new List<string>(count);
        var builder = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            builder.Clear();
            int target = shape switch
            {
                Shape.Short => random.Next(4, 9),
                Shape.Long => random.Next(180, 220),
                _ => random.Next(55, 85),
            };
            while (builder.Length < target)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                int letters = random.Next(2, 10);
                for (int j = 0; j < letters; j++)
                {
                    builder.Append(shape == Shape.Cyrillic ? (char)('а' + random.Next(32)) : (char)('a' + random.Next(26)));
                }
            }

            // A number keeps every headline distinct.
            builder.Append(' ').Append(i.ToString(CultureInfo.InvariantCulture));
            headlines.Add(builder.ToString());
        }

        return headlines;
    }
}
