using System;

namespace CorpusGen.Models;

/// <summary>
/// What the corpus-wide steps need from one document, computed by the per-file step and cached with it: counts,
/// names, and its headlines and words already hashed and sorted by partition, so that a shard of the index can take
/// its slice of every file without looking at the text again.
/// </summary>
/// <param name="Layout">The document and its blobs.</param>
/// <param name="BlobBaseName">The identifier stem of the document's blobs.</param>
/// <param name="BlobNames">The identifiers of the document's blobs.</param>
/// <param name="HeadlineTexts">Each headline's text, in file order.</param>
/// <param name="HeadlineNames">The constant name each headline asks for, before collisions are resolved.</param>
/// <param name="HeadlineHashes">
/// Per headline, the <see cref="Indexing.StringCounts.HashOf"/> of its text and then of its name, computed once here so
/// that the plan's full passes (which count every headline and name of the corpus) and the headline shards (which count
/// their first copies) hash none of them.
/// </param>
/// <param name="TitleText">The article's title, or null without an article.</param>
/// <param name="TitleName">The constant name the title asks for, or null without an article.</param>
/// <param name="Headlines">The headlines, by partition and then in file order.</param>
/// <param name="HeadlinePartitions">Where each partition's headlines start in <see cref="Headlines"/> (one more entry at the end).</param>
/// <param name="Words">The distinct words (OrdinalIgnoreCase) of the headlines, by partition and then by first occurrence.</param>
/// <param name="WordPartitions">Where each partition's words start in <see cref="Words"/> (one more entry at the end).</param>
/// <param name="WordPostings">Every word's headlines, word after word: the local indices of the headlines that hold it, ascending.</param>
/// <param name="FirstCopies">The local index of each headline whose text is not repeated earlier in the same document.</param>
/// <param name="Stats">Sizes the corpus-wide step adds up to choose shard counts.</param>
/// <param name="Diagnostics">A failure of the step itself (CORPUS006); the document's own diagnostics are in its layout.</param>
internal sealed record DocumentSummary(
    DocumentLayout Layout,
    string BlobBaseName,
    EquatableArray<string> BlobNames,
    EquatableArray<string> HeadlineTexts,
    EquatableArray<string> HeadlineNames,
    EquatableArray<int> HeadlineHashes,
    string? TitleText,
    string? TitleName,
    EquatableArray<HeadlineItem> Headlines,
    EquatableArray<int> HeadlinePartitions,
    EquatableArray<WordItem> Words,
    EquatableArray<int> WordPartitions,
    EquatableArray<int> WordPostings,
    EquatableArray<int> FirstCopies,
    DocumentStats Stats,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// Headlines and words are spread over this many partitions by the top bits of their hash; a shard of the index
    /// is a power-of-two run of partitions, so the shard count can change without hashing anything again.
    /// </summary>
    public const int PartitionBits = 8;

    public DocumentModel Document => Layout.Document;

    public int HeadlineCount => Document.Headlines.Count;

    /// <summary>The text of <paramref name="word"/> as it first appears in the document.</summary>
    public ReadOnlySpan<char> TextOf(in WordItem word) => HeadlineTexts[word.Headline].AsSpan(word.Start, word.Length);

    /// <summary>The local indices of the headlines that hold <paramref name="word"/>, ascending.</summary>
    public ReadOnlySpan<int> PostingsOf(in WordItem word) => WordPostings.AsSpan().Slice(word.PostingStart, word.PostingCount);
}

/// <summary>
/// Sizes of a document's index input: code units of its headlines, of those of them that are not ASCII, and of its
/// distinct words, and its word postings.
/// </summary>
internal readonly record struct DocumentStats(long HeadlineChars, long WideHeadlineChars, long WordChars, long Postings);

/// <summary>A headline as the index sees it.</summary>
/// <param name="Local">Its index among the document's headlines.</param>
/// <param name="Text">Its text.</param>
/// <param name="Hash">Its partition hash (the probe hash at offset 0).</param>
internal readonly record struct HeadlineItem(int Local, string Text, ulong Hash);

/// <summary>
/// A distinct word of a document's headlines, as ranges into its summary (no string or array of its own: a corpus has
/// hundreds of thousands, and the step cache keeps them all); <see cref="DocumentSummary.TextOf"/> and
/// <see cref="DocumentSummary.PostingsOf"/> read them.
/// </summary>
/// <param name="Headline">The local index of the headline where it first appears.</param>
/// <param name="Start">Where it starts in that headline.</param>
/// <param name="Length">Its length.</param>
/// <param name="Hash">Its case-folded hash.</param>
/// <param name="PostingStart">Where its headlines start in <see cref="DocumentSummary.WordPostings"/>.</param>
/// <param name="PostingCount">How many headlines hold it.</param>
internal readonly record struct WordItem(int Headline, int Start, int Length, ulong Hash, int PostingStart, int PostingCount);

/// <summary>
/// One document's part of one shard's input: the document's position in the corpus and a range of its sorted
/// headlines or words. Two slices of the same cached summary compare in constant time; only an edited file's slices
/// compare item by item, so the driver rebuilds just the shards whose input really changed.
/// </summary>
internal readonly struct DocumentSlice : IEquatable<DocumentSlice>
{
    public DocumentSlice(DocumentSummary summary, bool isWords, int headlineBase, int start, int end)
    {
        Summary = summary;
        IsWords = isWords;
        HeadlineBase = headlineBase;
        Start = start;
        End = end;
    }

    public DocumentSummary Summary { get; }

    /// <summary>Whether the range is of <see cref="DocumentSummary.Words"/> rather than of its headlines.</summary>
    public bool IsWords { get; }

    /// <summary>The corpus-wide index of the document's first headline.</summary>
    public int HeadlineBase { get; }

    public int Start { get; }

    public int End { get; }

    public ReadOnlySpan<HeadlineItem> Headlines => Summary.Headlines.AsSpan().Slice(Start, End - Start);

    public ReadOnlySpan<WordItem> Words => Summary.Words.AsSpan().Slice(Start, End - Start);

    public bool Equals(DocumentSlice other)
    {
        if (IsWords != other.IsWords || HeadlineBase != other.HeadlineBase || End - Start != other.End - other.Start)
        {
            return false;
        }

        if (ReferenceEquals(Summary, other.Summary))
        {
            return Start == other.Start;
        }

        return IsWords ? WordsEqual(other) : Headlines.SequenceEqual(other.Headlines);
    }

    /// <summary>Same words, by text and hash, held by the same headlines: the items themselves are only ranges into each summary.</summary>
    private bool WordsEqual(DocumentSlice other)
    {
        var mine = Words;
        var theirs = other.Words;
        for (int i = 0; i < mine.Length; i++)
        {
            ref readonly var a = ref mine[i];
            ref readonly var b = ref theirs[i];
            if (a.Hash != b.Hash
                || a.PostingCount != b.PostingCount
                || !Summary.TextOf(a).SequenceEqual(other.Summary.TextOf(b))
                || !Summary.PostingsOf(a).SequenceEqual(other.Summary.PostingsOf(b)))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is DocumentSlice other && Equals(other);

    public override int GetHashCode() => unchecked(HeadlineBase * 31 + End - Start);
}
