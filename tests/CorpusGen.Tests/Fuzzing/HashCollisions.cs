using System;
using System.Collections.Generic;
using CorpusGen.Indexing;

namespace CorpusGen.Tests.Fuzzing;

/// <summary>
/// Distinct texts made to have equal index hashes, by solving the hash for one four-code-unit block. The blocks are
/// CJK ideographs (letters without case), so the texts are ordinary headlines and words. Each set is checked
/// against <see cref="CorpusHash"/>, so a change of hash that breaks the construction fails loudly.
/// </summary>
internal static class HashCollisions
{
    private const ulong Multiplier1 = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// Headlines of 52 code units with the same first 40 and last 4: every probe window sees the same text, and the
    /// blocks at 40 and 44 are solved so that the full hash is equal too.
    /// </summary>
    public static List<string> Headlines(int count)
    {
        string prefix = "Headline " + new string('A', 31);
        const string Suffix = " end";
        ulong state = 0;
        for (int i = 0; i < prefix.Length; i += 4)
        {
            state = unchecked((state ^ Block(prefix, i)) * Multiplier1);
        }

        // Full hash after the two solved blocks: ((state ^ x) * M1) ^ y, the same for every text.
        ulong x0 = Block("一二三四", 0), y0 = Block("五六七八", 0);
        ulong target = unchecked((state ^ x0) * Multiplier1) ^ y0;
        var texts = Solve(count, x => unchecked((state ^ x) * Multiplier1) ^ target, (x, y) => prefix + Text(x) + Text(y) + Suffix);

        foreach (string text in texts)
        {
            for (int probe = 0; probe <= 32; probe += 4)
            {
                Check(CorpusHash.Probe(text, 0, text.Length, probe) == CorpusHash.Probe(texts[0], 0, texts[0].Length, probe), "probe hash");
            }

            Check(CorpusHash.Full(text, 0, text.Length) == CorpusHash.Full(texts[0], 0, texts[0].Length), "full hash");
        }

        return texts;
    }

    /// <summary>Words of 12 CJK ideographs with the same last four, the middle block solved so that the word hash is equal.</summary>
    public static List<string> Words(int count)
    {
        // The word hash folds the middle block into the first: first * M1 ^ middle (a CJK ideograph folds to itself).
        ulong target = unchecked(Block("甲乙丙丁", 0) * Multiplier1) ^ Block("戊己庚辛", 0);
        var words = Solve(count, x => unchecked(x * Multiplier1) ^ target, (x, y) => Text(x) + Text(y) + "壬癸子丑");
        foreach (string word in words)
        {
            Check(CorpusHash.Word(word, 0, word.Length) == CorpusHash.Word(words[0], 0, words[0].Length), "word hash");
        }

        return words;
    }

    /// <summary>Tries first blocks of CJK ideographs until <paramref name="count"/> of them give a second block that is CJK too.</summary>
    private static List<string> Solve(int count, Func<ulong, ulong> second, Func<ulong, ulong, string> text)
    {
        var texts = new List<string>();
        var random = new Random(count);
        for (int attempt = 0; texts.Count < count && attempt < 1_000_000; attempt++)
        {
            ulong x = 0;
            for (int lane = 0; lane < 4; lane++)
            {
                x |= (ulong)random.Next(0x4E00, 0xA000) << (16 * lane);
            }

            ulong y = second(x);
            if (IsIdeographs(y) && !texts.Contains(text(x, y)))
            {
                texts.Add(text(x, y));
            }
        }

        Check(texts.Count == count, "enough solutions");
        return texts;
    }

    private static bool IsIdeographs(ulong block)
    {
        for (int lane = 0; lane < 4; lane++)
        {
            ulong unit = (block >> (16 * lane)) & 0xFFFF;
            if (unit < 0x4E00 || unit >= 0xA000)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong Block(string text, int index) =>
        text[index] | (ulong)text[index + 1] << 16 | (ulong)text[index + 2] << 32 | (ulong)text[index + 3] << 48;

    private static string Text(ulong block) =>
        new string(new[] { (char)block, (char)(block >> 16), (char)(block >> 32), (char)(block >> 48) });

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The crafted texts no longer collide: " + what + ". Has the index hash changed?");
        }
    }
}
