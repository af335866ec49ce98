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

        string text = document.Text.ToString();
        foreach (var headline in document.Headlines)
        {
            values.Add((text, headline.Start, headline.Length));
        }

        if (document.Title is { } title)
        {
            values.Add((text, title.Start, title.Length));
            foreach (var paragraph in document.Paragraphs)
            {
                values.Add((text, paragraph.Start, paragraph.Length));
            }

            foreach (var section in document.Sections)
            {
                if (section.Heading is { } heading)
                {
                    values.Add((text, heading.Start, heading.Length));
                }
            }

            if (document.Byline is { } byline)
            {
                values.Add((text, byline.Start, byline.Length));
                values.Add((text, document.Author!.Value.Start, document.Author.Value.Length));
                values.Add((text, document.Desk!.Value.Start, document.Desk.Value.Length));
            }
        }

        return values;
    }

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
