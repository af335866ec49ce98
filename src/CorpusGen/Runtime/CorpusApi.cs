// The public surface of every corpus class, emitted verbatim into the user's assembly.
// The emitter keeps the lines between the BEGIN and END markers, turns each "/*?*/" into "?" when the consumer's
// C# has nullable reference types (8+) and prepends #define lines that pick the variant:
//   CORPUSGEN_UTF8         text blobs and index keys are UTF-8 u8 literals (C# 11, .NET 7+); otherwise string literals
//   CORPUSGEN_WIDE_HEADLINE_KEYS  with CORPUSGEN_UTF8: the headline keys that are not ASCII are a string literal apart
//                          (up to a size, see CorpusPlanBuilder.MaxWideHeadlineKeys), compared with a query as memory
//   CORPUSGEN_SPAN_TABLES  index tables are ReadOnlySpan<int> over static data; otherwise static readonly int[]
//   CORPUSGEN_SPANS        the target has ReadOnlySpan<char>: span overloads of the lookups
//   CORPUSGEN_ASCII        System.Text.Ascii exists (.NET 8+): vectorized comparison of ASCII text
//   CORPUSGEN_HEADLINE_FINGERPRINTS  headline lookups check a row's fingerprint before its key (large indexes)
// Two names stand for what the emitter spells out in full (CorpusEmitter.Qualify): CorpusText, the query type, and
// CorpusIndex, the generated index class, a top-level type beside the corpus class. The index class holds the shards
// (see ShardBuilder), the members between BEGIN INDEX and END INDEX and, in CorpusIndex.HeadlineShards and
// CorpusIndex.WordShards, where each shard's data is.
// The file must compile as C# 7.3 in every combination that a C# 7.3 consumer can get.
// BEGIN
    /// <summary>Every headline of the corpus, in corpus order; duplicates are kept.</summary>
    public static TextList Headlines
    {
        get { return Cache.Headlines; }
    }

    /// <summary>Every corpus file, one document each, in corpus order (ordinal order of the file paths).</summary>
    public static DocumentList Documents
    {
        get { return Cache.Documents; }
    }

    /// <summary>Every article of the corpus, in corpus order.</summary>
    public static ArticleList Articles
    {
        get { return Cache.Articles; }
    }

    /// <summary>Returns the index in <see cref="Headlines"/> of the first headline equal to <paramref name="text"/> (ordinal), or -1.</summary>
    /// <param name="text">The headline to look for.</param>
    /// <returns>The index of the first equal headline, or -1 when no headline equals <paramref name="text"/>.</returns>
    /// <exception cref="global::System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static int IndexOfHeadline(string text)
    {
        if (text == null)
        {
            ThrowArgumentNull("text");
        }

#if CORPUSGEN_SPANS
        // Straight to FindHeadline: on the first call every method on the way is JIT-compiled, so fewer is faster.
        return FindHeadline(global::System.MemoryExtensions.AsSpan(text));
#else
        return FindHeadline(text/*!*/);
#endif
    }

    /// <summary>Returns the ascending, distinct indices in <see cref="Headlines"/> of the headlines that contain <paramref name="word"/>, compared as <see cref="global::System.StringComparison.OrdinalIgnoreCase"/>.</summary>
    /// <param name="word">The word to look for. A headline's words are its runs of letters and digits; one matches when it equals <paramref name="word"/> ignoring case, code unit by code unit.</param>
    /// <returns>The matching headline indices; empty when none matches.</returns>
    /// <exception cref="global::System.ArgumentNullException"><paramref name="word"/> is null.</exception>
    public static HeadlineIndices HeadlinesWithWord(string word)
    {
        if (word == null)
        {
            ThrowArgumentNull("word");
        }

#if CORPUSGEN_SPANS
        return FindWord(global::System.MemoryExtensions.AsSpan(word));
#else
        return FindWord(word/*!*/);
#endif
    }

#if CORPUSGEN_SPANS
    /// <summary>Returns the index in <see cref="Headlines"/> of the first headline equal to <paramref name="text"/> (ordinal), or -1.</summary>
    /// <param name="text">The headline to look for.</param>
    /// <returns>The index of the first equal headline, or -1 when no headline equals <paramref name="text"/>.</returns>
    public static int IndexOfHeadline(global::System.ReadOnlySpan<char> text)
    {
        return FindHeadline(text);
    }

    /// <summary>Returns the ascending, distinct indices in <see cref="Headlines"/> of the headlines that contain <paramref name="word"/>, compared as <see cref="global::System.StringComparison.OrdinalIgnoreCase"/>.</summary>
    /// <param name="word">The word to look for. A headline's words are its runs of letters and digits; one matches when it equals <paramref name="word"/> ignoring case, code unit by code unit.</param>
    /// <returns>The matching headline indices; empty when none matches.</returns>
    public static HeadlineIndices HeadlinesWithWord(global::System.ReadOnlySpan<char> word)
    {
        return FindWord(word);
    }
#endif

    // A throw in a method of its own: a first lookup JIT-compiles its caller, and the throw's IL would make that slower.
    private static void ThrowArgumentNull(string name)
    {
        throw new global::System.ArgumentNullException(name);
    }

    // The lookups below read tables that the generator built and checked, so the span variant reads them through
    // Unsafe.Add without bounds checks; the array variant is the same code with indexers.
    private static int FindHeadline(CorpusText text)
    {
        // The partition hash (first and last four code units, length) picks the shard and, unless the shard chose
        // another probe offset or the full hash at compile time, the slot (the row its scan starts at) too.
        int length = text.Length;
        ulong hash = ProbeHash(text, 0);
        // Defined when the index has more than one shard; with one, there is no shard directory either.
#if CORPUSGEN_HEADLINE_SHARDS
        int shard = (int)(hash >> (64 - Tables.HeadlineShardBits));
#if CORPUSGEN_SPAN_TABLES
        int at = shard * CorpusIndex.HeadlineShards.Stride;
        global::System.IntPtr[] addresses = CorpusIndex.HeadlineShards.Addresses;
        global::System.IntPtr address = global::System.Threading.Volatile.Read(ref DirectoryEntry(addresses, at));
        if (address == global::System.IntPtr.Zero)
        {
            address = CorpusIndex.HeadlineShards.Find(shard);
        }

        ref int table = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(), address);
#else
        int[] table = CorpusIndex.HeadlineShards.Tables[shard];
#endif
#if CORPUSGEN_UTF8
        ref byte keys = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(ref global::System.Runtime.CompilerServices.Unsafe.NullRef<byte>(), DirectoryEntry(addresses, at + 1));
#else
        string keys = CorpusIndex.HeadlineShards.Keys[shard];
#endif
#else
#if CORPUSGEN_UTF8
        const int shard = 0;
#endif
#if CORPUSGEN_SPAN_TABLES
        // Through its address, as the directory finds a shard's: fewer methods for a first lookup to compile.
        ref int table = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(
            ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(), CorpusIndex.TableAddress(CorpusIndex.HeadlineTable0Data(), ref CorpusIndex.HeadlineTable0Unpacked));
#else
        int[] table = CorpusIndex.HeadlineTable0;
#endif
#if CORPUSGEN_UTF8
        ref byte keys = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(CorpusIndex.HeadlineKeys0);
#else
        string keys = CorpusIndex.HeadlineKeys0;
#endif
#endif

#if CORPUSGEN_SPAN_TABLES
        // The slot count is a constant, so the row of the partition hash's slot is known before the shard's probe is
        // read: the two reads do not wait on each other, and nearly every shard keeps that row. The rows are open
        // addressed (ShardBuilder): a headline is in the first row at or after its slot's, before the next empty one.
        int row = HeadlineRow(hash);
        int probe = table;
        if (probe != 0)
        {
            hash = probe > 0 ? ProbeHash(text, probe) : FullHash(text);
            row = HeadlineRow(hash);
        }

