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
/// <c>[headline index, length in UTF-16 code units, key offset, key length as stored, fingerprint]</c> (the stored
/// length is <see cref="WideKey"/> for a key kept apart among the shard's keys that are not ASCII); the
/// fingerprint (<see cref="CorpusHash.Fingerprint"/>) covers every code unit, so that a query of the right length
/// that differs from the key anywhere is usually turned away without reading the key. Lookups check it only when
/// <c>check</c> is 1, in indexes with keys too large to stay in the core's caches. The probe is 0 when the
/// bucket comes from the partition hash itself, -1 for the full hash, or else the offset of the second four code
/// units hashed. Word shard table: <c>[bits, 2^bits + 1 bucket starts, rows of 6]</c>, a row being
/// <c>[hash fingerprint, length, key offset, key length as stored, first posting, posting count]</c>; for a word of
/// at most 8 ASCII code units the length has <see cref="InlineWord"/> set and the two key cells hold its packed value
/// (<see cref="CorpusHash.PackShort"/>, the low half first), so that its lookup reads no key and compares no fingerprint. Bucket starts
/// are positions in the table itself. A bucket is taken from the hash after the shard's own top bits.
/// </remarks>
internal static class ShardBuilder
{
    public const int HeadlineRowWidth = 5;
    public const int WordRowWidth = 6;

    /// <summary>Set in the length cell of a word row that holds its word: Runtime/CorpusApi.cs's <c>InlineWord</c>.</summary>
    public const int InlineWord = 0x40000000;

    /// <summary>
    /// The stored length of a headline key kept apart with the keys that are not ASCII (<see cref="ClassInfo.WideHeadlineKeys"/>):
    /// its offset is in those, and it is as long as its text.
    /// </summary>
    public const int WideKey = -1;

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

