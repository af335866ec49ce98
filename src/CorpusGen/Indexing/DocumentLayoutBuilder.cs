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

    /// <summary>
    /// How many numbers of a header one blob holds. A longer header (a document of more than about 16,000 values, such
    /// as a file of a year's headlines) goes on in the blobs after the first, this many numbers each, and the values
    /// start after its last piece, in the same blob: no blob holds more than about 80 KB of header (at five digits a
    /// number), so no source grows past about a megabyte. Runtime/CorpusApi.cs's <c>Document.HeaderPiece</c>.
    /// </summary>
    public const int HeaderPieceNumbers = 16384;

    /// <summary>
    /// The characters of a header (<paramref name="headerLength"/> of them, numbers of <paramref name="width"/> digits)
    /// at the start of <paramref name="blob"/>: all of it in the first blob, unless it holds more than
    /// <see cref="HeaderPieceNumbers"/> numbers, and then that many in each blob from the first on (the first also holds
    /// the digit width) and the rest in the last; nothing in the blobs after that.
    /// </summary>
    public static (int Start, int Length) HeaderPiece(int headerLength, int width, int blob)
    {
        int piece = width * HeaderPieceNumbers;
        int start = blob == 0 ? 0 : 1 + (blob * piece);
        int end = System.Math.Min(headerLength, 1 + ((blob + 1) * piece));
        return start < end ? (start, end - start) : (headerLength, 0);
    }

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

        // The header sits before the values of the first blob, or, past HeaderPieceNumbers numbers, in pieces at the
        // start of the first blobs, the values beginning after the last piece (blobs before it hold no value). Each
        // such blob is one more number pair in the header, so the count of pieces is found by trying.
        var sections = document.Sections;
        int headlineCount = document.Headlines.Count;
        int paragraphCount = document.Paragraphs.Count;
        int headerBlobs = 1;
        int numbers;
        while (true)
        {
            numbers = 8 + 3 * sections.Count + 2 * (blobFirst.Count + headerBlobs - 1) + count;
            int pieces = (numbers + HeaderPieceNumbers - 1) / HeaderPieceNumbers;
            if (pieces == headerBlobs)
            {
                break;
            }

            headerBlobs = pieces;
        }

        for (int b = 1; b < headerBlobs; b++)
        {
            blobFirst.Insert(0, 0);
            blobLength.Insert(0, 0);
        }

        // Its width depends on the largest number it holds.
        int last = headerBlobs - 1;
        int width = 1;
        int headerLength, lastPiece;
        while (true)
        {
            headerLength = 1 + width * numbers;
            lastPiece = HeaderPiece(headerLength, width, last).Length;
            // Every number the header holds is below one of these: a value index, or an offset in some blob.
            long largest = System.Math.Max(System.Math.Max(headerLength, lastPiece + (long)blobLength[last]), count);
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

        for (int b = 0; b < last; b++)
        {
            blobLength[b] = HeaderPiece(headerLength, width, b).Length;
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
            Number(blobLength[b] + (b == last ? lastPiece : 0));
        }

        for (int v = 0; v < count; v++)
        {
            if (blobFirst.Count == last + 1 || v < blobFirst[last + 1])
            {
                starts[v] += lastPiece;
            }

            Number(starts[v]);
        }

        blobLength[last] += lastPiece;
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
