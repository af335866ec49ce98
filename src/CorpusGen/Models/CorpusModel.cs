namespace CorpusGen.Models;

/// <summary>Everything one corpus class needs besides its documents' blobs: names, tables and constants.</summary>
/// <remarks>
/// <see cref="HeadlineKeys"/>, when not empty, is every distinct headline once more, as one UTF-16 string: the
/// lookups then compare against it and never switch over blobs to reach a headline's text.
/// Built from all documents of the class after the per-file steps, so it changes whenever any file does; it holds
/// numbers and the constant texts, not the documents, so comparing it is cheap next to re-emitting it.
/// </remarks>
internal sealed record CorpusModel(
    string ClassName,
    GeneratorOptions Options,
    TargetInfo Target,
    bool Utf8,
    int DocumentCount,
    int HeadlineCount,
    EquatableArray<string> BlobNames,
    EquatableArray<int> DocumentHeadlineStart,
    EquatableArray<int> DocumentFirstBlob,
    EquatableArray<int> ArticleDocument,
    HashTableModel Headlines,
    HashTableModel Words,
    EquatableArray<int> WordPostings,
    string HeadlineKeys,
    EquatableArray<ConstantModel> HeadlineConstants,
    EquatableArray<ConstantModel> TitleConstants,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A bucketed hash table: <see cref="Buckets"/>[b]..[b+1] delimit bucket b's rows in <see cref="Entries"/>.</summary>
/// <param name="Kind">0: probe hash; 1: full hash.</param>
/// <param name="Probe">The probe offset of the probe hash.</param>
/// <param name="Bits">log2 of the bucket count.</param>
/// <param name="Width">Numbers per entry.</param>
internal sealed record HashTableModel(int Kind, int Probe, int Bits, int Width, EquatableArray<int> Buckets, EquatableArray<int> Entries);

/// <summary>A <c>const string</c>: its identifier, its text and where it comes from (for the doc comment).</summary>
internal sealed record ConstantModel(string Name, string Text, string FileName, int Index);
