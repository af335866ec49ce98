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
/// Headline shard table: <c>[probe, rows of 4]</c>, open addressed: a key is in the first free row at or after the row of
/// its slot (<see cref="Slot"/>; linear probing, <see cref="OpenAddressed"/>), an empty row is all 0, and there are as
/// many rows as slots or more, the slot count being the same for every shard of the index
/// (2^<see cref="CoreModel.HeadlineSlotBits"/>, a constant of the lookup). A row is
/// <c>[headline index + 1, length in UTF-16 code units, key offset, fingerprint]</c>; with UTF-8 keys, the offset of a key
/// beyond ASCII is complemented (negative), and it points into the shard's string of such keys when the class keeps
/// them apart (<see cref="ClassInfo.WideHeadlineKeys"/>), else into its UTF-8 keys, where it is three planes of three
/// times its length in bytes (<see cref="AppendPlanes"/>). A key is as long as its text in code
/// units, so no row holds its stored length. The fingerprint (<see cref="CorpusHash.Fingerprint"/>) covers every code unit, so that a query of the right length
/// that differs from the key anywhere is usually turned away without reading the key. Lookups check it only in
/// indexes of more than <see cref="FingerprintKeyBytes"/> of keys, or with keys in planes (<see cref="CoreModel.HeadlineFingerprints"/>). The probe is 0 when the
/// slot comes from the partition hash itself, -1 for the full hash, or else the offset of the second four code
/// units hashed. Word shard table: <c>[bits, 2^bits + 1 bucket starts, rows of 6]</c>, a row being
/// <c>[hash fingerprint, length, key offset, key length as stored, first posting, posting count]</c>; for a word of
/// at most 8 ASCII code units the length has <see cref="InlineWord"/> set and the two key cells hold its packed value
/// (<see cref="CorpusHash.PackShort"/>, the low half first), so that its lookup reads no key and compares no fingerprint. Bucket starts
/// are positions in the table itself. A bucket is taken from the hash after the shard's own top bits.
/// </remarks>
internal static class ShardBuilder
{
    public const int HeadlineRowWidth = 4;
    public const int WordRowWidth = 6;

    /// <summary>Set in the length cell of a word row that holds its word: Runtime/CorpusApi.cs's <c>InlineWord</c>.</summary>
    public const int InlineWord = 0x40000000;

    /// <summary>
    /// A shard keeps the partition hash unless it puts more headlines than this in one slot; then it takes the probe
    /// candidate whose longest chain is shortest, or the full hash when even that one's exceeds this.
    /// </summary>
    private const int MaxProbeChain = 6;

    /// <summary>
    /// Past this many bytes of keys in the whole index the lookups check the fingerprint before reading a key (as they
    /// do in a class whose keys beyond ASCII are planes, whatever its size: see CorpusPlanBuilder). Summing the query
    /// costs about as much as comparing it, so the check pays only where reading a key of a same-length near miss is a
    /// trip to memory, past the shared cache. Until session 30 the threshold was 512 KB (a core's L2 on the VM of session
    /// 20), but on session 30's VM (1 MiB of L2 a core, 32 MiB of L3) the check cost hits 2.3-2.9 ns on 5,000
    /// headlines beyond ASCII (700 KB of keys) and on 50,000 ASCII ones (3.5 MB) and saved near misses nothing
    /// (docs/benchmarks.md).
    /// </summary>
    public const long FingerprintKeyBytes = 16 * 1024 * 1024;

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
        // Each key's length as stored (UTF-8 bytes in UTF-8 mode), from its file's layout, which counted it.
        var storedLengths = new List<int>(total);
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
                    storedLengths.Add(slice.Summary.Layout.ValueLength[DocumentValues.FirstHeadline + item.Local]);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        int count = texts.Count;
        int slotBits = input.SlotBits;
        int slots = 1 << slotBits;
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