#if CORPUSGEN_HEADLINE_FINGERPRINTS
        int fingerprint = 0;
#endif
        for (; ; row += 4)
        {
            ref int entry = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref table, row);
            int found = entry;
            if (found == 0)
            {
                break;
            }

            if (global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 1) != length)
            {
                continue;
            }

#if CORPUSGEN_HEADLINE_FINGERPRINTS
            // Computed once, and only for a query of the length of some key on its way.
            if (fingerprint == 0)
            {
                fingerprint = Fingerprint(text);
            }

            if (global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 3) != fingerprint)
            {
                continue;
            }
#endif

#if CORPUSGEN_UTF8
            if (KeyEquals(text, ref keys, global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 2), shard))
#else
            if (KeyEquals(text, keys, global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 2)))
#endif
            {
                // A row holds its headline's index plus one, so that an empty row is all 0.
                return found - 1;
            }
        }
#else
        int row = HeadlineRow(hash);
        int probe = table[0];
        if (probe != 0)
        {
            hash = probe > 0 ? ProbeHash(text, probe) : FullHash(text);
            row = HeadlineRow(hash);
        }

#if CORPUSGEN_HEADLINE_FINGERPRINTS
        int fingerprint = 0;
#endif
        for (; table[row] != 0; row += 4)
        {
            if (table[row + 1] != length)
            {
                continue;
            }

#if CORPUSGEN_HEADLINE_FINGERPRINTS
            if (fingerprint == 0)
            {
                fingerprint = Fingerprint(text);
            }

            if (table[row + 3] != fingerprint)
            {
                continue;
            }
#endif

            if (KeyEquals(text, keys, table[row + 2]))
            {
                return table[row] - 1;
            }
        }
#endif

        return -1;
    }

    /// <summary>
    /// Where the scan for a headline hash starts in its shard's table: after the probe cell, the row (of 4 cells) of its
    /// slot, which ShardBuilder.Slot computes the same way: the HeadlineSlotBits bits after the shard bits, one shift.
    /// </summary>
    private static int HeadlineRow(ulong hash)
    {
        return 1 + (4 * (int)((hash << Tables.HeadlineShardBits) >> (64 - Tables.HeadlineSlotBits)));
    }

    private static HeadlineIndices FindWord(CorpusText word)
    {
        // A word of 1 to 8 ASCII code units is found by its packed value alone (PackWord); any other word by the hash
        // of its first and last four code units, folded, and a comparison with its key (FindLongWord).
        if ((uint)(word.Length - 1) < MaxShortWord)
        {
            ulong packed = PackWord(word);
            if (packed != ulong.MaxValue)
            {
                return FindShortWord(word, packed);
            }
        }

        return FindLongWord(word);
    }

    /// <summary>
    /// FindWord for any word but one of 1 to 8 ASCII code units. Never inlined: its calls and loop make the JIT save
    /// six registers on entry, which short words, most of the words looked up, would otherwise pay as well.
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static HeadlineIndices FindLongWord(CorpusText word)
    {
        int length = word.Length;
        if (length == 0)
        {
            return default(HeadlineIndices);
        }

        ulong hash = WordHash(word);
#if CORPUSGEN_WORD_FILTER
        if (!MayHaveWord(hash))
        {
            return default(HeadlineIndices);
        }

#endif
        int shard = WordShard(hash);
#if CORPUSGEN_SPAN_TABLES
        ref int table = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(), WordTableAddress(shard));
#else
        int[] table = WordTable(shard);
#endif
        // Read after the table's address: the directory writes a shard's table address last (WordTableAddress).
#if CORPUSGEN_UTF8 && CORPUSGEN_WORD_SHARDS
        ref byte keys = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(ref global::System.Runtime.CompilerServices.Unsafe.NullRef<byte>(), DirectoryEntry(CorpusIndex.WordShards.Addresses, (shard * CorpusIndex.WordShards.Stride) + 1));
#elif CORPUSGEN_UTF8
        ref byte keys = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(CorpusIndex.WordKeys0);
#elif CORPUSGEN_WORD_SHARDS
        string keys = CorpusIndex.WordShards.Keys[shard];
#else
        string keys = CorpusIndex.WordKeys0;
#endif

#if CORPUSGEN_SPAN_TABLES
        int bucket = WordBucket(ref table, ref hash, word);
#else
        int bucket = WordBucket(table, ref hash, word);
#endif
        int fingerprint = (int)hash;
#if CORPUSGEN_SPAN_TABLES
        int end = global::System.Runtime.CompilerServices.Unsafe.Add(ref table, bucket + 1);
        for (int row = global::System.Runtime.CompilerServices.Unsafe.Add(ref table, bucket); row < end; row += 6)
        {
            ref int entry = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref table, row);
            if (entry == fingerprint
                && global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 1) == length
#if CORPUSGEN_UTF8
                && KeyEqualsIgnoreCase(word, ref keys, global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 2), global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 3)))
#else
                && KeyEqualsIgnoreCase(word, keys, global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 2), global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 3)))
#endif
            {
                return new HeadlineIndices(shard, global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 4), global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 5));
            }
        }
#else
        int end = table[bucket + 1];
        for (int row = table[bucket]; row < end; row += 6)
        {
            if (table[row] == fingerprint && table[row + 1] == length && KeyEqualsIgnoreCase(word, keys, table[row + 2], table[row + 3]))
            {
                return new HeadlineIndices(shard, table[row + 4], table[row + 5]);
            }
        }
#endif

        return default(HeadlineIndices);
    }

    /// <summary>
    /// FindWord for a word of 1 to 8 ASCII code units, <paramref name="units"/> being its PackWord value: its row holds
    /// that value lower-cased and its length (marked with <see cref="InlineWord"/>), so the lookup reads no key and
    /// compares no fingerprint. A method of its own, apart from the long-word path and its calls; the JIT may inline it
    /// into FindWord (forbidding that measured slower, not faster).
    /// </summary>
    private static HeadlineIndices FindShortWord(CorpusText word, ulong units)
    {
        int length = word.Length;
        ulong hash = ShortWordHash(units, length);
#if CORPUSGEN_WORD_FILTER
        if (!MayHaveWord(hash))
        {
            return default(HeadlineIndices);
        }

#endif
        int shard = WordShard(hash);
#if CORPUSGEN_SPAN_TABLES
        ref int table = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(), WordTableAddress(shard));
        int bucket = WordBucket(ref table, ref hash, word);
#else
        int[] table = WordTable(shard);
        int bucket = WordBucket(table, ref hash, word);
#endif
        int inline = length | InlineWord;
        ulong packed = Lower8(units);
#if CORPUSGEN_SPAN_TABLES
        int end = global::System.Runtime.CompilerServices.Unsafe.Add(ref table, bucket + 1);
        for (int row = global::System.Runtime.CompilerServices.Unsafe.Add(ref table, bucket); row < end; row += 6)
        {
            ref int entry = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref table, row);
            if (Cells(global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 2), global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 3)) == packed
                && global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 1) == inline)
            {
                return new HeadlineIndices(shard, global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 4), global::System.Runtime.CompilerServices.Unsafe.Add(ref entry, 5));
            }
        }
#else
        int end = table[bucket + 1];
        for (int row = table[bucket]; row < end; row += 6)
        {
            if (Cells(table[row + 2], table[row + 3]) == packed && table[row + 1] == inline)
            {
                return new HeadlineIndices(shard, table[row + 4], table[row + 5]);
            }
        }
#endif

        return default(HeadlineIndices);
    }

