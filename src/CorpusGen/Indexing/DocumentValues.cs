using System.Collections.Generic;
using CorpusGen.Emitting;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The order in which a document's values are stored; Runtime/CorpusApi.cs reads them back in this order:
/// file name, headlines, title, paragraphs, cross-heads, byline, author, desk.
/// </summary>
internal static class DocumentValues
{
    /// <summary>
    /// Every value as a range of <paramref name="chars"/>: the document's text, then its file name. The buffer is
    /// the thread's own and is overwritten by the next call on the thread, so read it before calling again.
    /// </summary>
    public static List<(int Start, int Length)> List(DocumentModel document, out char[] chars)
    {
        int textLength = document.Text.Length;
        int length = textLength + document.FileName.Length;
        chars = TextBuffer.Rent(length);
        document.Text.CopyTo(chars);
        document.FileName.CopyTo(0, chars, textLength, document.FileName.Length);

        var values = new List<(int, int)>(2 + document.Headlines.Count + document.Paragraphs.Count + document.Sections.Count + 3)
        {
            (textLength, document.FileName.Length),
        };

        void Add(TextRange range) => values.Add((range.Start, range.Length));

        foreach (var headline in document.Headlines)
        {
            Add(headline);
        }

        if (document.Title is { } title)
        {
            Add(title);
            foreach (var paragraph in document.Paragraphs)
            {
                Add(paragraph);
            }

            foreach (var section in document.Sections)
            {
                if (section.Heading is { } heading)
                {
                    Add(heading);
                }
            }

            if (document.Byline is { } byline)
            {
                Add(byline);
                Add(document.Author!.Value);
                Add(document.Desk!.Value);
            }
        }

        return values;
    }

    /// <summary>The value index of the first headline.</summary>
    public const int FirstHeadline = 1;

    /// <summary>Bytes that <paramref name="text"/>[start, start+length) takes in UTF-8 (no lone surrogates).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static int Utf8Length(string text, int start, int length) => Utf8Length(new StringChars(text), start, length);

    /// <summary>Bytes that <paramref name="text"/>[start, start+length) takes in UTF-8 (no lone surrogates).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static int Utf8Length<T>(T text, int start, int length)
        where T : struct, ICharSource
    {
        int bytes = length;
        int end = start + length;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                continue;
            }

            if (c < 0x800)
            {
                bytes += 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                bytes += 2;
                i++;
            }
            else
            {
                bytes += 2;
            }
        }

        return bytes;
    }
}
