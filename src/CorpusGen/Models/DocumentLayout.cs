namespace CorpusGen.Models;

/// <summary>
/// How one document is stored in the generated code: its values (file name, headlines, title, paragraphs,
/// cross-heads, byline parts) written one after another into one or more blobs, behind a header that locates them.
/// </summary>
/// <param name="Document">The parsed document.</param>
/// <param name="Utf8">Whether blobs are UTF-8 (u8 literals; lengths in bytes) rather than UTF-16 (string literals).</param>
/// <param name="Header">The header written at the start of the first blob (of the first blobs, when it is long: <see cref="HeaderPiece"/>).</param>
/// <param name="BlobFirstValue">The first value of each blob.</param>
/// <param name="BlobLength">The length of each blob, header included.</param>
/// <param name="ValueStart">Where each value starts in its blob.</param>
/// <param name="ValueLength">The length of each value in its blob.</param>
internal sealed record DocumentLayout(
    DocumentModel Document,
    bool Utf8,
    string Header,
    EquatableArray<int> BlobFirstValue,
    EquatableArray<int> BlobLength,
    EquatableArray<int> ValueStart,
    EquatableArray<int> ValueLength)
{
    public int BlobCount => BlobFirstValue.Count;

    /// <summary>The piece of <see cref="Header"/> at the start of <paramref name="blob"/> (<see cref="Indexing.DocumentLayoutBuilder.HeaderPiece"/>).</summary>
    public (int Start, int Length) HeaderPiece(int blob) => Indexing.DocumentLayoutBuilder.HeaderPiece(Header.Length, Header[0] - '0', blob);

    /// <summary>The value after the last one of <paramref name="blob"/>.</summary>
    public int BlobEndValue(int blob) => blob + 1 < BlobCount ? BlobFirstValue[blob + 1] : ValueStart.Count;

    /// <summary>The blob that holds <paramref name="value"/>.</summary>
    public int BlobOf(int value)
    {
        // The last blob whose first value is at most value: a binary search, since a large file has many blobs.
        int low = 0, high = BlobFirstValue.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (BlobFirstValue[middle] <= value)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}

/// <summary>
/// Up to <see cref="Size"/> consecutive documents of one corpus class, in corpus order (by path), whose
/// blobs are emitted together, in sources of up to about a megabyte. One source per document would make the driver's
/// check of each added source's hint name against all the others (it compares them one by one) a large part of every
/// run at a thousand files; an edit re-emits only its document's group.
/// </summary>
/// <param name="ClassName">The corpus class of every document of the group.</param>
/// <param name="HintName">What the class's hint names start with (its name, unique ignoring case).</param>
/// <param name="Index">The group's place among the class's groups: documents [Index * Size, Index * Size + Size).</param>
/// <param name="Layouts">The group's documents.</param>
internal sealed record DocumentGroup(string ClassName, string HintName, int Index, EquatableArray<DocumentLayout> Layouts)
{
    public const int Size = 8;

    /// <summary>
    /// Groups whose blobs are members of one store class. Every blob is a property, and a type holds at most about
    /// 65,500 methods. The static data fields of a class are at most 60,000 (<c>CORPUS005</c>), and a class's packed
    /// documents (blobs that add no field) are at most <c>Size * GroupsPerStore</c> = 4,096, so no store class passes
    /// 64,096 members.
    /// </summary>
    public const int GroupsPerStore = 512;

    /// <summary>The store class the group's blobs belong to: 0 for the first <see cref="GroupsPerStore"/> groups, and so on.</summary>
    public int StorePart => StorePartOf(Index * Size);

    /// <summary>
    /// Whether the group's first source declares its store class: store class 0 is declared with the API, each later
    /// one by its first group.
    /// </summary>
    public bool DeclaresStorePart => StorePart > 0 && Index % GroupsPerStore == 0;

    /// <summary>The store class that document <paramref name="document"/> (its place in its class's corpus order) belongs to.</summary>
    public static int StorePartOf(int document) => document / Size / GroupsPerStore;
}
