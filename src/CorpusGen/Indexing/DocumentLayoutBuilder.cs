using System.Collections.Generic;
using System.Text;
using System.Threading;
using CorpusGen.Emitting;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// Splits a document's values into blobs and writes the header that Runtime/CorpusApi.cs's <c>Document</c> reads.
/// </summary>
internal static class DocumentLayoutBuilder
{
    /// <summary>
    /// A blob is closed once it holds this many bytes (UTF-8) or code units (UTF-16), so no generated file grows
    /// past about 1 MB even when every character needs an escape. One value is never split: a longer value gets a
    /// blob of its own.
    /// </summary>
    public const int BlobLimit = 192 * 1024;

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static DocumentLayout Build(DocumentModel document, bool utf8, CancellationToken cancellationToken)
    {
        // An ASCII text (most are) needs no copy and no count: each of its values takes a byte per character. The file
        // name (value 0) is not part of the text, so it is counted on its own.
        bool count8 = utf8 && !document.IsAscii;
        char[]? chars = null;
        var values = count8 ? DocumentValues.List(document, out chars) : DocumentValues.Ranges(document);
        int count = values.Count;
        var lengths = new int[count];
        for (int v = 0; v < count; v++)
        {
            var (start, length) = values[v];
            lengths[v] = count8 ? DocumentValues.Utf8Length(chars!, start, length) : length;
            if ((v & 4095) == 4095)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (utf8)
        {
            lengths[0] = DocumentValues.Utf8Length(document.FileName);
        }

        var blobFirst = new List<int> { 0 };
        var blobLength = new List<int> { 0 };
        var starts = new int[count];
        for (int v = 0; v < count; v++)
        {
            int current = blobLength.Count - 1;
            if (blobLength[current] > 0 && blobLength[current] + lengths[v] > BlobLimit)
            {
                blobFirst.Add(v);
                blobLength.Add(0);
                current++;
            }

            starts[v] = blobLength[current];
            blobLength[current] += lengths[v];
        }

        // The header sits before the values of the first blob; its width depends on the largest number it holds.
        var sections = document.Sections;
        int headlineCount = document.Headlines.Count;
        int paragraphCount = document.Paragraphs.Count;
        int numbers = 8 + 3 * sections.Count + 2 * blobFirst.Count + count;
        int width = 1;
        int headerLength;
        while (true)
        {
            headerLength = 1 + width * numbers;
            // Every number the header holds is below one of these: a value index, or an offset in some blob.
            long largest = System.Math.Max(headerLength + (long)blobLength[0], count);
            foreach (int length in blobLength)
            {
                largest = System.Math.Max(largest, length);
            }

            if (largest < 1L << (6 * width) || width == 5)
            {
                break;
            }

            width++;
        }

        var header = new StringBuilder(headerLength);
        header.Append((char)('0' + width));
        void Number(int n)
        {
            for (int shift = 6 * (width - 1); shift >= 0; shift -= 6)
            {
                header.Append((char)('0' + ((n >> shift) & 63)));
            }
        }

        Number(headerLength);
        Number(count);
        Number(headlineCount);
        Number(document.HasArticle ? 1 : 0);
        Number(paragraphCount);
        Number(sections.Count);
        Number(document.Byline is null ? 0 : 1);
        Number(blobFirst.Count);
        int headingValue = DocumentValues.FirstHeadline + headlineCount + 1 + paragraphCount;
        foreach (var section in sections)
        {
            Number(section.Heading is null ? 0 : headingValue++);
            Number(section.FirstParagraph);
            Number(section.ParagraphCount);
        }

        foreach (int first in blobFirst)
        {
            Number(first);
        }

        // Where each blob's values end: a blob's literal may be padded past its last value (see StaticDataSize).
        for (int b = 0; b < blobLength.Count; b++)
        {
            Number(blobLength[b] + (b == 0 ? headerLength : 0));
        }

        for (int v = 0; v < count; v++)
        {
            if (blobFirst.Count == 1 || v < blobFirst[1])
            {
                starts[v] += headerLength;
            }

            Number(starts[v]);
        }

        blobLength[0] += headerLength;
        return new DocumentLayout(
            document,
            utf8,
            header.ToString(),
            new EquatableArray<int>(blobFirst.ToArray()),
            new EquatableArray<int>(blobLength.ToArray()),
            new EquatableArray<int>(starts),
            new EquatableArray<int>(lengths));
    }
}