        // The partition hash stays unless it puts more than MaxProbeChain headlines in one slot: a lookup computes it
        // anyway, and finds its row before it reads the probe cell, so any other probe is a second hash on the way of
        // every lookup, for a few rows less on a few of them. Until session 29 a shard took whichever candidate had the
        // shortest longest chain, which random hashes make 3 to 5 in most shards: 7 of the 16 shards of 50,000
        // headlines took another probe, and lookups there waited on the second hash (docs/benchmarks.md).
        var chains = scratch.Chains = Fit(scratch.Chains, slots);
        int bestCandidate = 0, bestChain = LongestChain(probed, 0, count, shardBits, slotBits, chains);
        for (int c = 1; c < candidates && bestChain > MaxProbeChain; c++)
        {
            int chain = LongestChain(probed, c * count, count, shardBits, slotBits, chains);
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
        var (table, order, rows) = OpenAddressed(hashes, shardBits, slotBits);
        table[0] = bestProbe;
        for (int k = 0; k < order.Length; k++)
        {
            int i = order[k];
            int row = 1 + (HeadlineRowWidth * rows[k]);
            string text = texts[i];
            // A key beyond ASCII in UTF-8 mode has its offset complemented: in the shard's wide keys when it keeps them
            // apart, else in its UTF-8 keys in three planes (KeyWriter.AddPlanes).
            int stored = storedLengths[i];
            int offset = stored == text.Length ? keys.Add(text, stored) : wide is null ? ~keys.AddPlanes(text) : ~wide.Add(text, text.Length);
            table[row] = indices[i] + 1;
            table[row + 1] = text.Length;
            table[row + 2] = offset;
            table[row + 3] = fingerprints[i];
        }

        return new ShardModel(
            input.Class, input.Shard, count, new EquatableArray<int>(table), EquatableArray<int>.Empty, keys.ToString(), keys.Stored, wide?.ToString() ?? string.Empty,
            null, EquatableArray<DiagnosticInfo>.Empty);
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
        var filter = WordFilterBuilder.Applies(input.Class) ? WordFilterBuilder.Part(input.Class, input.Shard, hashArray) : null;
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

        return new ShardModel(input.Class, input.Shard, count, new EquatableArray<int>(table), new EquatableArray<int>(flat), keys.ToString(), keys.Stored, string.Empty, filter, EquatableArray<DiagnosticInfo>.Empty);
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

    /// <summary>The longest bucket (slot) of the <paramref name="count"/> headline hashes from <paramref name="start"/>; <paramref name="counts"/> is scratch of one per slot.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static int LongestChain(ulong[] hashes, int start, int count, int shardBits, int slotBits, int[] counts)
    {
        Array.Clear(counts, 0, 1 << slotBits);
        int longest = 0;
        for (int i = start; i < start + count; i++)
        {
            longest = Math.Max(longest, ++counts[Slot(hashes[i], shardBits, slotBits)]);
        }

        return longest;
    }

    /// <summary>
    /// The slot of a headline hash among 2^<paramref name="slotBits"/>: the <paramref name="slotBits"/> bits after the
    /// shard's own top bits, one shift. The lookup computes the same (<c>HeadlineRow</c>).
    /// </summary>
    public static int Slot(ulong hash, int shardBits, int slotBits) => (int)((hash << shardBits) >> (64 - slotBits));

    /// <summary>
    /// log2 of the slots per headline shard for <paramref name="count"/> headlines in 2^<paramref name="shardBits"/>
    /// shards: a power of two at least 2.25 times the average shard's headlines, so that a shard is at most about 44%
    /// full. Fuller tables (7/4 of the headlines, any count, which a slot scaled by a multiplication allowed until
    /// session 23) measured slower, hits and most of all misses, which scan to an empty row (docs/benchmarks.md, session 16).
    /// </summary>
    public static int SlotBitsFor(int count, int shardBits) => BitsFor((count >> shardBits) + (count >> (shardBits + 3)));

    /// <summary>
    /// A headline shard's table with the keys placed by linear probing: each in the first free row at or after its
    /// slot's, in slot order (then in corpus order), so that a lookup scans from its slot's row to the first empty
    /// one. Rows run past the last slot as far as the last key needs, plus an empty row to end its scan. Returns the
    /// table (the probe cell, then the rows, all 0), the keys in placement order and each one's row.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static (int[] Table, int[] Order, int[] Rows) OpenAddressed(ulong[] hashes, int shardBits, int slotBits)
    {
        int slots = 1 << slotBits;
        var slotOf = new int[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            slotOf[i] = Slot(hashes[i], shardBits, slotBits);
        }

        var (order, _) = SortByBucket(slotOf, slots);
        var rows = new int[hashes.Length];
        int next = 0;
        for (int k = 0; k < order.Length; k++)
        {
            int row = Math.Max(slotOf[order[k]], next);
            rows[k] = row;
            next = row + 1;
        }

        // Without a key in the last slot's row, the rows up to it end every scan; else one empty row after the last key.
        int rowCount = next < slots ? slots : next + 1;
        return (new int[1 + (HeadlineRowWidth * rowCount)], order, rows);
    }

    /// <summary>
    /// Counting sort of the keys by bucket into a table with <paramref name="header"/> leading slots, then the bucket
    /// starts as table positions, then room for the rows; returns the table and the keys in row order.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static (int[] Table, int[] Order) Bucketize(ulong[] hashes, int shardBits, int bits, int header, int width)
    {
        int buckets = 1 << bits;
        var bucketOf = new int[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            bucketOf[i] = Bucket(hashes[i], shardBits, bits);
        }

        var (order, starts) = SortByBucket(bucketOf, buckets);
        int rowsStart = header + buckets + 1;
        var table = new int[rowsStart + width * hashes.Length];
        for (int b = 0; b <= buckets; b++)
        {
            table[header + b] = rowsStart + width * starts[b];
        }

        return (table, order);
    }

    /// <summary>
    /// Stable counting sort of keys by their bucket (<paramref name="bucketOf"/>, each below <paramref name="buckets"/>):
    /// the keys in bucket order, then in their own, and where each bucket starts in that order (one more entry than
    /// buckets, the last being the key count).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static (int[] Order, int[] Starts) SortByBucket(int[] bucketOf, int buckets)
    {
        var starts = new int[buckets + 1];
        foreach (int bucket in bucketOf)
        {
            starts[bucket + 1]++;
        }

        for (int b = 1; b <= buckets; b++)
        {
            starts[b] += starts[b - 1];
        }

        var next = (int[])starts.Clone();
        var order = new int[bucketOf.Length];
        for (int i = 0; i < bucketOf.Length; i++)
        {
            order[next[bucketOf[i]]++] = i;
        }

        return (order, starts);
    }

    /// <summary>What every byte of a key in planes adds to its bits (<see cref="AppendPlanes"/>).</summary>
    public const int PlaneBase = 0x3F;

    /// <summary>
    /// Appends a headline key beyond ASCII as three planes, each as long as the key: every code unit's low six bits,
    /// then its next four, then its top six, each plus <see cref="PlaneBase"/>, so that every byte is printable ASCII and
    /// the planes fit the UTF-8 keys literal. Runtime/CorpusApi.cs's <c>PlaneEquals</c> compares a query with them
    /// sixteen code units at a time, with no decoding.
    /// </summary>
    public static void AppendPlanes(StringBuilder planes, string text)
    {
        foreach (char c in text)
        {
            planes.Append((char)((c & 0x3F) + PlaneBase));
        }

        foreach (char c in text)
        {
            planes.Append((char)(((c >> 6) & 0x0F) + PlaneBase));
        }

        foreach (char c in text)
        {
            planes.Append((char)((c >> 10) + PlaneBase));
        }
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

        /// <summary>Adds a whole text whose length as stored the caller knows; returns its offset.</summary>
        public int Add(string text, int stored)
        {
            int offset = _stored;
            _text.Append(text);
            _stored += stored;
            return offset;
        }

        /// <summary>Adds a headline key beyond ASCII as three planes (<see cref="AppendPlanes"/>); returns its offset.</summary>
        public int AddPlanes(string text)
        {
            int offset = _stored;
            AppendPlanes(_text, text);
            _stored += 3 * text.Length;
            return offset;
        }

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

        public override string ToString() => _text.ToString();
    }
}
