using System;
using System.Linq;
using System.Text;
using CorpusGen.Emitting;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// Generated sources are held one byte per character, with the rare wider character kept aside: the text the
/// compiler reads, its checksum and its encoding must be those of the same text as a string.
/// </summary>
public sealed class NarrowSourceTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("namespace N;\n")]
    [InlineData("x\0y")]
    [InlineData("\0")]
    [InlineData("caf\u00E9 \u00FF")]
    public void Short_texts_read_back_exactly(string text) => AssertSame(text);

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(-1)]
    [InlineData(-10)]
    [InlineData(123456789)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Digit_counts_are_what_Append_writes(int number)
    {
        // The size estimates count numbers with DecimalDigits; the index tables hold negative fingerprints.
        var builder = new NarrowBuilder(16);
        builder.Append(number);
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), builder.ToString());
        Assert.Equal(builder.Length, NarrowBuilder.DecimalDigits(number));
    }

    [Fact]
    public void Long_text_with_scattered_wide_characters_reads_back_exactly_in_every_range()
    {
        var random = new Random(17);
        var builder = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            int roll = random.Next(200);
            builder.Append(roll switch
            {
                0 => '\u2019',
                1 => '\0',
                2 => '\uD83D',
                3 => '\u00E9',
                _ => (char)random.Next(32, 127),
            });
        }

        string text = builder.ToString();
        var source = AssertSame(text);
        Assert.IsType<NarrowSourceText>(source);

        var buffer = new char[text.Length + 10];
        for (int trial = 0; trial < 500; trial++)
        {
            int start = random.Next(text.Length + 1);
            int count = random.Next(text.Length - start + 1);
            source.CopyTo(start, buffer, 5, count);
            Assert.Equal(text.Substring(start, count), new string(buffer, 5, count));
            Assert.Equal(text.Substring(start, count), source.ToString(new TextSpan(start, count)));
        }
    }

    [Fact]
    public void Text_in_a_wide_script_is_kept_as_a_string()
    {
        string text = string.Concat(Enumerable.Repeat("\u65B0\u805E ab ", 1000));
        var source = AssertSame(text);
        Assert.IsNotType<NarrowSourceText>(source);
    }

    [Fact]
    public void The_builder_writes_what_a_StringBuilder_would()
    {
        // Every kind of append, in random order and sizes, with the length cut back now and then (the emitter trims a
        // trailing newline that way); the wide characters straddle the four-character fast path's boundaries.
        var random = new Random(23);
        char[] alphabet = { 'a', 'Z', ' ', '"', '\n', '\0', '\u00E9', '\u00FF', '\u0100', '\u2019', '\uD83D', '\uDE00', '\uFFFF' };
        for (int trial = 0; trial < 200; trial++)
        {
            var expected = new StringBuilder();
            var actual = new NarrowBuilder(random.Next(64));
            for (int step = 0; step < 60; step++)
            {
                // Mostly short pieces, and now and then one long enough for the vector path (two vectors a step).
                int pieceLength = random.Next(4) == 0 ? random.Next(200) : random.Next(40);
                var piece = new char[pieceLength];
                for (int i = 0; i < pieceLength; i++)
                {
                    piece[i] = random.Next(6) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)random.Next(32, 127);
                }

                switch (random.Next(7))
                {
                    case 0:
                        expected.Append(piece);
                        actual.Append(new string(piece));
                        break;
                    case 1:
                        int start = random.Next(pieceLength + 1);
                        expected.Append(piece, start, pieceLength - start);
                        actual.Append(piece, start, pieceLength - start);
                        break;
                    case 2:
                        char c = alphabet[random.Next(alphabet.Length)];
                        expected.Append(c);
                        actual.Append(c);
                        break;
                    case 3:
                        char repeated = alphabet[random.Next(alphabet.Length)];
                        int count = random.Next(20);
                        expected.Append(repeated, count);
                        actual.Append(repeated, count);
                        break;
                    case 4:
                        int number = random.Next(4) == 0 ? int.MinValue + random.Next(2) : random.Next(int.MinValue, int.MaxValue);
                        expected.Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        actual.Append(number);
                        break;
                    case 5:
                        int cut = random.Next(Math.Min(expected.Length, 30) + 1);
                        expected.Length -= cut;
                        actual.Length -= cut;
                        break;
                    default:
                        string text = new string(piece);
                        int from = random.Next(pieceLength + 1);
                        expected.Append(text, from, pieceLength - from);
                        actual.Append(text, from, pieceLength - from);
                        break;
                }

                Assert.Equal(expected.Length, actual.Length);
            }

            Assert.Equal(expected.ToString(), actual.ToString());
            AssertSame(expected.ToString(), actual.ToSourceText());
        }
    }

    [Fact]
    public void Plain_text_stops_at_exactly_the_first_character_a_literal_cannot_hold_as_it_is()
    {
        // Every code unit, at each position of a four-unit group, of the first and second vector lanes (16 or 32
        // code units a step, by the machine's vector size) and of the tail past them, after plain text; the code
        // units at the edges of what is plain at every position.
        var builder = new NarrowBuilder(64);
        var text = string.Concat(Enumerable.Repeat("abcdefgh ~!#[]{}", 6)).Substring(0, 90).ToCharArray();
        int[] positions = { 0, 1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 79, 85, 89 };
        int[] edges = { 0, 0x1F, 0x20, '"', '\\', 0x7E, 0x7F, 0x80, 0xA0, 0xA1, 0xAC, 0xAD, 0xAE, 0xE9, 0xFF, 0x100, 0x2020, 0xD800, 0xFF20, 0xFFFF };
        for (int c = 0; c <= 0xFFFF; c++)
        {
            bool plain = c < 0x100 && WrittenAsItself((char)c);
            bool edge = Array.IndexOf(edges, c) >= 0;
            for (int position = 0; position < text.Length; position++)
            {
                if (!edge && Array.IndexOf(positions, position) < 0)
                {
                    continue;
                }

                char saved = text[position];
                text[position] = (char)c;
                builder.Clear();
                int taken = builder.AppendPlain(text);
                Assert.Equal(plain ? text.Length : position, taken);
                Assert.Equal(new string(text, 0, taken), builder.ToString());
                text[position] = saved;
            }
        }
    }

    [Fact]
    public void What_the_fast_path_takes_is_what_the_literal_writer_writes_as_itself()
    {
        // The fast path's ranges are a shortcut for CSharpLiteral's rule (letters, digits, punctuation and symbols as
        // themselves, anything else escaped): both must agree on every code unit it can take, and printable ASCII
        // and the Latin-1 letters must be in it.
        int taken = 0;
        for (int c = 0; c < 0x100; c++)
        {
            var builder = new NarrowBuilder(16);
            bool fast = builder.AppendPlain(new[] { (char)c }) == 1;
            Assert.Equal(WrittenAsItself((char)c), fast);
            taken += fast ? 1 : 0;
        }

        Assert.Equal(0x7F - 0x20 - 2 + 0x100 - 0xA1 - 1, taken);
    }

    /// <summary>Whether the literal writer writes <paramref name="c"/> as itself rather than as an escape.</summary>
    private static bool WrittenAsItself(char c)
    {
        var builder = new NarrowBuilder(16);
        CSharpLiteral.AppendEscaped(builder, c.ToString(), 0, 1);
        return builder.ToString() == c.ToString();
    }

    [Fact]
    public void Every_code_unit_at_every_vector_position_is_appended_exactly()
    {
        // The narrowing copy takes two vectors, then four code units, at a time; a code unit that does not fit a
        // byte (or is U+0000, whose byte marks wide characters) must stop it at exactly that place.
        var builder = new NarrowBuilder(64);
        // The last code unit is wide, so a zero byte copied without its mark would be read as that character.
        var text = (string.Concat(Enumerable.Repeat("The quick brown fox, caf\u00E9. ", 4)).Substring(0, 89) + "\u2019").ToCharArray();
        int[] positions = { 0, 3, 4, 15, 16, 31, 32, 33, 63, 64, 70, 88 };
        for (int c = 0; c <= 0xFFFF; c++)
        {
            foreach (int position in positions)
            {
                char saved = text[position];
                text[position] = (char)c;
                builder.Clear();
                builder.Append(text, 0, text.Length);
                Assert.Equal(new string(text), builder.ToString());
                var source = builder.ToSourceText();
                for (int i = 0; i < text.Length; i++)
                {
                    Assert.Equal(text[i], source[i]);
                }
                text[position] = saved;
            }
        }
    }

    [Fact]
    public void Copies_outside_the_text_are_refused()
    {
        var source = new NarrowBuilder(4).Append("abc").ToSourceText();
        var buffer = new char[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(2, buffer, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(0, buffer, 7, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(-1, buffer, 0, 1));
    }

    private static SourceText AssertSame(string text) => AssertSame(text, new NarrowBuilder(0).Append(text).ToSourceText());

    private static SourceText AssertSame(string text, SourceText source)
    {
        var reference = SourceText.From(text, Encoding.UTF8);
        Assert.Equal(text.Length, source.Length);
        Assert.Equal(text, source.ToString());
        for (int i = 0; i < text.Length; i++)
        {
            Assert.Equal(text[i], source[i]);
        }

        Assert.Equal(reference.Encoding, source.Encoding);
        Assert.Equal(reference.ChecksumAlgorithm, source.ChecksumAlgorithm);
        Assert.Equal(reference.GetChecksum().ToArray(), source.GetChecksum().ToArray());
        Assert.True(source.ContentEquals(reference));
        Assert.Equal(reference.Lines.Count, source.Lines.Count);
        return source;
    }
}
