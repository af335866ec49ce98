using System;
using System.Globalization;

namespace CorpusGen.Emitting;

/// <summary>
/// Characters to read by index: a string, or a part of a reused buffer. The literal writer and the UTF-8 counter are
/// generic over this, so the JIT compiles one copy per kind, with the indexer inlined.
/// </summary>
internal interface ICharSource
{
    char this[int index] { get; }

    /// <summary>The characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    ReadOnlySpan<char> Slice(int start, int count);

    /// <summary>The category of the surrogate pair at <paramref name="index"/>.</summary>
    UnicodeCategory PairCategory(int index);
}

internal readonly struct StringChars : ICharSource
{
    private readonly string _text;

    public StringChars(string text) => _text = text;

    public char this[int index] => _text[index];

    public ReadOnlySpan<char> Slice(int start, int count) => _text.AsSpan(start, count);

    public UnicodeCategory PairCategory(int index) => CharUnicodeInfo.GetUnicodeCategory(_text, index);
}

internal readonly struct ArrayChars : ICharSource
{
    private readonly char[] _chars;

    public ArrayChars(char[] chars) => _chars = chars;

    public char this[int index] => _chars[index];

    public ReadOnlySpan<char> Slice(int start, int count) => new(_chars, start, count);

    // Rare enough (characters past U+FFFF) that the two-character string does not matter.
    public UnicodeCategory PairCategory(int index) => CharUnicodeInfo.GetUnicodeCategory(new string(_chars, index, 2), 0);
}
