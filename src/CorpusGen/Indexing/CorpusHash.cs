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

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ulong Word(string text, int start, int length)
    {
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
