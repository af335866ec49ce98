using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// Builds one shard of the headline or word index from its slices of every document. Runtime/CorpusApi.cs reads
/// the result; the layouts below are the contract between the two.
/// </summary>
/// <remarks>
/// Headline shard table: <c>[probe, bits, check, 2^bits + 1 bucket starts, rows of 5]</c>, a row being
/// <c>[headline index, length in UTF-16 code units, key offset, key length as stored, fingerprint]</c>; the
/// fingerprint (<see cref="CorpusHash.Fingerprint"/>) covers every code unit, so that a query of the right length
/// that differs from the key anywhere is usually turned away without reading the key. Lookups check it only when
/// <c>check</c> is 1, in indexes with keys too large to stay in the core's caches. The probe is 0 when the
/// bucket comes from the partition hash itself, -1 for the full hash, or else the offset of the second four code
/// units hashed. Word shard table: <c>[bits, 2^bits + 1 bucket starts, rows of 6]</c>, a row being
/// <c>[hash fingerprint, length, key offset, key length as stored, first posting, posting count]</c>. Bucket
/// starts are positions in the table itself. A bucket is taken from the hash after the shard's own top bits.
/// </remarks>
internal static class ShardBuilder
{
    public const int HeadlineRowWidth = 5;
    public const int WordRowWidth = 6;

    /// <summary>A probe whose longest bucket exceeds this falls back to the full hash.</summary>
    private const int MaxProbeChain = 6;

    /// <summary>
    /// Past this many bytes of keys in the whole index (estimated as this shard's keys times the shard count) the
    /// lookups check the fingerprint before reading a key. Below it the keys stay in the core's own caches, where
    /// reading one costs less than summing the whole query; above it a key read is a trip to the shared cache or
    /// to memory. On the 50,000-headline benchmark corpus (3 MB of keys) the check made same-length near misses
    /// faster; on 5,000 headlines (300 KB) the runs were too noisy to show a gain (docs/benchmarks.md).
    /// </summary>
    private const long FingerprintKeyBytes = 512 * 1024;