        // Counted with the hash codes each file's summary computed, so no text is hashed here.
        var seen = new StringCounts();
        seen.Reserve(total);
        var texts = new List<string>(total);
        var indices = new List<int>(total);
        var partitionHashes = new List<ulong>(total);
        foreach (var slice in input.Slices)
        {
            // Equal texts share a partition, and within a partition a slice keeps file order: the first seen is the first.
            var textHashes = slice.Summary.HeadlineHashes;
            foreach (var item in slice.Headlines)
            {
                if (seen.Add(item.Text, textHashes[2 * item.Local]) == 1)
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

        // Every text read once (each is its own object, so a pass over them is a pass of cache misses): its hash at
        // each probe candidate and its fingerprint. Candidate 0 is the partition hash the summary computed.
        int candidates = ProbeCandidates.Length;
        var scratch = s_scratch ??= new Scratch();
        var probed = scratch.Probed = Fit(scratch.Probed, candidates * count);
        var fingerprints = scratch.Fingerprints = Fit(scratch.Fingerprints, count);
        for (int i = 0; i < count; i++)
        {
            string text = texts[i];
            probed[i] = partitionHashes[i];
            for (int c = 1; c < candidates; c++)
            {
                probed[(c * count) + i] = CorpusHash.Probe(text, 0, text.Length, ProbeCandidates[c]);
            }

            fingerprints[i] = CorpusHash.Fingerprint(text, 0, text.Length);
        }

        var chains = scratch.Chains = Fit(scratch.Chains, 1 << bits);
        int bestCandidate = 0, bestChain = LongestChain(probed, 0, count, shardBits, bits, chains);
        for (int c = 1; c < candidates && bestChain > 2; c++)
        {
            int chain = LongestChain(probed, c * count, count, shardBits, bits, chains);
            if (chain < bestChain)
            {
                bestChain = chain;
                bestCandidate = c;
            }
        }

        var hashes = new ulong[count];
        int bestProbe = ProbeCandidates[bestCandidate];
        if (bestChain > MaxProbeChain)
        {
            bestProbe = -1;
            for (int i = 0; i < count; i++)
            {
                hashes[i] = CorpusHash.Full(texts[i], 0, texts[i].Length);
            }
        }
        else
        {
            Array.Copy(probed, bestCandidate * count, hashes, 0, count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var keys = new KeyWriter(input.Class.Utf8, (int)Math.Min(keyChars, int.MaxValue / 2));
        var wide = input.Class.Utf8 && input.Class.WideHeadlineKeys ? new KeyWriter(utf8: false, 16) : null;
        int header = 3;
        var (table, order) = Bucketize(hashes, shardBits, bits, header, HeadlineRowWidth);
        table[0] = bestProbe;
        table[1] = bits;
        int row = header + (1 << bits) + 1;
        foreach (int i in order)
        {
            string text = texts[i];
            var (offset, stored) = wide is null || DocumentValues.Utf8Length(text) == text.Length ? keys.Add(text) : (wide.Add(text).Offset, WideKey);
            table[row] = indices[i];
            table[row + 1] = texts[i].Length;
            table[row + 2] = offset;
            table[row + 3] = stored;
            table[row + 4] = fingerprints[i];
            row += HeadlineRowWidth;
        }

        table[2] = (keys.Bytes + (wide?.Bytes ?? 0)) << shardBits > FingerprintKeyBytes ? 1 : 0;
        return new ShardModel(
            input.Class, input.Shard, count, new EquatableArray<int>(table), EquatableArray<int>.Empty, keys.ToString(), keys.Stored, wide?.ToString() ?? string.Empty,
            EquatableArray<DiagnosticInfo>.Empty);
    }

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ShardModel BuildWords(ShardInput input, CancellationToken cancellationToken)
    {
        // Words equal under OrdinalIgnoreCase fold to one hash, so they meet in this shard; the first occurrence in
        // corpus order is the one stored. Each occurrence is noted with its group, and the postings are copied once
        // their groups' places are known: no list per word.
        var scratch = s_scratch ??= new Scratch();
        var groups = scratch.Groups;
        groups.Clear();
        var occurrences = scratch.Occurrences;
        occurrences.Clear();
        var postingCounts = scratch.PostingCounts;
        postingCounts.Clear();
        foreach (var slice in input.Slices)
        {
            var summary = slice.Summary;
            var texts = summary.HeadlineTexts;
            foreach (var item in slice.Words)
            {
                string text = texts[item.Headline];
                int at = groups.FindOrAdd(item.Hash, text, item.Start, item.Length, out bool added);
                if (added)
                {
                    postingCounts.Add(0);
                }

                postingCounts[at] += item.PostingCount;
                occurrences.Add(new Occurrence(at, summary.WordPostings, item.PostingStart, item.PostingCount, slice.HeadlineBase));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        int count = groups.Count;
        int bits = BitsFor(count);
        var keys = new KeyWriter(input.Class.Utf8, 16);
        int header = 1;
        var hashArray = groups.Hashes.ToArray();
        // Words that share a probe hash (same length, same first and last four code units, folded) share a bucket and
        // a fingerprint, and a lookup compares them one by one. Past MaxProbeShared of them the shard hashes every code
        // unit instead, with its buckets from the top bits (the lookups read the choice from the sign of table[0]).
        var (table, order) = Bucketize(hashArray, input.ShardBits, bits, header, WordRowWidth);
        bool full = LongestBucket(table, header, bits, WordRowWidth) > MaxProbeShared && MostSharedHash(hashArray) > MaxProbeShared;
        if (full)
        {
            for (int i = 0; i < hashArray.Length; i++)
            {
                var (source, start, length) = groups.Occurrence(i);
                hashArray[i] = CorpusHash.FullWord(source, start, length);
            }

            (table, order) = Bucketize(hashArray, 0, bits, header, WordRowWidth);
        }

        table[0] = full ? -bits : bits;
        int row = header + (1 << bits) + 1;

        // Each group's postings start where the groups before it in row order end.
        var firstPosting = scratch.FirstPosting = Fit(scratch.FirstPosting, count);
        int total = 0;
        foreach (int i in order)
        {
            var (source, start, length) = groups.Occurrence(i);
            table[row] = (int)hashArray[i];
            if (CorpusHash.PackShort(source, start, length) is ulong packed)
            {
                table[row + 1] = length | InlineWord;
                table[row + 2] = unchecked((int)packed);
                table[row + 3] = unchecked((int)(packed >> 32));
            }
            else
            {
                var (offset, stored) = keys.Add(source, start, length);
                table[row + 1] = length;
                table[row + 2] = offset;
                table[row + 3] = stored;
            }

            table[row + 4] = total;
            table[row + 5] = postingCounts[i];
            firstPosting[i] = total;
            total += postingCounts[i];
            row += WordRowWidth;
        }

        // Documents come in corpus order and each lists its headlines ascending: each group's postings stay ascending.
        var flat = new int[total];
        foreach (var occurrence in occurrences)
        {
            ref int next = ref firstPosting[occurrence.Group];
            var local = occurrence.Postings;
            for (int p = occurrence.Start; p < occurrence.Start + occurrence.Count; p++)
            {
                flat[next++] = occurrence.HeadlineBase + local[p];
            }
        }

        return new ShardModel(input.Class, input.Shard, count, new EquatableArray<int>(table), new EquatableArray<int>(flat), keys.ToString(), keys.Stored, string.Empty, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>A word of one document in a word shard: its group, and where its headlines are in that document's postings.</summary>
    private readonly record struct Occurrence(int Group, EquatableArray<int> Postings, int Start, int Count, int HeadlineBase);

    /// <summary>How many words of a word shard may share a probe hash before the shard hashes every code unit.</summary>
    internal const int MaxProbeShared = 8;

    /// <summary>The most rows in one bucket of a table that <see cref="Bucketize"/> made: words sharing a hash share a bucket, so only then can they be many.</summary>
    private static int LongestBucket(int[] table, int header, int bits, int width)
    {
        int longest = 0;
        for (int b = 0; b < 1 << bits; b++)
        {
            longest = Math.Max(longest, (table[header + b + 1] - table[header + b]) / width);
        }

        return longest;
    }

    /// <summary>The most times one value occurs in <paramref name="hashes"/>.</summary>
    private static int MostSharedHash(ulong[] hashes)
    {
        var sorted = (ulong[])hashes.Clone();
        Array.Sort(sorted);
        int most = sorted.Length == 0 ? 0 : 1;
        for (int i = 1, run = 1; i < sorted.Length; i++)
        {
            run = sorted[i] == sorted[i - 1] ? run + 1 : 1;
            most = Math.Max(most, run);
        }

        return most;
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

    [ThreadStatic]
    private static Scratch? s_scratch;

    /// <summary>A thread's buffers for building shards: a headline shard's are a few hundred KB, large objects if new each time.</summary>
    private sealed class Scratch
    {
        public ulong[] Probed = Array.Empty<ulong>();
        public int[] Fingerprints = Array.Empty<int>();
        public int[] Chains = Array.Empty<int>();
        public int[] FirstPosting = Array.Empty<int>();
        public readonly WordGroups Groups = new();
        public readonly List<Occurrence> Occurrences = new();
        public readonly List<int> PostingCounts = new();
    }

    /// <summary><paramref name="buffer"/> if it holds <paramref name="length"/> items, else a new one that does; its contents are not kept.</summary>
    private static T[] Fit<T>(T[] buffer, int length) => buffer.Length >= length ? buffer : new T[Math.Max(length, buffer.Length * 2)];

    /// <summary>The longest bucket of the <paramref name="count"/> hashes from <paramref name="start"/>; <paramref name="counts"/> is scratch of one slot per bucket.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static int LongestChain(ulong[] hashes, int start, int count, int shardBits, int bits, int[] counts)
    {
        Array.Clear(counts, 0, 1 << bits);
        int longest = 0;
        for (int i = start; i < start + count; i++)
        {
            longest = Math.Max(longest, ++counts[Bucket(hashes[i], shardBits, bits)]);
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

        /// <summary>Adds <paramref name="source"/>[start, start+length) without a string of its own.</summary>
        public (int Offset, int Stored) Add(string source, int start, int length)
        {
            int offset = _stored;
            int stored = _utf8 ? Utf8Length(source, start, length) : length;
            _text.Append(source, start, length);
            _stored += stored;
            return (offset, stored);
        }

        public (int Offset, int Stored) Add(string text) => Add(text, 0, text.Length);

        // The runtime's vectorized count for a whole string; for a range (a word, nearly always ASCII), a scan first.
        private static int Utf8Length(string source, int start, int length)
        {
            if (start == 0 && length == source.Length)
            {
                return DocumentValues.Utf8Length(source);
            }

            for (int i = start; i < start + length; i++)
            {
                if (source[i] >= 0x80)
                {
                    return DocumentValues.Utf8Length(source.Substring(start, length));
                }
            }

            return length;
        }

        /// <summary>The length of the keys added so far, in the unit they are stored in (bytes or UTF-16 code units).</summary>
        public int Stored => _stored;

        /// <summary>The size of the keys added so far, in bytes.</summary>
        public long Bytes => _utf8 ? _stored : 2L * _stored;

        public override string ToString() => _text.ToString();
    }
}
