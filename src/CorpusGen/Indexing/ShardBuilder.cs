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
/// <para>
/// Each shard is a perfect hash (hash and displace) over the 64-bit hashes of its keys: the hash picks one of
/// <c>r</c> buckets, the bucket's displacement <c>d</c> moves it to one of <c>m</c> slots (<see cref="Bucket"/>,
/// <see cref="Slot"/>), and each slot holds one row. No two distinct hashes share a slot, so a lookup reads one
/// displacement and one row, with no loop and no chain. Keys whose hashes are equal (rare; a hostile corpus can make
/// them) share a group: their slot holds a row of length -2 that points at the group's rows, after the slots.
/// An empty slot has length -1. Both never equal a query's length.
/// </para>
/// <para>
/// Headline shard table: <c>[r, m, probe, check, r displacements, m rows of 5, group rows]</c>, a row being
/// <c>[headline index, length in UTF-16 code units, key offset, key length as stored, fingerprint]</c>; a group's
/// row is <c>[first row's position, -2, row count, 0, 0]</c>. The fingerprint (<see cref="CorpusHash.Fingerprint"/>)
/// covers every code unit, so that a query of the right length that differs from the key anywhere is usually
/// turned away without reading the key. Lookups check it only when <c>check</c> is 1, in indexes with keys too
/// large to stay in the core's caches. The probe is 0 when the hash is the partition hash itself, -1 for the full
/// hash, or else the offset of the first four code units hashed.
/// </para>
/// <para>
/// Word shard table: <c>[r, m, r displacements, m rows of 6, group rows]</c>. A word of at most 8 code units, all
/// ASCII, is its own key: its row is <c>[folded bytes, low half; high half; length; 0; first posting; posting
/// count]</c>, the case-folded characters one per byte (<see cref="CorpusHash.PackAscii"/>), so that such a lookup
/// compares two ints and reads no key. Any other word's row is <c>[hash fingerprint, key offset, length |
/// <see cref="LongWordFlag"/>, key length as stored, first posting, posting count]</c>; the flag keeps a short
/// ASCII query from ever comparing against such a row (no character outside ASCII equals an ASCII one under
/// OrdinalIgnoreCase). A group's row is <c>[first row's position, row count, -2, 0, 0, 0]</c>.
/// </para>
/// </remarks>
internal static class ShardBuilder
{
    public const int HeadlineRowWidth = 5;
    public const int WordRowWidth = 6;

    /// <summary>Set in the length of a word row that compares its key (not ASCII, or longer than 8).</summary>
    public const int LongWordFlag = 0x40000000;

    /// <summary>The length of an empty slot's row.</summary>
    public const int EmptyRow = -1;

    /// <summary>The length of a row that stands for a group of keys with equal hashes.</summary>
    public const int GroupRow = -2;

    /// <summary>Mixes a hash with its bucket's displacement (<see cref="Slot"/>); the runtime uses the same constant.</summary>
    public const ulong SlotMultiplier = 0xD6E8FEB86659FD93UL;

    /// <summary>
    /// Past this many bytes of keys in the whole index (estimated as this shard's keys times the shard count) the
    /// lookups check the fingerprint before reading a key. Below it the keys stay in the core's own caches, where
    /// reading one costs less than summing the whole query; above it a key read is a trip to the shared cache or
    /// to memory. On the 50,000-headline benchmark corpus (3 MB of keys) the check made same-length near misses
    /// faster; on 5,000 headlines (300 KB) the runs were too noisy to show a gain (docs/benchmarks.md).
    /// </summary>
    private const long FingerprintKeyBytes = 512 * 1024;

