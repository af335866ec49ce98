using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The word filter of a corpus class: one bit per range of word probe hashes, set when some word of the index falls in
/// it, that a word lookup tests before it looks for the word's bucket. A word the corpus does not have is then turned
/// away by one read at an address the JIT knows, instead of three that wait on each other (the shard directory, the
/// shard's bucket bits, its bucket) in an index of several shards, and with a branch that goes the same way far more
/// often than "is the bucket empty" does (a bucket table has 2 to 4 buckets per word, the filter 8 to 16 bits). On the
/// benchmark corpora it took word misses from about 0.5-0.6 of a FrozenDictionary's time to about 0.45, for about
/// half a nanosecond more on a hit (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Only on targets with spans over static data, where the filter is static data too: the arrays of older targets
/// would make it one more array to load first. A filter's bit for a probe hash <c>h</c> is <c>h &gt;&gt; (64 - Bits)</c>,
/// its top bits, as the shard and bucket are (Runtime/CorpusApi.cs, <c>MayHaveWord</c>). It has at least
/// <see cref="BitsPerWord"/> bits per distinct word, so that fewer than one miss in eight still goes to its bucket,
/// and at most 2^<see cref="MaxBits"/> bits (256 KB, a generated file of at most about 770 KB): past about 250,000
/// distinct words it turns fewer misses away, never a word the index has.
/// </remarks>
internal static class WordFilterBuilder
{
    /// <summary>The smallest filter: one ulong.</summary>
    public const int MinBits = 6;

    /// <summary>The largest filter: 2^21 bits.</summary>
    public const int MaxBits = 21;

    /// <summary>About how many bits the filter has per distinct word, as a power of two.</summary>
    public const int BitsPerWord = 8;

    /// <summary>Whether a class has a word filter.</summary>
    public static bool Applies(ClassInfo info) => info.Target.HasSpanTables;

    /// <summary>A word shard's part of the filter, from the probe hashes of its words.</summary>
    public static WordFilterPart Part(ClassInfo info, int shard, ulong[] probeHashes)
    {
        var keys = new uint[probeHashes.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (uint)(probeHashes[i] >> 32);
        }

        return new WordFilterPart(info, shard, new EquatableArray<uint>(keys));
    }

    /// <summary>The filter of each class, from its shards' parts (in the order of the classes' first parts).</summary>
    public static ImmutableArray<WordFilterModel> Build(ImmutableArray<WordFilterPart> parts, CancellationToken cancellationToken)
    {
        var classes = ByClass(parts);
        var filters = ImmutableArray.CreateBuilder<WordFilterModel>(classes.Count);
        foreach (var (info, classParts) in classes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            filters.Add(Build(info, classParts));
        }

        return filters.MoveToImmutable();
    }

    /// <summary>
    /// A filter that turns no word away, for each class: what a class gets when building its filter failed, with the
    /// failure as a diagnostic. Its lookups are then exact, only not faster.
    /// </summary>
    public static ImmutableArray<WordFilterModel> Open(ImmutableArray<WordFilterPart> parts, DiagnosticInfo failure)
    {
        var diagnostics = new EquatableArray<DiagnosticInfo>(new[] { failure });
        var filters = ImmutableArray.CreateBuilder<WordFilterModel>();
        foreach (var (info, _) in ByClass(parts))
        {
            filters.Add(new WordFilterModel(info, MinBits, 0, new EquatableArray<ulong>(new[] { ulong.MaxValue }), diagnostics));
            diagnostics = EquatableArray<DiagnosticInfo>.Empty;
        }

        return filters.ToImmutable();
    }

    private static List<(ClassInfo Class, List<WordFilterPart> Parts)> ByClass(ImmutableArray<WordFilterPart> parts)
    {
        var classes = new List<(ClassInfo Class, List<WordFilterPart> Parts)>();
        foreach (var part in parts)
        {
            int at = classes.FindIndex(entry => entry.Class.Equals(part.Class));
            if (at < 0)
            {
                classes.Add((part.Class, new List<WordFilterPart>()));
                at = classes.Count - 1;
            }

            classes[at].Parts.Add(part);
        }

        return classes;
    }

    private static WordFilterModel Build(ClassInfo info, List<WordFilterPart> parts)
    {
        // Shards hold words by their hash's top bits, so no word is in two parts: the count is the class's distinct words.
        int count = 0;
        foreach (var part in parts)
        {
            count += part.Keys.Count;
        }

        int bits = BitsFor(count);
        var words = new ulong[1 << (bits - 6)];
        foreach (var part in parts)
        {
            foreach (uint key in part.Keys)
            {
                uint at = key >> (32 - bits);
                words[at >> 6] |= 1UL << (int)(at & 63);
            }
        }

        return new WordFilterModel(info, bits, count, new EquatableArray<ulong>(words), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The log2 of the filter's size for <paramref name="count"/> words: at least <see cref="BitsPerWord"/> bits each, within the bounds.</summary>
    internal static int BitsFor(int count)
    {
        int bits = MinBits;
        while (bits < MaxBits && (1L << bits) < (long)count * BitsPerWord)
        {
            bits++;
        }

        return bits;
    }
}