#if CORPUSGEN_WORD_FILTER
    /// <summary>
    /// Whether the index may have a word of this probe hash: its bit in the word filter, the hash's top bits, is set
    /// when some word of the index has them. One read at an address the JIT knows, where finding the word's bucket
    /// waits on three (the shard directory, the shard's bucket bits, the bucket).
    /// </summary>
    private static bool MayHaveWord(ulong hash)
    {
        ulong at = hash >> CorpusIndex.WordFilterShift;
        ulong bits = global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(CorpusIndex.WordFilter()), (global::System.IntPtr)(long)(at >> 6));
        return (bits & (1UL << (int)at)) != 0;
    }

#endif
    /// <summary>The word shard of a hash: its top bits (0 for an index of one shard).</summary>
    private static int WordShard(ulong hash)
    {
#if CORPUSGEN_WORD_SHARDS
        return (int)(hash >> (64 - Tables.WordShardBits));
#else
        return 0;
#endif
    }

#if CORPUSGEN_SPAN_TABLES && (CORPUSGEN_HEADLINE_SHARDS || CORPUSGEN_WORD_SHARDS)
    /// <summary>
    /// An entry of a shard directory, read without a bounds check: the lookups index it by a shard number, the top bits
    /// of a hash, times the directory's stride, which the JIT cannot tell is below its length.
    /// </summary>
    private static ref global::System.IntPtr DirectoryEntry(global::System.IntPtr[] directory, int index)
    {
        return ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(directory), index);
    }

#endif
#if CORPUSGEN_SPAN_TABLES
    /// <summary>
    /// Where a word shard's table is: from the shard directory, which finds a shard's addresses on its first lookup
    /// and writes the table's last, so that a caller that read it non-zero may read the shard's other entries; for an
    /// index of one shard, through its address as the directory would have it (fewer methods for a first lookup).
    /// </summary>
    private static global::System.IntPtr WordTableAddress(int shard)
    {
#if CORPUSGEN_WORD_SHARDS
        global::System.IntPtr address = global::System.Threading.Volatile.Read(ref DirectoryEntry(CorpusIndex.WordShards.Addresses, shard * CorpusIndex.WordShards.Stride));
        return address != global::System.IntPtr.Zero ? address : CorpusIndex.WordShards.Find(shard);
#else
        return CorpusIndex.TableAddress(CorpusIndex.WordTable0Data(), ref CorpusIndex.WordTable0Unpacked);
#endif
    }
#endif

    /// <summary>
    /// The bucket of a word in its shard's table. table[0] is the shard's bucket bits, and the bucket is taken from the
    /// hash after the shard's own top bits; negative when the generator found more words sharing a probe hash than a
    /// bucket should hold (long words alike at both ends), and the shard hashes every code unit instead, short words
    /// too: then <paramref name="hash"/> becomes that hash, whose top bits are the bucket.
    /// </summary>
#if CORPUSGEN_SPAN_TABLES
    private static int WordBucket(ref int table, ref ulong hash, CorpusText word)
#else
    private static int WordBucket(int[] table, ref ulong hash, CorpusText word)
#endif
    {
#if !CORPUSGEN_WORD_SHARDS
        // One shard: its table[0] is also a constant of the generated code, so the bucket does not wait on a read.
        int bits = CorpusIndex.WordTable0Header;
#elif CORPUSGEN_SPAN_TABLES
        int bits = table;
#else
        int bits = table[0];
#endif
        if (bits >= 0)
        {
            return 1 + (int)((hash << Tables.WordShardBits) >> (64 - bits));
        }

        hash = FullWordHash(word);
        return 1 + (int)(hash >> (64 + bits));
    }

#if !CORPUSGEN_SPAN_TABLES
    /// <summary>A word shard's table.</summary>
    private static int[] WordTable(int shard)
    {
#if CORPUSGEN_WORD_SHARDS
        return CorpusIndex.WordShards.Tables[shard];
#else
        return CorpusIndex.WordTable0;
#endif
    }
#endif

    /// <summary>The <paramref name="position"/>th posting of a word shard: a headline index.</summary>
    private static int Posting(int shard, int position)
    {
#if CORPUSGEN_SPAN_TABLES && CORPUSGEN_WORD_SHARDS
        // FindWord found the shard, but the indices may have come from another thread: find its entries, as it does.
        WordTableAddress(shard);
        ref int postings = ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(
            ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(), DirectoryEntry(CorpusIndex.WordShards.Addresses, (shard * CorpusIndex.WordShards.Stride) + CorpusIndex.WordShards.Stride - 1));
        return global::System.Runtime.CompilerServices.Unsafe.Add(ref postings, position);
#elif CORPUSGEN_SPAN_TABLES
        return global::System.Runtime.CompilerServices.Unsafe.Add(
            ref global::System.Runtime.CompilerServices.Unsafe.AddByteOffset(
                ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(), CorpusIndex.TableAddress(CorpusIndex.WordPostings0Data(), ref CorpusIndex.WordPostings0Unpacked)),
            position);
#elif CORPUSGEN_WORD_SHARDS
        return CorpusIndex.WordShards.Postings[shard][position];
#else
        return CorpusIndex.WordPostings0[position];
#endif
    }

    // The hashes below are computed by the generator on the same UTF-16 code units; CorpusGen's tests keep the two in step.
    private const ulong HashMultiplier1 = 0x9E3779B97F4A7C15UL;
    private const ulong HashMultiplier2 = 0xBF58476D1CE4E5B9UL;

    /// <summary>Length, four code units at a probe offset chosen at compile time, and the last four.</summary>
    private static ulong ProbeHash(CorpusText text, int probe)
    {
        int length = text.Length;
        ulong first, last;
        if (length >= 4)
        {
            first = Read4(text, probe < length - 4 ? probe : length - 4);
            last = Read4(text, length - 4);
        }
        else
        {
            // In a method of its own, so that this one has no loop: the JIT instruments a method with a loop on its
            // first compilation, which a first lookup waits for.
            first = Units(text, 0);
            last = first;
        }

        return Finish(first, last, length);
    }

    /// <summary>The code units of a text from <paramref name="from"/> on, fewer than four, packed as Read4 packs four.</summary>
    private static ulong Units(CorpusText text, int from)
    {
        ulong units = 0;
        for (int i = from, shift = 0; i < text.Length; i++, shift += 16)
        {
            units |= (ulong)text[i] << shift;
        }

        return units;
    }

    /// <summary>Every code unit: for corpora whose headlines the probe hash cannot tell apart.</summary>
    private static ulong FullHash(CorpusText text)
    {
        int length = text.Length;
        ulong hash = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4)
        {
            hash = unchecked((hash ^ Read4(text, i)) * HashMultiplier1);
        }

        return Finish(hash, Units(text, i), length);
    }

    /// <summary>The sum of every four code units (the last four overlapping), mixed, never 0: turns away near misses without reading the key.</summary>
    private static int Fingerprint(CorpusText text)
    {
        int length = text.Length;
        ulong sum = (ulong)(uint)length;
        if (length >= 4)
        {
            // Two sums, so that the additions do not wait on each other.
            ulong other = 0;
            int i = 0;
#if CORPUSGEN_UTF8 && CORPUSGEN_ASCII
            if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated && global::System.BitConverter.IsLittleEndian && length >= 16)
            {
                // The same words as the loop below, sixteen code units a round: the two vectors' lanes sum the words
                // at i, i + 4, i + 8 and i + 12, and the order of the additions does not change the sum. About 1.5 ns
                // less per near miss on 50,000 headlines. Two Vector128s, not one Vector256: the first call of a
                // process costs about 0.3 ms more this way, and about 0.6 ms with Vector256 (docs/benchmarks.md).
                ref ulong words = ref global::System.Runtime.CompilerServices.Unsafe.As<char, ulong>(
                    ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(text));
                global::System.Runtime.Intrinsics.Vector128<ulong> lanes = global::System.Runtime.Intrinsics.Vector128<ulong>.Zero;
                global::System.Runtime.Intrinsics.Vector128<ulong> more = lanes;
                for (; i + 16 <= length; i += 16)
                {
                    lanes += global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref words, (nuint)(i >> 2));
                    more += global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref words, (nuint)(i >> 2) + 2);
                }

                other = global::System.Runtime.Intrinsics.Vector128.Sum(lanes + more);
            }
