using System.Collections.Generic;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// Which documents of a <see cref="DocumentGroup"/> share one literal. Each piece of static data (each <c>u8</c>
/// literal) is a field of the compiler's <c>&lt;PrivateImplementationDetails&gt;</c> class, which the runtime loads
/// with all its fields on the first read of any static data, and an assembly can hold at most 65,535 of them. A news
/// file of 50 headlines and one article is a few KB, so a corpus of small files would take one field per file. So
/// consecutive documents of one blob each share a literal, a <em>pack</em>, while their blobs total at most
/// <see cref="DocumentLayoutBuilder.BlobLimit"/> bytes; a document of several blobs keeps a literal per blob. Each
/// document still has a property of its own (the first holds the literal, the others slice it), so nothing outside
/// its group's store depends on the packing, and an edit that changes one file's length re-emits only that store.
/// UTF-16 blobs (string constants, on targets without <c>u8</c> literals) are not packed: a slice of a string would be
/// a copy.
/// </summary>
internal static class BlobPacking
{
    /// <summary>For each of a group's documents, in order: whether its one blob joins the literal of the document before it.</summary>
    public static bool[] JoinsPrevious(IReadOnlyList<DocumentLayout> layouts)
    {
        var joins = new bool[layouts.Count];
        int packBytes = -1;
        for (int d = 0; d < layouts.Count; d++)
        {
            var layout = layouts[d];
            if (!layout.Utf8 || layout.BlobCount != 1)
            {
                packBytes = -1;
                continue;
            }

            int bytes = layout.BlobLength[0];
            joins[d] = packBytes >= 0 && packBytes + bytes <= DocumentLayoutBuilder.BlobLimit;
            packBytes = joins[d] ? packBytes + bytes : bytes;
        }

        return joins;
    }

    /// <summary>How many literals (static data fields) a group's blobs take: its blobs, less those that join a pack.</summary>
    public static int Literals(IReadOnlyList<DocumentLayout> layouts)
    {
        var joins = JoinsPrevious(layouts);
        int literals = 0;
        for (int d = 0; d < layouts.Count; d++)
        {
            literals += joins[d] ? 0 : layouts[d].BlobCount;
        }

        return literals;
    }
}
