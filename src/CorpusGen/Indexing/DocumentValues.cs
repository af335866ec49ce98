using System.Collections.Generic;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The order in which a document's values are stored; Runtime/CorpusApi.cs reads them back in this order:
/// file name, headlines, title, paragraphs, cross-heads, byline, author, desk.
/// </summary>
internal static class DocumentValues
{
    /// <summary>Every value as (source string, start, length): the file name comes from the model, the rest from the text.</summary>
    public static List<(string Source, int Start, int Length)> List(DocumentModel document)
    {
        var values = new List<(string, int, int)>(2 + document.Headlines.Count + document.Paragraphs.Count + document.Sections.Count + 3)
        {
            (document.FileName, 0, document.FileName.Length),
        };

        // A large file's text is read value by value: one string of the whole file would be a large object, which
        // only a full collection frees, and the compiler holds such a file as chunks, so that string would be a copy.
        var whole = document.Text.Length < LargeText ? document.Text.ToString() : null;
        void Add(TextRange range) =>
            values.Add(whole is null ? (document.GetText(range), 0, range.Length) : (whole, range.Start, range.Length));

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

    /// <summary>Characters from which a string of the whole text would land on the large object heap (85,000 bytes).</summary>
    private const int LargeText = 40 * 1024;

    /// <summary>The value index of the first headline.</summary>
    public const int FirstHeadline = 1;

    /// <summary>Bytes that <paramref name="text"/>[start, start+length) takes in UTF-8 (no lone surrogates).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static int Utf8Length(string text, int start, int length)
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
