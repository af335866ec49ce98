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
        Assert.Equal(0x306261UL, ShardBuilder.PackInline("Ab0", 0, 3));
        Assert.Equal(0x3837363534333231UL, ShardBuilder.PackInline("x12345678", 1, 8));
        Assert.Equal(0x7A61UL, ShardBuilder.PackInline("aZ", 0, 2));
        // Only 'A' to 'Z' change: the code units next to them stay, so that none packs as a letter it is not.
        Assert.Equal(0x607A5B40UL, ShardBuilder.PackInline("@[Z`", 0, 4));
        Assert.Null(ShardBuilder.PackInline("abcdefghi", 0, 9));
        Assert.Null(ShardBuilder.PackInline("caf\u00E9", 0, 4));
    }
}
