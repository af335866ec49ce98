using System.Collections.Generic;
using System.Text;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// Every distinct headline once, in corpus order, as one UTF-16 string constant. The lookups compare a query with a
/// slice of it: no <c>switch</c> over the blobs (an indirect jump that random queries mispredict) and no UTF-8
/// transcoding. Only for UTF-8 storage (else the blobs are already strings), and only while it stays well inside
/// the user-string heap that <c>ldstr</c> reads it from.
/// </summary>
internal sealed class HeadlineKeys
{
    /// <summary>Code units: 8 MB of the 16 MB user-string heap.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    private HeadlineKeys(string text, int[] start)
    {
        Text = text;
        Start = start;
    }

    /// <summary>The keys, or empty when the lookups read the blobs instead.</summary>
    public string Text { get; }

    /// <summary>Where each headline starts in <see cref="Text"/>; -1 for a repeat of an earlier headline.</summary>
    public int[] Start { get; }

    public bool IsInline => Start.Length > 0 && Text.Length > 0;

    /// <summary>The keys of <paramref name="headlines"/>, given the indices of their first copies.</summary>
    public static HeadlineKeys Build(List<(string Text, TextRange Range)> headlines, IReadOnlyList<int> firstCopies, bool utf8)
    {
        long length = 0;
        foreach (int index in firstCopies)
        {
            length += headlines[index].Range.Length;
        }

        if (!utf8 || length > MaxLength || length == 0)
        {
            return new HeadlineKeys(string.Empty, System.Array.Empty<int>());
        }

        var builder = new StringBuilder((int)length);
        var start = new int[headlines.Count];
        for (int i = 0; i < start.Length; i++)
        {
            start[i] = -1;
        }

        foreach (int index in firstCopies)
        {
            var (text, range) = headlines[index];
            start[index] = builder.Length;
            builder.Append(text, range.Start, range.Length);
        }

        return new HeadlineKeys(builder.ToString(), start);
    }
}