#endif
            for (; i + 8 <= length; i += 8)
            {
                sum += Read4(text, i);
                other += Read4(text, i + 4);
            }

            if (i + 4 <= length)
            {
                sum += Read4(text, i);
                i += 4;
            }

            if (i < length)
            {
                sum += Read4(text, length - 4);
            }

            sum += other;
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                sum += (ulong)text[i] << (16 * i);
            }
        }

        return (int)(unchecked(sum * HashMultiplier2) >> 32) | 1;
    }

    /// <summary>The probe hash over case-folded code units, so that words equal under OrdinalIgnoreCase hash equal.</summary>
    private static ulong WordHash(CorpusText word)
    {
        int length = word.Length;
        ulong first, last;
        if (length >= 4)
        {
            first = Fold4(Read4(word, 0));
            last = Fold4(Read4(word, length - 4));
        }
        else
        {
            // Apart, as in ProbeHash: no loop here, so no instrumented first compilation.
            first = FoldedUnits(word, 0);
            last = first;
        }

        return Finish(first, last, length);
    }

    /// <summary>Units, case-folded.</summary>
    private static ulong FoldedUnits(CorpusText word, int from)
    {
        ulong units = 0;
        for (int i = from, shift = 0; i < word.Length; i++, shift += 16)
        {
            units |= (ulong)FoldChar(word[i]) << shift;
        }

        return units;
    }

    /// <summary>Every code unit, case-folded: for the word shards whose words the probe hash cannot tell apart.</summary>
    private static ulong FullWordHash(CorpusText word)
    {
        int length = word.Length;
        ulong hash = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4)
        {
            hash = unchecked((hash ^ Fold4(Read4(word, i))) * HashMultiplier1);
        }

        return Finish(hash, FoldedUnits(word, i), length);
    }

    private static ulong Finish(ulong first, ulong last, int length)
    {
        return unchecked(((first * HashMultiplier1) ^ (last + (ulong)(uint)length)) * HashMultiplier2);
    }

    private static ulong Fold4(ulong units)
    {
        if ((units & 0xFF80FF80FF80FF80UL) == 0)
        {
            return units | 0x0020002000200020UL;
        }

        return FoldChar((char)units)
            | (ulong)FoldChar((char)(units >> 16)) << 16
            | (ulong)FoldChar((char)(units >> 32)) << 32
            | (ulong)FoldChar((char)(units >> 48)) << 48;
    }

    /// <summary>
    /// Marks the length cell of a word row that holds its word itself: a word of 1 to <see cref="MaxShortWord"/> ASCII
    /// code units is stored as its <see cref="PackWord"/> value in the row's two key cells, and has no key to read.
    /// </summary>
    private const int InlineWord = 0x40000000;

    /// <summary>The longest word that <see cref="PackWord"/> packs.</summary>
    private const int MaxShortWord = 8;

    /// <summary>
    /// A word of 1 to <see cref="MaxShortWord"/> ASCII code units packed as the generator packs it (CorpusHash.PackShort, which also lower-cases):
    /// from four code units on, the first four in the even bytes and the last four in the odd ones, one byte each; below
    /// four, the first, middle and last code units in the three low bytes. With the length the value tells the word, and
    /// lower-cased (Lower8) it tells it ignoring case. ulong.MaxValue for a word with a code unit outside ASCII,
    /// which no stored short word equals under OrdinalIgnoreCase. No loop and one branch on the length: lookups of words
    /// drawn from running text see every length from 1 to 8.
    /// </summary>
    private static ulong PackWord(CorpusText word)
    {
        int length = word.Length;
        ulong packed;
        if (length >= 4)
        {
            ulong first = Read4(word, 0);
            ulong last = Read4(word, length - 4);
            if (((first | last) & 0xFF80FF80FF80FF80UL) != 0)
            {
                return ulong.MaxValue;
            }

            packed = first | (last << 8);
        }
        else
        {
            uint first = word[0];
            uint middle = word[length >> 1];
            uint last = word[length - 1];
            if (((first | middle | last) & 0xFF80U) != 0)
            {
                return ulong.MaxValue;
            }

            packed = first | (middle << 8) | (last << 16);
        }

        return packed;
    }

    /// <summary>
    /// The hash of a short word, from its code units packed as read (PackWord, not lower-cased): bit 5 of every byte
    /// set, the length xored in above bit 7, times one multiplier (CorpusHash.ShortWord in the generator). Not waiting
    /// on Lower8, it finds the filter bit and the bucket while the lower-cased value is made for the comparison.
    /// </summary>
    private static ulong ShortWordHash(ulong packed, int length)
    {
        return unchecked(((packed | 0x2020202020202020UL) ^ ((ulong)(uint)length << 7)) * HashMultiplier1);
    }

    /// <summary>Eight ASCII bytes, 'A' to 'Z' lower-cased and every other kept: bit 7 of a lane is set after adding 0x3F when the byte is at least 'A', after adding 0x25 when it is past 'Z'.</summary>
    private static ulong Lower8(ulong bytes)
    {
        ulong atLeastA = bytes + 0x3F3F3F3F3F3F3F3FUL;
        ulong pastZ = bytes + 0x2525252525252525UL;
        return bytes | ((atLeastA & ~pastZ & 0x8080808080808080UL) >> 2);
    }

    /// <summary>Two cells of a row read as one value, the first in the low half.</summary>
    private static ulong Cells(int low, int high)
    {
        return (ulong)(uint)low | ((ulong)(uint)high << 32);
    }

    // No character outside ASCII equals an ASCII one under OrdinalIgnoreCase, so ASCII folds on its own; the rest
    // fold by the table the generator hashed the corpus's words with (CasePages, CaseData), not by this machine's
    // casing data, which can differ from the build machine's.
    private static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return (char)(c | 0x20);
        }

        int page = CasePages[c >> 8];
        return page == 0 ? c : CaseData[((page - 1) << 8) | (c & 0xFF)];
    }

#if CORPUSGEN_SPANS
    private static ulong Read4(global::System.ReadOnlySpan<char> text, int index)
    {
        if (global::System.BitConverter.IsLittleEndian)
        {
#if CORPUSGEN_SPAN_TABLES
            // The callers keep index + 4 within the text.
            return global::System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(
                ref global::System.Runtime.CompilerServices.Unsafe.As<char, byte>(
                    ref global::System.Runtime.CompilerServices.Unsafe.Add(
                        ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(text), index)));
#else
            return global::System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(
                global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.Slice(index, 4)));
#endif
        }

        return text[index] | (ulong)text[index + 1] << 16 | (ulong)text[index + 2] << 32 | (ulong)text[index + 3] << 48;
    }
#else
    private static ulong Read4(string text, int index)
    {
        return text[index] | (ulong)text[index + 1] << 16 | (ulong)text[index + 2] << 32 | (ulong)text[index + 3] << 48;
    }
#endif

#if CORPUSGEN_UTF8
    /// <summary>
    /// Whether a headline key equals the query, which is as long as the key in code units. An ASCII key has as many bytes;
    /// one beyond ASCII has its offset complemented, into the shard's string of such keys or else into the UTF-8 keys.
    /// </summary>
    private static bool KeyEquals(global::System.ReadOnlySpan<char> text, ref byte keys, int offset, int shard)
    {
        if (offset >= 0)
        {
#if CORPUSGEN_ASCII
            if (text.Length < 16)
            {
                return ShortAsciiEquals(text, ref global::System.Runtime.CompilerServices.Unsafe.Add(ref keys, offset));
            }

            return global::System.Text.Ascii.Equals(
                global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref keys, offset), text.Length),
                text);
