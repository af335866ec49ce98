using System;
using CorpusGen.Indexing;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The assumptions the case-insensitive word index rests on, checked over every UTF-16 code unit.</summary>
public sealed class WordHashTests
{
    [Fact]
    public void No_character_outside_ascii_equals_an_ascii_one_ignoring_case()
    {
        for (int c = 0x80; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            string other = ((char)c).ToString();
            for (int a = 0; a < 0x80; a++)
            {
                Assert.False(
                    string.Equals(other, ((char)a).ToString(), StringComparison.OrdinalIgnoreCase),
                    $"U+{c:X4} equals U+{a:X4} under OrdinalIgnoreCase");
            }
        }
    }

    [Fact]
    public void Words_equal_ignoring_case_hash_equal()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            char character = (char)c;
            if (!char.IsLetterOrDigit(character))
            {
                continue;
            }

            foreach (char variant in new[] { char.ToUpperInvariant(character), char.ToLowerInvariant(character) })
            {
                string word = "ab" + character + "cd" + character;
                string other = "AB" + variant + "CD" + variant;
                if (string.Equals(word, other, StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Equal(CorpusHash.Word(word, 0, word.Length), CorpusHash.Word(other, 0, other.Length));
                    Assert.Equal(CorpusHash.Word(word, 0, 3), CorpusHash.Word(other, 0, 3));
                }
            }
        }
    }

    [Fact]
    public void Short_ascii_words_pack_lower_cased_one_byte_each()
    {
        // Below four code units: the first, middle and last, in the three low bytes.
        Assert.Equal(0x306261UL, CorpusHash.PackShort("Ab0", 0, 3));
        Assert.Equal(0x7A7A61UL, CorpusHash.PackShort("aZ", 0, 2));
        Assert.Equal(0x717171UL, CorpusHash.PackShort("Q", 0, 1));
        // From four on: the first four in the even bytes, the last four in the odd ones.
        Assert.Equal(0x3834373336323531UL, CorpusHash.PackShort("x12345678", 1, 8));
        Assert.Equal(0x6664656364626361UL, CorpusHash.PackShort("abCDef", 0, 6));
        // Only 'A' to 'Z' change: the code units next to them stay, so that none packs as a letter it is not.
        Assert.Equal(0x60607A7A5B5B4040UL, CorpusHash.PackShort("@[Z`", 0, 4));
        Assert.Null(CorpusHash.PackShort("abcdefghi", 0, 9));
        Assert.Null(CorpusHash.PackShort("caf\u00E9", 0, 4));
        Assert.Null(CorpusHash.PackShort("\u0100ab", 0, 3));
        Assert.Null(CorpusHash.PackShort("", 0, 0));
    }

    [Fact]
    public void Short_words_of_one_length_never_share_a_hash()
    {
        // ShortWord, for one length, is a bijection of the packed value with bit 5 of every byte set: every two-unit
        // word of ASCII letters and digits (which all have that bit once lower-cased) hashes apart from the others, and
        // the same in either case.
        const string units = "abcdefghijklmnopqrstuvwxyz0123456789";
        var seen = new System.Collections.Generic.HashSet<ulong>();
        foreach (char a in units)
        {
            foreach (char b in units)
            {
                string word = new string(new[] { a, b });
                Assert.True(seen.Add(CorpusHash.Word(word, 0, 2)), word);
                Assert.Equal(CorpusHash.Word(word, 0, 2), CorpusHash.Word(word.ToUpperInvariant(), 0, 2));
            }
        }
    }
}
