using System.Collections.Generic;
using System.Text;
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
        return Ranges(document);
    }

    /// <summary>
    /// Every value as a range, as <see cref="List"/> gives them, without copying the text anywhere. The list is the
    /// thread's own too, refilled by the next call of either method on the thread.
    /// </summary>
    public static List<(int Start, int Length)> Ranges(DocumentModel document)
    {
        int textLength = document.Text.Length;
        var values = s_values ??= new List<(int, int)>();
        values.Clear();
        values.Add((textLength, document.FileName.Length));

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

    [System.ThreadStatic]
    private static List<(int Start, int Length)>? s_values;

    /// <summary>The value index of the first headline.</summary>
    public const int FirstHeadline = 1;

    /// <summary>Bytes that <paramref name="text"/> takes in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD).</summary>
    public static int Utf8Length(string text) => Utf8.GetByteCount(text);

    /// <summary>Bytes that <paramref name="text"/>[start, start+length) takes in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD).</summary>
    public static int Utf8Length(char[] text, int start, int length) => Utf8.GetByteCount(text, start, length);

    // The runtime's own UTF-8 counter is vectorized: a character loop over the whole corpus cost about 5% of a run.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
}