#else
            for (int i = 0; i < text.Length; i++)
            {
                if (global::System.Runtime.CompilerServices.Unsafe.Add(ref keys, offset + i) != text[i])
                {
                    return false;
                }
            }

            return true;
#endif
        }

#if CORPUSGEN_WIDE_HEADLINE_KEYS
        return global::System.MemoryExtensions.SequenceEqual(text, global::System.MemoryExtensions.AsSpan(WideKeys(shard), ~offset, text.Length));
#else
        return PlaneEquals(text, ref global::System.Runtime.CompilerServices.Unsafe.Add(ref keys, ~offset));
#endif
    }

#if CORPUSGEN_ASCII
    /// <summary>
    /// KeyEquals for an ASCII key of fewer than 16 code units: two windows of 8 (or of 4) widened bytes against as many
    /// code units, one from each end, overlapping in the middle, as string equality compares short text; below four,
    /// unit by unit. For short keys, Ascii.Equals's own checks and loop took about a third of a lookup's time.
    /// </summary>
    private static bool ShortAsciiEquals(global::System.ReadOnlySpan<char> text, ref byte key)
    {
        ref ushort units = ref global::System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(text));
        int length = text.Length;
        if (length >= 8)
        {
            return Widen8(ref key, 0) == global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref units)
                && Widen8(ref key, length - 8) == global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref units, (nuint)(length - 8));
        }

        if (length >= 4)
        {
            return Widen4(ref key, 0) == Read4(text, 0) && Widen4(ref key, length - 4) == Read4(text, length - 4);
        }

        for (int i = 0; i < length; i++)
        {
            if (global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i) != global::System.Runtime.CompilerServices.Unsafe.Add(ref units, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Four bytes from <paramref name="at"/>, each widened to a code unit, packed as Read4 packs four code units.</summary>
    private static ulong Widen4(ref byte bytes, int at)
    {
        ref byte first = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, at);
        if (global::System.BitConverter.IsLittleEndian)
        {
            // Each byte moved to the low byte of its own 16 bits: halves apart first, then bytes.
            ulong packed = global::System.Runtime.CompilerServices.Unsafe.ReadUnaligned<uint>(ref first);
            packed = (packed | (packed << 16)) & 0x0000FFFF0000FFFFUL;
            return (packed | (packed << 8)) & 0x00FF00FF00FF00FFUL;
        }

        return first | (ulong)global::System.Runtime.CompilerServices.Unsafe.Add(ref first, 1) << 16
            | (ulong)global::System.Runtime.CompilerServices.Unsafe.Add(ref first, 2) << 32 | (ulong)global::System.Runtime.CompilerServices.Unsafe.Add(ref first, 3) << 48;
    }
#endif

#if CORPUSGEN_WIDE_HEADLINE_KEYS
    /// <summary>
    /// The headline keys of a shard that are not ASCII, one after another. From the shard directory, whose Find wrote
    /// them before the table's address that the caller read.
    /// </summary>
    private static string WideKeys(int shard)
    {
#if CORPUSGEN_HEADLINE_SHARDS
        return CorpusIndex.HeadlineShards.WideKeys[shard];
#else
        return CorpusIndex.HeadlineWideKeys0;
#endif
    }
#endif

    /// <summary>
    /// Whether a headline key beyond ASCII, stored in three planes as long as the query (ShardBuilder.AppendPlanes: each
    /// code unit's low six bits, then its next four, then its top six, each plus 0x3F), equals it. Sixteen code units at
    /// a time, the last window ending at the query's end, each turned into its three bytes by
    /// shifts and masks and compared with the planes: no decoding, and no position that waits on what the key holds.
    /// Until session 29 such keys were UTF-8, decoded as compared, and a hit on 50,000 headlines beyond ASCII took about
    /// twice as long as FrozenDictionary's (docs/benchmarks.md).
    /// </summary>
    private static bool PlaneEquals(global::System.ReadOnlySpan<char> text, ref byte key)
    {
        ref ushort units = ref global::System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(text));
        int length = text.Length;
        ref byte middle = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref key, length);
        ref byte high = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref key, 2 * length);
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated && length >= 16)
        {
            global::System.Runtime.Intrinsics.Vector128<ushort> lowBits = global::System.Runtime.Intrinsics.Vector128.Create((ushort)0x3F);
            global::System.Runtime.Intrinsics.Vector128<ushort> middleBits = global::System.Runtime.Intrinsics.Vector128.Create((ushort)0x0F);
            global::System.Runtime.Intrinsics.Vector128<ushort> plane = global::System.Runtime.Intrinsics.Vector128.Create((ushort)0x3F);
            int last = length - 16;
            for (int j = 0; ; j = j + 16 < last ? j + 16 : last)
            {
                global::System.Runtime.Intrinsics.Vector128<ushort> first = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref units, (nuint)j);
                global::System.Runtime.Intrinsics.Vector128<ushort> second = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref units, (nuint)(j + 8));
                global::System.Runtime.Intrinsics.Vector128<byte> differ =
                    (global::System.Runtime.Intrinsics.Vector128.Narrow((first & lowBits) + plane, (second & lowBits) + plane)
                        ^ global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref key, (nuint)j))
                    | (global::System.Runtime.Intrinsics.Vector128.Narrow(((first >> 6) & middleBits) + plane, ((second >> 6) & middleBits) + plane)
                        ^ global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref middle, (nuint)j))
                    | (global::System.Runtime.Intrinsics.Vector128.Narrow((first >> 10) + plane, (second >> 10) + plane)
                        ^ global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref high, (nuint)j));
                if (differ != global::System.Runtime.Intrinsics.Vector128<byte>.Zero)
                {
                    return false;
                }

                if (j == last)
                {
                    return true;
                }
            }
        }

        for (int j = 0; j < length; j++)
        {
            int unit = global::System.Runtime.CompilerServices.Unsafe.Add(ref units, j);
            if (global::System.Runtime.CompilerServices.Unsafe.Add(ref key, j) != (unit & 0x3F) + 0x3F
                || global::System.Runtime.CompilerServices.Unsafe.Add(ref middle, j) != ((unit >> 6) & 0x0F) + 0x3F
                || global::System.Runtime.CompilerServices.Unsafe.Add(ref high, j) != (unit >> 10) + 0x3F)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Eight bytes from <paramref name="at"/>, each widened to a code unit.</summary>
    private static global::System.Runtime.Intrinsics.Vector128<ushort> Widen8(ref byte bytes, int at)
    {
        return global::System.Runtime.Intrinsics.Vector128.WidenLower(global::System.Runtime.Intrinsics.Vector128.AsByte(
            global::System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(
                global::System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, at)))));
    }

    private static bool KeyEqualsIgnoreCase(global::System.ReadOnlySpan<char> word, ref byte keys, int offset, int stored)
    {
        ref byte key = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref keys, offset);
        if (stored == word.Length)
        {
            // An ASCII key: no character outside ASCII equals an ASCII one under OrdinalIgnoreCase.
#if CORPUSGEN_ASCII
            return global::System.Text.Ascii.EqualsIgnoreCase(global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref key, stored), word);
#else
            for (int i = 0; i < stored; i++)
            {
                if (!AsciiEqualsIgnoreCase(global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i), word[i]))
                {
                    return false;
                }
            }

            return true;
