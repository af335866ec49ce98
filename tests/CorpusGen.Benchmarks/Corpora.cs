using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CorpusGen.Benchmarks;

/// <summary>
/// One generated corpus class seen through static abstract members, so that a generic benchmark instantiated over a
/// struct calls the generated methods directly (the JIT specializes value-type instantiations: no dispatch cost).
/// </summary>
public interface ICorpusAccess
{
    /// <summary>The corpus class's name; also the prefix of its embedded resources.</summary>
    static abstract string Name { get; }

    static abstract int HeadlineCount { get; }

    static abstract string HeadlineAt(int index);

    static abstract int IndexOfHeadline(string text);

    static abstract int IndexOfHeadline(ReadOnlySpan<char> text);

    static abstract int HeadlinesWithWord(string word);

    static abstract int HeadlinesWithWord(ReadOnlySpan<char> word);
}

/// <summary>The seed: 50 headlines (sample/CorpusGen.Sample/news).</summary>
public readonly struct SeedCorpus : ICorpusAccess
{
    public static string Name => "Seed";

    public static int HeadlineCount => Seed.Headlines.Count;

    public static string HeadlineAt(int index) => Seed.Headlines[index];

    public static int IndexOfHeadline(string text) => Seed.IndexOfHeadline(text);

    public static int IndexOfHeadline(ReadOnlySpan<char> text) => Seed.IndexOfHeadline(text);

    public static int HeadlinesWithWord(string word) => Seed.HeadlinesWithWord(word).Count;

    public static int HeadlinesWithWord(ReadOnlySpan<char> word) => Seed.HeadlinesWithWord(word).Count;
}

/// <summary>About 5,000 generated headlines (100 documents).</summary>
public readonly struct MediumCorpus : ICorpusAccess
{
    public static string Name => "Medium";

    public static int HeadlineCount => Medium.Headlines.Count;

    public static string HeadlineAt(int index) => Medium.Headlines[index];

    public static int IndexOfHeadline(string text) => Medium.IndexOfHeadline(text);

    public static int IndexOfHeadline(ReadOnlySpan<char> text) => Medium.IndexOfHeadline(text);

    public static int HeadlinesWithWord(string word) => Medium.HeadlinesWithWord(word).Count;

    public static int HeadlinesWithWord(ReadOnlySpan<char> word) => Medium.HeadlinesWithWord(word).Count;
}

/// <summary>About 50,000 generated headlines (1,000 documents).</summary>
public readonly struct LargeCorpus : ICorpusAccess
{
    public static string Name => "Large";

    public static int HeadlineCount => Large.Headlines.Count;

    public static string HeadlineAt(int index) => Large.Headlines[index];

    public static int IndexOfHeadline(string text) => Large.IndexOfHeadline(text);

    public static int IndexOfHeadline(ReadOnlySpan<char> text) => Large.IndexOfHeadline(text);

    public static int HeadlinesWithWord(string word) => Large.HeadlinesWithWord(word).Count;

    public static int HeadlinesWithWord(ReadOnlySpan<char> word) => Large.HeadlinesWithWord(word).Count;
}

/// <summary>
/// About 5,000 generated headlines (100 documents) written mostly beyond ASCII: a third of the synthetic words in
/// Cyrillic and a third with an accented Latin letter, so that nearly every headline and many words take the paths for
/// text beyond ASCII (UTF-16 keys, case folding by table).
/// </summary>
public readonly struct IntlCorpus : ICorpusAccess
{
    public static string Name => "Intl";

    public static int HeadlineCount => Intl.Headlines.Count;

    public static string HeadlineAt(int index) => Intl.Headlines[index];

    public static int IndexOfHeadline(string text) => Intl.IndexOfHeadline(text);

    public static int IndexOfHeadline(ReadOnlySpan<char> text) => Intl.IndexOfHeadline(text);

    public static int HeadlinesWithWord(string word) => Intl.HeadlinesWithWord(word).Count;

    public static int HeadlinesWithWord(ReadOnlySpan<char> word) => Intl.HeadlinesWithWord(word).Count;
}

/// <summary>
/// About 50,000 headlines written as <see cref="IntlCorpus"/>'s (1,000 documents): past the budget for headline keys
/// beyond ASCII as a UTF-16 string (CorpusPlanBuilder.MaxWideHeadlineKeys), so its keys are UTF-8 and compared as such.
/// </summary>
public readonly struct IntlLargeCorpus : ICorpusAccess
{
    public static string Name => "IntlLarge";

    public static int HeadlineCount => IntlLarge.Headlines.Count;

    public static string HeadlineAt(int index) => IntlLarge.Headlines[index];

    public static int IndexOfHeadline(string text) => IntlLarge.IndexOfHeadline(text);

    public static int IndexOfHeadline(ReadOnlySpan<char> text) => IntlLarge.IndexOfHeadline(text);

    public static int HeadlinesWithWord(string word) => IntlLarge.HeadlinesWithWord(word).Count;

    public static int HeadlinesWithWord(ReadOnlySpan<char> word) => IntlLarge.HeadlinesWithWord(word).Count;
}

/// <summary>
/// What users do without CorpusGen: the corpus files as embedded resources ("&lt;Class&gt;/&lt;file&gt;"), read and
/// parsed at startup. Headlines are read by FORMAT.md's rules (bullet lines from the top of each file).
/// </summary>
public static class ResourceCorpus
{
    public static List<string> ReadHeadlines(string corpus)
    {
        var assembly = typeof(ResourceCorpus).Assembly;
        string prefix = corpus + "/";
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var headlines = new List<string>();
        foreach (string name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var trimmed = line.AsSpan().Trim();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                if (trimmed[0] != '-' || (trimmed.Length > 1 && !char.IsWhiteSpace(trimmed[1])))
                {
                    break;
                }

                var text = trimmed.Slice(1).Trim();
                if (text.Length > 0)
                {
                    headlines.Add(text.ToString());
                }
            }
        }

        return headlines;
    }

    /// <summary>Headline to the index of its first occurrence, as IndexOfHeadline answers.</summary>
    public static Dictionary<string, int> HeadlineIndex(List<string> headlines)
    {
        var index = new Dictionary<string, int>(headlines.Count, StringComparer.Ordinal);
        for (int i = 0; i < headlines.Count; i++)
        {
            index.TryAdd(headlines[i], i);
        }

        return index;
    }

    /// <summary>Word (OrdinalIgnoreCase) to the ascending indices of the headlines that contain it.</summary>
    public static Dictionary<string, int[]> WordIndex(IReadOnlyList<string> headlines)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < headlines.Count; i++)
        {
            foreach (string word in Words(headlines[i]))
            {
                if (!lists.TryGetValue(word, out var list))
                {
                    lists.Add(word, list = new List<int>());
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        return lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Maximal runs of char.IsLetterOrDigit.</summary>
    public static IEnumerable<string> Words(string text)
    {
        for (int p = 0; p < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[p]))
            {
                p++;
                continue;
            }

            int start = p;
            while (p < text.Length && char.IsLetterOrDigit(text[p]))
            {
                p++;
            }

            yield return text.Substring(start, p - start);
        }
    }
}
