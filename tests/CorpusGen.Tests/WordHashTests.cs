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
}