    /// <summary>Probe offsets tried, in order, until one gives every headline of the shard its own hash; then the full hash.</summary>
    private static readonly int[] ProbeCandidates = { 0, 4, 8, 12, 16, 24, 32 };

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ShardModel BuildHeadlines(ShardInput input, CancellationToken cancellationToken)
    {
        // The first copy of each text, in corpus order: equal texts hash alike, so they all fall in this shard.
        int total = 0;
        long totalChars = 0;
        foreach (var slice in input.Slices)
        {
            total += slice.End - slice.Start;
            foreach (var item in slice.Headlines)
            {
                totalChars += item.Text.Length;
            }
        }

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
                    texts.Add(item.Text);
                    indices.Add(slice.HeadlineBase + item.Local);
                    partitionHashes.Add(item.Hash);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        int count = texts.Count;
        var hashes = partitionHashes.ToArray();
        int probe = 0;
        if (HasEqualHashes(hashes))
        {
            // The partition hash reads the first and last four code units; try other first windows, then every unit.
            probe = -1;
            var candidate = new ulong[count];
            for (int c = 1; c < ProbeCandidates.Length && probe < 0; c++)
            {
                for (int i = 0; i < count; i++)
                {
                    candidate[i] = CorpusHash.Probe(texts[i], 0, texts[i].Length, ProbeCandidates[c]);
                }

                if (!HasEqualHashes(candidate))
                {
                    probe = ProbeCandidates[c];
                    Array.Copy(candidate, hashes, count);
                }
            }

            if (probe < 0)
            {
                for (int i = 0; i < count; i++)
                {
                    hashes[i] = CorpusHash.Full(texts[i], 0, texts[i].Length);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var keys = new KeyWriter(input.Class.Utf8, (int)Math.Min(totalChars, int.MaxValue / 2));
        var layout = PerfectLayout.Build(hashes, input.ShardBits, header: 4, HeadlineRowWidth, lengthAt: 1, countAt: 2);
        var table = layout.Table;
        table[2] = probe;
        foreach (var (position, i) in layout.Rows)
        {
            var (offset, stored) = keys.Add(texts[i]);
            table[position] = indices[i];
            table[position + 1] = texts[i].Length;
            table[position + 2] = offset;
            table[position + 3] = stored;
            table[position + 4] = CorpusHash.Fingerprint(texts[i], 0, texts[i].Length);
        }

        table[3] = keys.Bytes << input.ShardBits > FingerprintKeyBytes ? 1 : 0;
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
        var keys = new KeyWriter(input.Class.Utf8, 16);
        var hashes = groups.Hashes.ToArray();
        var layout = PerfectLayout.Build(hashes, input.ShardBits, header: 2, WordRowWidth, lengthAt: 2, countAt: 1);
        var table = layout.Table;
        var flat = new List<int>();
        foreach (var (position, i) in layout.Rows)
        {
            string word = groups.Word(i);
            if (CorpusHash.PackAscii(word, 0, word.Length, out ulong packed))
            {
                table[position] = (int)packed;
                table[position + 1] = (int)(packed >> 32);
                table[position + 2] = word.Length;
            }
            else
            {
                var (offset, stored) = keys.Add(word);
                table[position] = (int)hashes[i];
                table[position + 1] = offset;
                table[position + 2] = word.Length | LongWordFlag;
                table[position + 3] = stored;
            }

            table[position + 4] = flat.Count;
            table[position + 5] = postings[i].Count;
            flat.AddRange(postings[i]);
        }

        return new ShardModel(input.Class, input.Shard, count, new EquatableArray<int>(table), new EquatableArray<int>(flat.ToArray()), keys.ToString(), keys.Stored, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The bucket of a hash among <paramref name="buckets"/>: the 32 bits after the shard's own top bits, scaled.</summary>
    public static int Bucket(ulong hash, int shardBits, int buckets) =>
        (int)((((hash << shardBits) >> 32) * (uint)buckets) >> 32);

    /// <summary>The slot of a hash among <paramref name="slots"/> once its bucket's displacement is applied.</summary>
    public static int Slot(ulong hash, int displacement, int slots) =>
        (int)(((unchecked((hash ^ (uint)displacement) * SlotMultiplier) >> 32) * (uint)slots) >> 32);

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static bool HasEqualHashes(ulong[] hashes)
    {
        var set = new HashSet<ulong>();
        foreach (ulong hash in hashes)
        {
            if (!set.Add(hash))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A shard table laid out as a perfect hash: the header (zeros but for <c>r</c> and <c>m</c>), the
    /// displacements, the rows (empty ones of length <see cref="EmptyRow"/>) and the group rows, with where each
    /// key's row is. The caller writes the rows.
    /// </summary>
    private sealed class PerfectLayout
    {
        /// <summary>Displacements tried per bucket before the table grows.</summary>
        private const int MaxDisplacement = 1 << 16;

        private PerfectLayout(int[] table, List<(int Position, int Key)> rows)
        {
            Table = table;
            Rows = rows;
        }

        public int[] Table { get; }

        /// <summary>Each key's row position in <see cref="Table"/>, in table order.</summary>
        public List<(int Position, int Key)> Rows { get; }

        [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
        public static PerfectLayout Build(ulong[] hashes, int shardBits, int header, int width, int lengthAt, int countAt)
        {
            // Keys with equal hashes cannot be told apart by any slot: they are placed as one group, in key order.
            var firstWithHash = new Dictionary<ulong, int>(hashes.Length);
            var groupOf = new int[hashes.Length];
            var groupHashes = new List<ulong>(hashes.Length);
            var groupSizes = new List<int>(hashes.Length);
            for (int i = 0; i < hashes.Length; i++)
            {
                if (!firstWithHash.TryGetValue(hashes[i], out int group))
                {
                    group = groupHashes.Count;
                    firstWithHash.Add(hashes[i], group);
                    groupHashes.Add(hashes[i]);
                    groupSizes.Add(0);
                }

                groupOf[i] = group;
                groupSizes[group]++;
            }

            int n = groupHashes.Count;
            int buckets = Math.Max(1, (n + 3) / 4);
            int slots = Math.Max(1, n + n / 6 + 1);
            int[] displacement, slotOf;
            while (!TryPlace(groupHashes, shardBits, buckets, slots, out displacement, out slotOf))
            {
                slots += slots / 4 + 1;
            }

            int extra = 0;
            foreach (int size in groupSizes)
            {
                extra += size > 1 ? size : 0;
            }

            int rowsStart = header + buckets;
            var table = new int[rowsStart + width * (slots + extra)];
            table[0] = buckets;
            table[1] = slots;
            Array.Copy(displacement, 0, table, header, buckets);
            for (int s = 0; s < slots; s++)
            {
                table[rowsStart + width * s + lengthAt] = EmptyRow;
            }

            // A group's rows follow the slots, in the order of the groups' first keys.
            var groupStart = new int[n];
            int next = rowsStart + width * slots;
            for (int g = 0; g < n; g++)
            {
                if (groupSizes[g] > 1)
                {
                    int head = rowsStart + width * slotOf[g];
                    groupStart[g] = next;
                    table[head] = next;
                    table[head + lengthAt] = GroupRow;
                    table[head + countAt] = groupSizes[g];
                    next += width * groupSizes[g];
                }
            }

            var rows = new List<(int, int)>(hashes.Length);
            for (int i = 0; i < hashes.Length; i++)
            {
                int g = groupOf[i];
                if (groupSizes[g] > 1)
                {
                    rows.Add((groupStart[g], i));
                    groupStart[g] += width;
                }
                else
                {
                    rows.Add((rowsStart + width * slotOf[g], i));
                }
            }

            rows.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            return new PerfectLayout(table, rows);
        }

        /// <summary>
        /// Hash and displace: buckets in order of size, largest first, each given the smallest displacement that
        /// sends all its keys to free slots. False when some bucket finds none (the caller adds slots).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
        private static bool TryPlace(List<ulong> hashes, int shardBits, int buckets, int slots, out int[] displacement, out int[] slotOf)
        {
            int n = hashes.Count;
            displacement = new int[buckets];
            slotOf = new int[n];
            var bucketOf = new int[n];
            var starts = new int[buckets + 1];
            for (int i = 0; i < n; i++)
            {
                bucketOf[i] = Bucket(hashes[i], shardBits, buckets);
                starts[bucketOf[i] + 1]++;
            }

            int largest = 0;
            for (int b = 0; b < buckets; b++)
            {
                largest = Math.Max(largest, starts[b + 1]);
                starts[b + 1] += starts[b];
            }

            var members = new int[n];
            var fill = (int[])starts.Clone();
            for (int i = 0; i < n; i++)
            {
                members[fill[bucketOf[i]]++] = i;
            }

            // Buckets by size, largest first; equal sizes in bucket order, so the layout is deterministic.
            var bySize = new List<int>[largest + 1];
            for (int b = 0; b < buckets; b++)
            {
                int size = starts[b + 1] - starts[b];
                (bySize[size] ??= new List<int>()).Add(b);
            }

            var taken = new bool[slots];
            var trial = new int[Math.Max(1, largest)];
            for (int size = largest; size >= 1; size--)
            {
                if (bySize[size] is not { } list)
                {
                    continue;
                }

                foreach (int b in list)
                {
                    int d = 0;
                    for (; d < MaxDisplacement; d++)
                    {
                        int k = 0;
                        for (; k < size; k++)
                        {
                            int slot = Slot(hashes[members[starts[b] + k]], d, slots);
                            if (taken[slot] || Array.IndexOf(trial, slot, 0, k) >= 0)
                            {
                                break;
                            }

                            trial[k] = slot;
                        }

                        if (k == size)
                        {
                            break;
                        }
                    }

                    if (d == MaxDisplacement)
                    {
                        return false;
                    }

                    displacement[b] = d;
                    for (int k = 0; k < size; k++)
                    {
                        taken[trial[k]] = true;
                        slotOf[members[starts[b] + k]] = trial[k];
                    }
                }
            }

            return true;
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