#endif
        }

        return Utf8EqualsIgnoreCase(word, ref key, stored);
    }

    /// <summary>
    /// Whether a word key beyond ASCII (<paramref name="stored"/> bytes of UTF-8, which the generator wrote and so is
    /// valid) equals the query under OrdinalIgnoreCase: decoded as it is compared, one character at a time, ASCII by
    /// AsciiEqualsIgnoreCase and the rest by the case table. Words are short, so this beats transcoding the key into a
    /// buffer first (Utf8.ToUtf16, until session 29), whose call and checks were most of a lookup's time on words beyond
    /// ASCII (docs/benchmarks.md).
    /// </summary>
    private static bool Utf8EqualsIgnoreCase(global::System.ReadOnlySpan<char> word, ref byte key, int stored)
    {
        int j = 0;
        for (int i = 0; i < stored; j++)
        {
            if (j == word.Length)
            {
                return false;
            }

            char query = word[j];
            int lead = global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i);
            int unit;
            if (lead < 0x80)
            {
                if (!AsciiEqualsIgnoreCase((byte)lead, query))
                {
                    return false;
                }

                i++;
                continue;
            }
            else if (lead < 0xE0)
            {
                unit = ((lead & 0x1F) << 6) | (global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i + 1) & 0x3F);
                i += 2;
            }
            else if (lead < 0xF0)
            {
                unit = ((lead & 0x0F) << 12) | ((global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i + 1) & 0x3F) << 6)
                    | (global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i + 2) & 0x3F);
                i += 3;
            }
            else
            {
                // Past U+FFFF: two code units, which have no case (FoldChar leaves surrogates as they are).
                int point = ((lead & 0x07) << 18) | ((global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i + 1) & 0x3F) << 12)
                    | ((global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i + 2) & 0x3F) << 6) | (global::System.Runtime.CompilerServices.Unsafe.Add(ref key, i + 3) & 0x3F);
                i += 4;
                if (query != 0xD7C0 + (point >> 10) || ++j == word.Length || word[j] != (0xDC00 | (point & 0x3FF)))
                {
                    return false;
                }

                continue;
            }

            // No character outside ASCII equals an ASCII one under OrdinalIgnoreCase.
            if (query != unit && (query < 0x80 || FoldChar(query) != FoldChar((char)unit)))
            {
                return false;
            }
        }

        return j == word.Length;
    }

    private static string Decode(int blob, int offset, int length)
    {
        return global::System.Text.Encoding.UTF8.GetString(Blob(blob).Slice(offset, length));
    }
#else
    private static bool KeyEquals(CorpusText text, string keys, int offset)
    {
#if CORPUSGEN_SPANS
        return global::System.MemoryExtensions.SequenceEqual(text, global::System.MemoryExtensions.AsSpan(keys, offset, text.Length));
#else
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != keys[offset + i])
            {
                return false;
            }
        }

        return true;
