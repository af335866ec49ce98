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
    public void Copies_outside_the_text_are_refused()
    {
        var source = NarrowSourceText.From(new StringBuilder("abc"));
        var buffer = new char[8];
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(2, buffer, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(0, buffer, 7, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(-1, buffer, 0, 1));
    }

    private static SourceText AssertSame(string text)
    {
        var source = NarrowSourceText.From(new StringBuilder(text));
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