    private static readonly int[] ProbeCandidates = { 0, 4, 8, 12, 16, 24, 32 };

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ShardModel BuildHeadlines(ShardInput input, CancellationToken cancellationToken)
    {
        // The first copy of each text, in corpus order: equal texts hash alike, so they all fall in this shard.
        int total = 0;
        foreach (var slice in input.Slices)
        {
            total += slice.End - slice.Start;
        }

        long keyChars = 0;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var texts = new List<string>(total);
        var indices = new List<int>(total);
        var partitionHashes = new List<ulong>(total);
        foreach (var slice in input.Slices)
        {
            // Equal texts share a partition, and within a partition a slice keeps file order: the first seen is the first.
            foreach (var item in slice.Headlines)
            {
                if (seen.Add(item.Text))
                {
                    keyChars += item.Text.Length;
                    texts.Add(item.Text);
                    indices.Add(slice.HeadlineBase + item.Local);
                    partitionHashes.Add(item.Hash);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        int count = texts.Count;
        int bits = BitsFor(count);
        int shardBits = input.ShardBits;
        var hashes = partitionHashes.ToArray();
        var chains = new int[1 << bits];
        int bestProbe = 0, bestChain = LongestChain(hashes, shardBits, bits, chains);
        var candidate = new ulong[count];
        for (int c = 1; c < ProbeCandidates.Length && bestChain > 2; c++)
        {
            for (int i = 0; i < count; i++)
            {
                candidate[i] = CorpusHash.Probe(texts[i], 0, texts[i].Length, ProbeCandidates[c]);
            }

            int chain = LongestChain(candidate, shardBits, bits, chains);
            if (chain < bestChain)
            {
                bestChain = chain;
                bestProbe = ProbeCandidates[c];
                Array.Copy(candidate, hashes, count);
            }
        }

        if (bestChain > MaxProbeChain)
        {
            bestProbe = -1;
            for (int i = 0; i < count; i++)
            {
                hashes[i] = CorpusHash.Full(texts[i], 0, texts[i].Length);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var keys = new KeyWriter(input.Class.Utf8, (int)Math.Min(keyChars, int.MaxValue / 2));
        int header = 3;
        var (table, order) = Bucketize(hashes, shardBits, bits, header, HeadlineRowWidth);
        table[0] = bestProbe;
        table[1] = bits;
        int row = header + (1 << bits) + 1;
        foreach (int i in order)
        {
            var (offset, stored) = keys.Add(texts[i]);
            table[row] = indices[i];
            table[row + 1] = texts[i].Length;
            table[row + 2] = offset;
            table[row + 3] = stored;
            table[row + 4] = CorpusHash.Fingerprint(texts[i], 0, texts[i].Length);
            row += HeadlineRowWidth;
        }

        table[2] = keys.Bytes << shardBits > FingerprintKeyBytes ? 1 : 0;
        return new ShardModel(input.Class, input.Shard, count, new EquatableArray<int>(table), EquatableArray<int>.Empty, keys.ToString(), keys.Stored, EquatableArray<DiagnosticInfo>.Empty);
    }

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ShardModel BuildWords(ShardInput input, CancellationToken cancellationToken)
    {
        // Words equal under OrdinalIgnoreCase fold to one hash, so they meet in this shard; the first occurrence in
        // corpus order is the one stored.
        var groups = new WordGroups();
        var postings = new List<List<int>>();
        foreach (var slice in input.Slices)
        {
            var summary = slice.Summary;
            var texts = summary.HeadlineTexts;
            var localPostings = summary.WordPostings;
            foreach (var item in slice.Words)
            {
                string text = texts[item.Headline];
                int at = groups.IndexOf(item.Hash, text, item.Start, item.Length);
                if (at < 0)
                {
                    at = groups.Add(item.Hash, text, item.Start, item.Length);
                    postings.Add(new List<int>(item.PostingCount));
                }

                // Documents come in corpus order and each lists its headlines ascending: postings stay ascending.
                var list = postings[at];
                for (int p = item.PostingStart; p < item.PostingStart + item.PostingCount; p++)
                {
                    list.Add(slice.HeadlineBase + localPostings[p]);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        int count = groups.Count;
        int bits = BitsFor(count);
        var keys = new KeyWriter(input.Class.Utf8, 16);
        int header = 1;
        var hashArray = groups.Hashes.ToArray();
        var (table, order) = Bucketize(hashArray, input.ShardBits, bits, header, WordRowWidth);
        table[0] = bits;
        int row = header + (1 << bits) + 1;
        var flat = new List<int>();
        foreach (int i in order)
        {
            string word = groups.Word(i);
            var (offset, stored) = keys.Add(word);
            table[row] = (int)hashArray[i];
            table[row + 1] = word.Length;
            table[row + 2] = offset;
            table[row + 3] = stored;
            table[row + 4] = flat.Count;
            table[row + 5] = postings[i].Count;
            flat.AddRange(postings[i]);
            row += WordRowWidth;
        }

        return new ShardModel(input.Class, input.Shard, count, new EquatableArray<int>(table), new EquatableArray<int>(flat.ToArray()), keys.ToString(), keys.Stored, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The bucket of a hash: the <paramref name="bits"/> bits after the shard's own top bits.</summary>
    public static int Bucket(ulong hash, int shardBits, int bits) => (int)((hash << shardBits) >> (64 - bits));

    /// <summary>Buckets for n keys: a power of two at least 2n (load factor at most one half), at least 2.</summary>
    private static int BitsFor(int count)
    {
        int bits = 1;
        while ((1L << bits) < 2L * count && bits < 30)
        {
            bits++;
        }

        return bits;
    }

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static int LongestChain(ulong[] hashes, int shardBits, int bits, int[] counts)
    {
        Array.Clear(counts, 0, counts.Length);
        int longest = 0;
        foreach (ulong hash in hashes)
        {
            longest = Math.Max(longest, ++counts[Bucket(hash, shardBits, bits)]);
        }

        return longest;
    }

    /// <summary>
    /// Counting sort of the keys by bucket into a table with <paramref name="header"/> leading slots, then the bucket
    /// starts as table positions, then room for the rows; returns the table and the keys in row order.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static (int[] Table, int[] Order) Bucketize(ulong[] hashes, int shardBits, int bits, int header, int width)
    {
        int buckets = 1 << bits;
        int rowsStart = header + buckets + 1;
        var table = new int[rowsStart + width * hashes.Length];
        var counts = new int[buckets + 1];
        foreach (ulong hash in hashes)
        {
            counts[Bucket(hash, shardBits, bits) + 1]++;
        }

        for (int b = 1; b <= buckets; b++)
        {
            counts[b] += counts[b - 1];
        }

        for (int b = 0; b <= buckets; b++)
        {
            table[header + b] = rowsStart + width * counts[b];
        }

        var order = new int[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            order[counts[Bucket(hashes[i], shardBits, bits)]++] = i;
        }

        return (table, order);
    }

    /// <summary>The keys of a shard: texts one after another, with offsets and lengths in the unit they are stored in.</summary>
    private sealed class KeyWriter
    {
        private readonly bool _utf8;
        private readonly StringBuilder _text;
        private int _stored;

        /// <param name="utf8">Whether keys are stored as UTF-8.</param>
        /// <param name="capacity">About how many characters the keys will take, so that the builder is one piece.</param>
        public KeyWriter(bool utf8, int capacity)
        {
            _utf8 = utf8;
            _text = new StringBuilder(capacity);
        }

        public (int Offset, int Stored) Add(string text)
        {
            int offset = _stored;
            int stored = _utf8 ? DocumentValues.Utf8Length(text) : text.Length;
            _text.Append(text);
            _stored += stored;
            return (offset, stored);
        }

        /// <summary>The length of the keys added so far, in the unit they are stored in (bytes or UTF-16 code units).</summary>
        public int Stored => _stored;

        /// <summary>The size of the keys added so far, in bytes.</summary>
        public long Bytes => _utf8 ? _stored : 2L * _stored;

        public override string ToString() => _text.ToString();
    }
}
