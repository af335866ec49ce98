using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>What the plan's memos share.</summary>
internal static class RunMemo
{
    /// <summary>No document differs from the previous run's.</summary>
    public const int NoneEdited = -1;

    /// <summary>More than one document differs, or their number.</summary>
    public const int ManyEdited = -2;

    /// <summary>
    /// The one position where <paramref name="documents"/> holds another summary than <paramref name="previous"/>,
    /// <see cref="NoneEdited"/> or <see cref="ManyEdited"/>.
    /// </summary>
    public static int EditedDocument(DocumentSummary[] previous, IReadOnlyList<DocumentSummary> documents)
    {
        if (documents.Count != previous.Length)
        {
            return ManyEdited;
        }

        int edited = NoneEdited;
        for (int d = 0; d < documents.Count; d++)
        {
            if (!ReferenceEquals(documents[d], previous[d]))
            {
                if (edited >= 0)
                {
                    return ManyEdited;
                }

                edited = d;
            }
        }

        return edited;
    }
}

/// <summary>
/// What a run of the plan leaves for the next one, found again through the driver's cached summaries: the first and
/// the last document of the run it was made for (an edit changes at most one of them). An entry goes when the driver
/// lets go of its summary. Whoever uses a memo locks it, and checks that it was made for the documents at hand.
/// </summary>
internal static class RunMemo<T>
    where T : class
{
    private static readonly ConditionalWeakTable<DocumentSummary, T> s_memos = new();

    public static T? Find(IReadOnlyList<DocumentSummary> documents)
    {
        if (documents.Count == 0)
        {
            return null;
        }

        return s_memos.TryGetValue(documents[0], out var memo) || s_memos.TryGetValue(documents[documents.Count - 1], out memo) ? memo : null;
    }

    public static void Register(IReadOnlyList<DocumentSummary> documents, T memo)
    {
        if (documents.Count == 0)
        {
            return;
        }

        lock (s_memos)
        {
            foreach (var key in new[] { documents[0], documents[documents.Count - 1] })
            {
                if (!s_memos.TryGetValue(key, out var found) || !ReferenceEquals(found, memo))
                {
                    s_memos.Remove(key);
                    s_memos.Add(key, memo);
                }
            }
        }
    }
}
