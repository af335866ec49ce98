using System.Collections.Immutable;
using System.Linq;
using CorpusGen.Emitting;
using CorpusGen.Indexing;
using CorpusGen.Models;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The word filter's size and its generated file (its bits are checked by every lookup test on a span target).</summary>
public sealed class WordFilterTests
{
    private static readonly ClassInfo Info = new(
        "Corpus", "Corpus", new GeneratorOptions("News", false, "Corpus", "/project", true, EquatableArray<DiagnosticInfo>.Empty),
        new TargetInfo(1400, true, true, true, true), Utf8: true, WideHeadlineKeys: false);

    [Theory]
    [InlineData(0, 6)]
    [InlineData(8, 6)]
    [InlineData(9, 7)]
    [InlineData(328, 12)]
    [InlineData(262_144, 21)]
    [InlineData(262_145, 21)]
    [InlineData(5_000_000, 21)]
    public void Filter_has_at_least_eight_bits_per_word_within_its_bounds(int words, int bits) =>
        Assert.Equal(bits, WordFilterBuilder.BitsFor(words));

    [Fact]
    public void Every_word_sets_the_bit_of_its_hash_top_bits_and_no_other()
    {
        ulong[] hashes = { 0x0000_0000_0000_0000UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL, 0x1234_5678_9ABC_DEF0UL };
        var parts = ImmutableArray.Create(
            WordFilterBuilder.Part(Info, 0, hashes.Take(2).ToArray()),
            WordFilterBuilder.Part(Info, 1, hashes.Skip(2).ToArray()));
        var filter = Assert.Single(WordFilterBuilder.Build(parts, default));

        Assert.Equal(4, filter.Count);
        Assert.Equal(6, filter.Bits);
        ulong expected = hashes.Aggregate(0UL, (bits, hash) => bits | (1UL << (int)(hash >> 58)));
        Assert.Equal(expected, Assert.Single(filter.Words));
    }

    [Fact]
    public void A_filter_that_failed_to_build_turns_no_word_away_and_says_why()
    {
        var parts = ImmutableArray.Create(WordFilterBuilder.Part(Info, 0, new[] { 42UL }), WordFilterBuilder.Part(Info, 1, new[] { 7UL }));
        var failure = DiagnosticInfo.ForProject("CORPUS006", "word filter", "InvalidOperationException: test");
        var filter = Assert.Single(WordFilterBuilder.Open(parts, failure));

        Assert.Equal(WordFilterBuilder.MinBits, filter.Bits);
        Assert.Equal(ulong.MaxValue, Assert.Single(filter.Words));
        Assert.Equal("CORPUS006", Assert.Single(filter.Diagnostics).Id);
    }

    [Fact]
    public void Largest_filter_fits_a_file_of_less_than_a_megabyte()
    {
        var full = Enumerable.Repeat(ulong.MaxValue, 1 << (WordFilterBuilder.MaxBits - 6)).ToArray();
        var model = new WordFilterModel(Info, WordFilterBuilder.MaxBits, 5_000_000, new EquatableArray<ulong>(full), EquatableArray<DiagnosticInfo>.Empty);
        string source = CorpusEmitter.EmitWordFilter(model).ToString();

        Assert.InRange(source.Length, full.Length * 20, 1024 * 1024);
        Assert.Contains("internal const int WordFilterShift = 43;", source);
    }
}