#endif
    }

    private static bool KeyEqualsIgnoreCase(CorpusText word, string keys, int offset, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (!CharEqualsIgnoreCase(keys[offset + i], word[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Decode(int blob, int offset, int length)
    {
        return Blob(blob).Substring(offset, length);
    }
#endif

    /// <summary>
    /// Whether a stored code unit and a query's are equal under OrdinalIgnoreCase: ASCII exactly (FoldChar folds it as
    /// the hashes do, by setting bit 5, which also takes U+0010 to '0'; no character outside ASCII equals an ASCII
    /// one), the rest by the case table.
    /// </summary>
    private static bool CharEqualsIgnoreCase(char stored, char query)
    {
        if (stored == query)
        {
            return true;
        }

        if (stored < 0x80 || query < 0x80)
        {
            return stored < 0x80 && AsciiEqualsIgnoreCase((byte)stored, query);
        }

        return FoldChar(stored) == FoldChar(query);
    }

    private static bool AsciiEqualsIgnoreCase(byte stored, char query)
    {
        if (stored == query)
        {
            return true;
        }

        int folded = stored | 0x20;
        return query < 0x80 && folded == (query | 0x20) && folded >= 'a' && folded <= 'z';
    }

    /// <summary>The headline at a corpus-wide index, decoded once and then cached.</summary>
    private static string HeadlineAt(int index)
    {
        string/*?*/ text = global::System.Threading.Volatile.Read(ref Cache.HeadlineText[index]);
        if (text != null)
        {
            return text;
        }

        // Binary search for the document that holds the headline: first decode only.
        int low = 0, high = Tables.DocumentCount - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (Tables.DocumentHeadlineStart[middle] <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        text = DocumentAt(low).Value(1 + index - Tables.DocumentHeadlineStart[low]);
        global::System.Threading.Interlocked.CompareExchange(ref Cache.HeadlineText[index], text, null);
        return text;
    }

    private static Document DocumentAt(int index)
    {
        Document/*?*/ document = global::System.Threading.Volatile.Read(ref Cache.DocumentObjects[index]);
        if (document == null)
        {
            global::System.Threading.Interlocked.CompareExchange(ref Cache.DocumentObjects[index], new Document(index), null);
            document = Cache.DocumentObjects[index]/*!*/;
        }

        return document;
    }

    /// <summary>Lazily created run-time state; nothing here is touched until first use.</summary>
    private static class Cache
    {
        internal static readonly string/*?*/[] HeadlineText = new string/*?*/[Tables.HeadlineCount];
        internal static readonly Document/*?*/[] DocumentObjects = new Document/*?*/[Tables.DocumentCount];
        internal static readonly TextList Headlines = new TextList(null, 0, Tables.HeadlineCount);
        internal static readonly DocumentList Documents = new DocumentList();
        internal static readonly ArticleList Articles = new ArticleList();
    }

    /// <summary>A read-only list: indexer, <c>Count</c>, allocation-free <c>foreach</c>, and LINQ through <see cref="global::System.Collections.Generic.IReadOnlyList{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    public abstract class ReadOnlyList<T> : global::System.Collections.Generic.IReadOnlyList<T>, global::System.Collections.Generic.IList<T>
    {
        internal ReadOnlyList()
        {
        }

        /// <summary>Gets the number of elements.</summary>
        public abstract int Count { get; }

        /// <summary>Gets the element at <paramref name="index"/>.</summary>
        /// <param name="index">A zero-based index.</param>
        /// <returns>The element.</returns>
        /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new global::System.ArgumentOutOfRangeException("index");
                }

                return GetItem(index);
            }
        }

        T global::System.Collections.Generic.IList<T>.this[int index]
        {
            get { return this[index]; }
            set { throw ReadOnly(); }
        }

        bool global::System.Collections.Generic.ICollection<T>.IsReadOnly
        {
            get { return true; }
        }

        /// <summary>Returns an enumerator that walks the list without allocating.</summary>
        /// <returns>The enumerator.</returns>
        public Enumerator GetEnumerator()
        {
            return new Enumerator(this);
        }

        /// <summary>Returns the index of the first element equal to <paramref name="item"/>, or -1.</summary>
        /// <param name="item">The element to look for.</param>
        /// <returns>Its index, or -1.</returns>
        public virtual int IndexOf(T item)
        {
            global::System.Collections.Generic.EqualityComparer<T> comparer = global::System.Collections.Generic.EqualityComparer<T>.Default;
            for (int i = 0; i < Count; i++)
            {
                if (comparer.Equals(GetItem(i), item))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Returns whether the list holds an element equal to <paramref name="item"/>.</summary>
        /// <param name="item">The element to look for.</param>
        /// <returns>True when it is in the list.</returns>
        public bool Contains(T item)
        {
            return IndexOf(item) >= 0;
        }

        /// <summary>Copies the elements to <paramref name="array"/>, starting at <paramref name="arrayIndex"/>.</summary>
        /// <param name="array">The destination.</param>
        /// <param name="arrayIndex">Where in <paramref name="array"/> to start.</param>
        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null)
            {
                throw new global::System.ArgumentNullException("array");
            }

            if (arrayIndex < 0 || arrayIndex > array.Length - Count)
            {
                throw new global::System.ArgumentOutOfRangeException("arrayIndex");
            }

            for (int i = 0; i < Count; i++)
            {
                array[arrayIndex + i] = GetItem(i);
            }
        }

        internal abstract T GetItem(int index);

        void global::System.Collections.Generic.IList<T>.Insert(int index, T item)
        {
            throw ReadOnly();
        }

        void global::System.Collections.Generic.IList<T>.RemoveAt(int index)
        {
            throw ReadOnly();
        }

        void global::System.Collections.Generic.ICollection<T>.Add(T item)
        {
            throw ReadOnly();
        }

        void global::System.Collections.Generic.ICollection<T>.Clear()
        {
            throw ReadOnly();
        }

        bool global::System.Collections.Generic.ICollection<T>.Remove(T item)
        {
            throw ReadOnly();
        }

        global::System.Collections.Generic.IEnumerator<T> global::System.Collections.Generic.IEnumerable<T>.GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return GetItem(i);
            }
        }

        global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator()
        {
            return ((global::System.Collections.Generic.IEnumerable<T>)this).GetEnumerator();
        }

        private static global::System.NotSupportedException ReadOnly()
        {
            return new global::System.NotSupportedException("The corpus is read-only.");
        }

        /// <summary>Walks a <see cref="ReadOnlyList{T}"/> without allocating.</summary>
        public struct Enumerator
        {
            private readonly ReadOnlyList<T> _list;
            private int _index;

            internal Enumerator(ReadOnlyList<T> list)
            {
                _list = list;
                _index = -1;
            }

            /// <summary>Gets the current element.</summary>
            public T Current
            {
                get { return _list.GetItem(_index); }
            }

            /// <summary>Moves to the next element.</summary>
            /// <returns>False when the list is done.</returns>
            public bool MoveNext()
            {
                return ++_index < _list.Count;
            }
        }
    }

    /// <summary>A read-only list of texts: headlines or paragraphs.</summary>
    public sealed class TextList : ReadOnlyList<string>
    {
        private readonly Document/*?*/ _document;
        private readonly int _first;
        private readonly int _count;

        internal TextList(Document/*?*/ document, int first, int count)
        {
            _document = document;
            _first = first;
            _count = count;
        }

        /// <inheritdoc/>
        public override int Count
        {
            get { return _count; }
        }

        /// <inheritdoc/>
        public override int IndexOf(string item)
        {
            if (item == null)
            {
                return -1;
            }

            return _document == null ? IndexOfHeadline(item) : base.IndexOf(item);
        }

        internal override string GetItem(int index)
        {
            return _document == null ? HeadlineAt(index) : _document.Value(_first + index);
        }
    }

    /// <summary>The corpus's documents.</summary>
    public sealed class DocumentList : ReadOnlyList<Document>
    {
        internal DocumentList()
        {
        }

        /// <inheritdoc/>
        public override int Count
        {
            get { return Tables.DocumentCount; }
        }

        internal override Document GetItem(int index)
        {
            return DocumentAt(index);
        }
    }

    /// <summary>The corpus's articles.</summary>
    public sealed class ArticleList : ReadOnlyList<Article>
    {
        internal ArticleList()
        {
        }

        /// <inheritdoc/>
        public override int Count
        {
            get { return Tables.ArticleDocument.Length; }
        }

        internal override Article GetItem(int index)
        {
            return DocumentAt(Tables.ArticleDocument[index]).Article/*!*/;
        }
    }

    /// <summary>An article's sections.</summary>
    public sealed class SectionList : ReadOnlyList<Section>
    {
        private readonly Section[] _sections;

        internal SectionList(Section[] sections)
        {
            _sections = sections;
        }

        /// <inheritdoc/>
        public override int Count
        {
            get { return _sections.Length; }
        }

        internal override Section GetItem(int index)
        {
            return _sections[index];
        }
    }

    /// <summary>The ascending, distinct indices of the headlines that contain a word. A value type: getting one allocates nothing.</summary>
    public struct HeadlineIndices : global::System.Collections.Generic.IReadOnlyList<int>
    {
        private readonly int _shard;
        private readonly int _start;
        private readonly int _count;

        internal HeadlineIndices(int shard, int start, int count)
        {
            _shard = shard;
            _start = start;
            _count = count;
        }

        /// <summary>Gets how many headlines contain the word.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Gets the <paramref name="index"/>th matching headline index.</summary>
        /// <param name="index">A zero-based position among the matches.</param>
        /// <returns>An index in <see cref="Headlines"/>.</returns>
        public int this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count)
                {
                    throw new global::System.ArgumentOutOfRangeException("index");
                }

                return Posting(_shard, _start + index);
            }
        }

        /// <summary>Returns an enumerator that walks the matches without allocating.</summary>
        /// <returns>The enumerator.</returns>
        public Enumerator GetEnumerator()
        {
            return new Enumerator(_shard, _start, _count);
        }

        global::System.Collections.Generic.IEnumerator<int> global::System.Collections.Generic.IEnumerable<int>.GetEnumerator()
        {
            for (int i = 0; i < _count; i++)
            {
                yield return Posting(_shard, _start + i);
            }
        }

        global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator()
        {
            return ((global::System.Collections.Generic.IEnumerable<int>)this).GetEnumerator();
        }

        /// <summary>Walks the matches without allocating.</summary>
        public struct Enumerator
        {
            private readonly int _shard;
            private readonly int _end;
            private int _position;

            internal Enumerator(int shard, int start, int count)
            {
                _shard = shard;
                _position = start - 1;
                _end = start + count;
            }

            /// <summary>Gets the current headline index.</summary>
            public int Current
            {
                get { return Posting(_shard, _position); }
            }

            /// <summary>Moves to the next match.</summary>
            /// <returns>False when there is none.</returns>
            public bool MoveNext()
            {
                return ++_position < _end;
            }
        }
    }

    /// <summary>One corpus file: its name, its headlines and its article.</summary>
    public sealed class Document
    {
        // Layout of the header at the start of a document's first blob (numbers in base 64, digits '0' + 0..63):
        // [digit width][header length][value count][headline count][has article][paragraph count][section count]
        // [has byline][blob count] then per section [heading value or 0][first paragraph][paragraph count],
        // per blob [first value], per blob [end of its last value], per value [start offset in its blob]. Past
        // HeaderPiece numbers it goes on in the next blobs, and the values start after it.
        private const int FixedFields = 8;

        // How many numbers of the header each blob holds when it does not fit the first: a power of two.
        private const int HeaderPiece = 16384;

        private readonly int _firstBlob;
        private readonly int[] _header;
        private readonly string/*?*/[] _values;
        private readonly TextList _headlines;
        private Article/*?*/ _article;

        internal Document(int index)
        {
            _firstBlob = Tables.DocumentFirstBlob[index];
            _header = ReadHeader(_firstBlob);
            _values = new string/*?*/[_header[1]];
            _headlines = new TextList(this, 1, _header[2]);
        }

        /// <summary>Gets the file's name, with its extension.</summary>
        public string FileName
        {
            get { return Value(0); }
        }

        /// <summary>Gets the document's headlines, in file order.</summary>
        public TextList Headlines
        {
            get { return _headlines; }
        }

        /// <summary>Gets the document's article, or null when the file has none.</summary>
        public Article/*?*/ Article
        {
            get
            {
                if (_header[3] == 0)
                {
                    return null;
                }

                Article/*?*/ article = global::System.Threading.Volatile.Read(ref _article);
                return article != null ? article : CreateArticle();
            }
        }

        // On first use, not with the document: reading a headline then JIT-compiles and runs none of the article's code.
        private Article CreateArticle()
        {
            var created = new Article(this, _header[2] + 1, _header[4], _header[5], _header[6] != 0);
            Article/*?*/ published = global::System.Threading.Interlocked.CompareExchange(ref _article, created, null);
            return published != null ? published : created;
        }

        /// <summary>Returns the file name.</summary>
        /// <returns>The file name.</returns>
        public override string ToString()
        {
            return FileName;
        }

        internal Section[] ReadSections(int paragraphValue)
        {
            int count = _header[5];
            Section[] sections = new Section[count];
            for (int i = 0; i < count; i++)
            {
                int at = FixedFields + 3 * i;
                string/*?*/ heading = _header[at] == 0 ? null : Value(_header[at]);
                sections[i] = new Section(heading, new TextList(this, paragraphValue + _header[at + 1], _header[at + 2]));
            }

            return sections;
        }

        internal string Value(int value)
        {
            string/*?*/ text = global::System.Threading.Volatile.Read(ref _values[value]);
            if (text != null)
            {
                return text;
            }

            int blobs = _header[7];
            int partsAt = FixedFields + 3 * _header[5];
            int endsAt = partsAt + blobs;
            int startsAt = endsAt + blobs;
            // The last blob whose first value is at most this one: a binary search, since a long file has hundreds.
            int part = 0;
            int high = blobs - 1;
            while (part < high)
            {
                int middle = (part + high + 1) >> 1;
                if (_header[partsAt + middle] <= value)
                {
                    part = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            int start = _header[startsAt + value];
            int end = value + 1 < _values.Length && (part + 1 >= blobs || _header[partsAt + part + 1] > value + 1)
                ? _header[startsAt + value + 1]
                : _header[endsAt + part];
            text = Decode(_firstBlob + part, start, end - start);
            global::System.Threading.Interlocked.CompareExchange(ref _values[value], text, null);
            return text;
        }

        private static int[] ReadHeader(int blob)
        {
            var data = Blob(blob);
            int width = data[0] - '0';
            int position = 1;
            int headerLength = ReadNumber(data, ref position, width);
            int[] header = new int[(headerLength - 1) / width];
            header[0] = headerLength;
            for (int i = 1; i < header.Length; i++)
            {
                if ((i & (HeaderPiece - 1)) == 0)
                {
                    // A long header goes on at the start of the next blob (DocumentLayoutBuilder.HeaderPieceNumbers).
                    data = Blob(++blob);
                    position = 0;
                }

                header[i] = ReadNumber(data, ref position, width);
            }

            return header;
        }

#if CORPUSGEN_UTF8
        private static int ReadNumber(global::System.ReadOnlySpan<byte> data, ref int position, int width)
#else
        private static int ReadNumber(string data, ref int position, int width)
#endif
        {
            int number = 0;
            for (int i = 0; i < width; i++)
            {
                number = (number << 6) | (data[position++] - '0');
            }

            return number;
        }
    }

    /// <summary>A document's article: title, paragraphs, sections and byline.</summary>
    public sealed class Article
    {
        private readonly Document _document;
        private readonly int _titleValue;
        private readonly int _bylineValue;
        private readonly TextList _paragraphs;
        private readonly SectionList _sections;

        internal Article(Document document, int titleValue, int paragraphCount, int sectionCount, bool hasByline)
        {
            _document = document;
            _titleValue = titleValue;
            _paragraphs = new TextList(document, titleValue + 1, paragraphCount);
            int headings = 0;
            Section[] sections = document.ReadSections(titleValue + 1);
            for (int i = 0; i < sections.Length; i++)
            {
                if (sections[i].Heading != null)
                {
                    headings++;
                }
            }

            _sections = new SectionList(sections);
            _bylineValue = hasByline ? titleValue + 1 + paragraphCount + headings : -1;
        }

        /// <summary>Gets the article's title.</summary>
        public string Title
        {
            get { return _document.Value(_titleValue); }
        }

        /// <summary>Gets every paragraph of the article, in file order, across all sections.</summary>
        public TextList Paragraphs
        {
            get { return _paragraphs; }
        }

        /// <summary>Gets the article's sections: the lead section (if it has a paragraph), then one per cross-head.</summary>
        public SectionList Sections
        {
            get { return _sections; }
        }

        /// <summary>Gets the byline (<c>author--desk</c>), or null when the article has none.</summary>
        public string/*?*/ Byline
        {
            get { return _bylineValue < 0 ? null : _document.Value(_bylineValue); }
        }

        /// <summary>Gets the byline's author: the part before its last <c>--</c>; null without a byline.</summary>
        public string/*?*/ Author
        {
            get { return _bylineValue < 0 ? null : _document.Value(_bylineValue + 1); }
        }

        /// <summary>Gets the byline's desk: the part after its last <c>--</c>; null without a byline.</summary>
        public string/*?*/ Desk
        {
            get { return _bylineValue < 0 ? null : _document.Value(_bylineValue + 2); }
        }

        /// <summary>Returns the title.</summary>
        /// <returns>The title.</returns>
        public override string ToString()
        {
            return Title;
        }
    }

    /// <summary>A section of an article: a cross-head (null for the lead section) and its paragraphs.</summary>
    public sealed class Section
    {
        private readonly string/*?*/ _heading;
        private readonly TextList _paragraphs;

        internal Section(string/*?*/ heading, TextList paragraphs)
        {
            _heading = heading;
            _paragraphs = paragraphs;
        }

        /// <summary>Gets the cross-head that opens the section, or null for the lead section.</summary>
        public string/*?*/ Heading
        {
            get { return _heading; }
        }

        /// <summary>Gets the section's paragraphs (possibly none).</summary>
        public TextList Paragraphs
        {
            get { return _paragraphs; }
        }
    }
// END

// The members of the index class (CorpusIndex), which holds the shards: emitted the same way.
// BEGIN INDEX
#if CORPUSGEN_SPAN_TABLES
    /// <summary>A big-endian machine's copy of a table's cells, pinned so that its address can be kept.</summary>
    internal static int[] Unpack(global::System.ReadOnlySpan<ulong> data, ref int[]/*?*/ unpacked)
    {
        int[] cells = global::System.GC.AllocateArray<int>(data.Length * 2, pinned: true);
        for (int i = 0; i < data.Length; i++)
        {
            cells[2 * i] = unchecked((int)data[i]);
            cells[(2 * i) + 1] = unchecked((int)(data[i] >> 32));
        }

        return global::System.Threading.Interlocked.CompareExchange(ref unpacked, cells, null) ?? cells;
    }

    /// <summary>
    /// Where an index table's cells are. The generator packs two cells into each ulong of static data, the first in the
    /// low half: the compiler's work on an initializer grows with its number of elements, and halving them takes
    /// seconds off a large corpus's build. On a little-endian machine the cells are that data, read in place; on a
    /// big-endian one each ulong holds its halves the other way round, so the table is unpacked once into a pinned
    /// array. Static data and that array do not move, so an address stays valid for the life of the process; the
    /// shard directories keep them, and the lookups of an index of one shard ask for it each time (inlined at Tier1:
    /// a test of the endianness the JIT knows, and the data's address).
    /// </summary>
    internal static global::System.IntPtr TableAddress(global::System.ReadOnlySpan<ulong> data, ref int[]/*?*/ unpacked)
    {
        if (global::System.BitConverter.IsLittleEndian)
        {
            return global::System.Runtime.CompilerServices.Unsafe.ByteOffset(
                ref global::System.Runtime.CompilerServices.Unsafe.NullRef<ulong>(),
                ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(data));
        }

        return global::System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref global::System.Runtime.CompilerServices.Unsafe.NullRef<int>(),
            ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(unpacked ?? Unpack(data, ref unpacked)));
    }

#if CORPUSGEN_UTF8 && (CORPUSGEN_HEADLINE_SHARDS || CORPUSGEN_WORD_SHARDS)
    /// <summary>Where a shard's keys are, for the shard directory; 0 for a shard without keys, whose rows read none.</summary>
    internal static global::System.IntPtr KeyAddress(global::System.ReadOnlySpan<byte> keys)
    {
        return global::System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref global::System.Runtime.CompilerServices.Unsafe.NullRef<byte>(),
            ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(keys));
    }
#endif
#endif
// END INDEX
