namespace CorpusGen.Indexing;

/// <summary>
/// The generator's copy of the hashes in Runtime/CorpusApi.cs: the index is built with these at compile time and
/// probed with those at run time, so the two must agree bit for bit (the round-trip tests check every key).
/// </summary>
internal static class CorpusHash
{
    private const ulong Multiplier1 = 0x9E3779B97F4A7C15UL;
    private const ulong Multiplier2 = 0xBF58476D1CE4E5B9UL;

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ulong Probe(string text, int start, int length, int probe)
    {
        ulong first, last;
        if (length >= 4)
        {
            first = Read4(text, start + (probe < length - 4 ? probe : length - 4));
            last = Read4(text, start + length - 4);
        }
        else
        {
            first = Units(text, start, start + length);
            last = first;
        }

        return Finish(first, last, length);
    }

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ulong Full(string text, int start, int length)
    {
        ulong hash = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4)
        {
            hash = unchecked((hash ^ Read4(text, start + i)) * Multiplier1);
        }

        return Finish(hash, Units(text, start + i, start + length), length);
    }

    /// <summary>
    /// A check on every code unit, cheaper than <see cref="Full"/>: the sum of the text's four-unit words (the last
    /// one overlapping when the length is not a multiple of four), mixed, never 0. Any one code unit changed changes
    /// the sum.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static int Fingerprint(string text, int start, int length)
    {
        ulong sum = (ulong)(uint)length;
        if (length >= 4)
        {
            int i = 0;
            for (; i + 4 <= length; i += 4)
            {
                sum += Read4(text, start + i);
            }

            if (i < length)
            {
                sum += Read4(text, start + length - 4);
            }
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                sum += (ulong)text[start + i] << (16 * i);
            }
        }

        return (int)(unchecked(sum * Multiplier2) >> 32) | 1;
    }

    /// <summary>
    /// The folded hash of a word: for a word of at most <see cref="MaxShortWord"/> ASCII code units, the mixed
    /// <see cref="PackShort"/> value (the runtime's <c>ShortWordHash</c>), so that a lookup of such a word reads its
    /// code units once, for the hash and the comparison both; for any other word, the probe hash over case-folded code
    /// units (the runtime's <c>WordHash</c>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ulong Word(string text, int start, int length)
    {
        if ((uint)(length - 1) < MaxShortWord)
        {
            ulong packed = Pack(text, start, length);
            if (packed != ulong.MaxValue)
            {
                return ShortWord(packed, length);
            }
        }

        ulong first, last;
        if (length >= 4)
        {
            first = Fold4(Read4(text, start));
            last = Fold4(Read4(text, start + length - 4));
        }
        else
        {
            first = FoldedUnits(text, start, start + length);
            last = first;
        }

        return Finish(first, last, length);
    }

    /// <summary>
    /// <see cref="Full"/> over case-folded code units, for words that <see cref="Word"/> cannot tell apart: the chains of
    /// <see cref="WordGroups"/> past eight code units, and word shards with many such words (the run-time
    /// <c>FullWordHash</c> computes the same).
    /// </summary>
    public static ulong FullWord(string text, int start, int length)
    {
        ulong hash = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4)
        {
            hash = unchecked((hash ^ Fold4(Read4(text, start + i))) * Multiplier1);
        }

        return Finish(hash, FoldedUnits(text, start + i, start + length), length);
    }

    /// <summary>The longest word that <see cref="PackShort"/> packs.</summary>
    public const int MaxShortWord = 8;

    /// <summary>
    /// A word of 1 to <see cref="MaxShortWord"/> ASCII code units packed as the runtime's <c>PackWord</c> packs a query:
    /// from four code units on, the first four in the even bytes and the last four (overlapping them below eight) in the
    /// odd ones; below four, the first, middle and last code units in the three low bytes; 'A' to 'Z' lower-cased. Null
    /// for any other word. Together with the length the value tells the word, and two such words of one length are
    /// equal under OrdinalIgnoreCase exactly when their values are (no character outside ASCII equals an ASCII one
    /// under it).
    /// </summary>
    public static ulong? PackShort(string text, int start, int length)
    {
        ulong packed = (uint)(length - 1) < MaxShortWord ? Pack(text, start, length) : ulong.MaxValue;
        return packed == ulong.MaxValue ? null : packed;
    }

    /// <summary>
    /// <see cref="PackShort"/> for a length of 1 to <see cref="MaxShortWord"/>, ulong.MaxValue for a word with a code
    /// unit outside ASCII: inlined into <see cref="Word"/>, which runs for every word of every headline.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(string text, int start, int length)
    {
        ulong packed;
        if (length >= 4)
        {
            ulong first = Read4(text, start);
            ulong last = Read4(text, start + length - 4);
            if (((first | last) & 0xFF80FF80FF80FF80UL) != 0)
            {
                return ulong.MaxValue;
            }

            packed = first | (last << 8);
        }
        else
        {
            uint first = text[start];
            uint middle = text[start + (length >> 1)];
            uint last = text[start + length - 1];
            if (((first | middle | last) & 0xFF80U) != 0)
            {
                return ulong.MaxValue;
            }

            packed = first | (middle << 8) | (last << 16);
        }

        // 'A' to 'Z' lower-cased in every byte at once: bit 7 of a byte is set after adding 0x3F when it is at least
        // 'A', after adding 0x25 when it is past 'Z' (no byte is above 0x7F, so no addition carries into the next).
        ulong atLeastA = packed + 0x3F3F3F3F3F3F3F3FUL;
        ulong pastZ = packed + 0x2525252525252525UL;
        return packed | ((atLeastA & ~pastZ & 0x8080808080808080UL) >> 2);
    }

    /// <summary>
    /// The hash of a short word: its <see cref="PackShort"/> value with bit 5 of every byte set, the length xored in
    /// above bit 7, times the golden-ratio multiplier (Fibonacci hashing: the top bits, which pick the filter bit and
    /// the bucket, depend on every bit below). Setting bit 5 rather than lower-casing 'A' to 'Z' only lets a letter's
    /// hash meet that of a character 0x20 below it ('a' and 'A' alike meet '@'), and lets a lookup hash the code units
    /// as read while it lower-cases them for the comparison beside; with the one multiplication the lookup knows the
    /// filter bit and the bucket a few cycles sooner, which is most of the time of a miss.
    /// </summary>
    public static ulong ShortWord(ulong packed, int length) =>
        unchecked(((packed | 0x2020202020202020UL) ^ ((ulong)(uint)length << 7)) * Multiplier1);

    /// <summary>The bucket of a hash in a table of 2^<paramref name="bits"/> buckets: its top bits.</summary>
    public static int Bucket(ulong hash, int bits) => (int)(hash >> (64 - bits));

    private static ulong Finish(ulong first, ulong last, int length) =>
        unchecked(((first * Multiplier1) ^ (last + (ulong)(uint)length)) * Multiplier2);

    /// <summary>The fewer than four code units of text[from, end), packed as <see cref="Read4"/> packs four.</summary>
    private static ulong Units(string text, int from, int end)
    {
        ulong units = 0;
        for (int i = from, shift = 0; i < end; i++, shift += 16)
        {
            units |= (ulong)text[i] << shift;
        }

        return units;
    }

    /// <summary><see cref="Units"/>, case-folded.</summary>
    private static ulong FoldedUnits(string text, int from, int end)
    {
        ulong units = 0;
        for (int i = from, shift = 0; i < end; i++, shift += 16)
        {
            units |= (ulong)FoldChar(text[i]) << shift;
        }

        return units;
    }

    private static ulong Read4(string text, int index) =>
        text[index] | (ulong)text[index + 1] << 16 | (ulong)text[index + 2] << 32 | (ulong)text[index + 3] << 48;

    private static ulong Fold4(ulong units) =>
        (units & 0xFF80FF80FF80FF80UL) == 0
            ? units | 0x0020002000200020UL
            : FoldChar((char)units)
              | (ulong)FoldChar((char)(units >> 16)) << 16
              | (ulong)FoldChar((char)(units >> 32)) << 32
              | (ulong)FoldChar((char)(units >> 48)) << 48;

    private static char FoldChar(char c) => CaseTable.Fold(c);
}
