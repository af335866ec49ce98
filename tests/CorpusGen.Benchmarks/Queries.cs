using System;
using System.Collections.Generic;
using System.Linq;

namespace CorpusGen.Benchmarks;

/// <summary>What a query batch holds.</summary>
public enum QueryKind
{
    /// <summary>Headlines (or words) of the corpus, as written.</summary>
    Hit,

    /// <summary>A corpus headline with one character replaced by another letter.</summary>
    CharChanged,

    /// <summary>A corpus headline with one letter inserted.</summary>
    CharAdded,

    /// <summary>A corpus headline (or word) with different case: exact lookup flips one letter, word lookup upper-cases the word.</summary>
    CaseChanged,

    /// <summary>A word with one character changed, not in the corpus.</summary>
    Miss,
}

/// <summary>Query batches, drawn from the corpus with a fixed seed. Every query is a fresh string instance.</summary>
public static class Queries
{
    public const int BatchSize = 1024;

    public static string[] Headlines(IReadOnlyList<string> headlines, QueryKind kind)
    {
        var rng = new Random(42);
        var set = new HashSet<string>(headlines, StringComparer.Ordinal);
        var queries = new string[BatchSize];
        for (int i = 0; i < queries.Length;)
        {
            string headline = headlines[rng.Next(headlines.Count)];
            string query = kind switch
            {
                QueryKind.Hit => new string(headline.AsSpan()),
                QueryKind.CharChanged => Replace(headline, rng),
                QueryKind.CharAdded => headline.Insert(rng.Next(headline.Length + 1), ((char)('a' + rng.Next(26))).ToString()),
                QueryKind.CaseChanged => FlipCase(headline, rng),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            if (kind == QueryKind.Hit || !set.Contains(query))
            {
                queries[i++] = query;
            }
        }

        return queries;
    }

    public static string[] Words(IReadOnlyList<string> headlines, QueryKind kind)
    {
        var rng = new Random(42);
        var words = headlines.SelectMany(ResourceCorpus.Words).ToArray();
        var set = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        var queries = new string[BatchSize];
        for (int i = 0; i < queries.Length;)
        {
            // Drawn from the running text, so frequent words are queried more often, as in real use.
            string word = words[rng.Next(words.Length)];
            string query = kind switch
            {
                QueryKind.Hit => new string(word.AsSpan()),
                QueryKind.CaseChanged => word.ToUpperInvariant(),
                QueryKind.Miss => Replace(word, rng),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            if (kind != QueryKind.Miss || !set.Contains(query))
            {
                queries[i++] = ReferenceEquals(query, word) ? new string(query.AsSpan()) : query;
            }
        }

        return queries;
    }

    private static string Replace(string text, Random rng)
    {
        int at = rng.Next(text.Length);
        char c = text[at];
        char replacement;
        do
        {
            replacement = char.IsUpper(c) ? (char)('A' + rng.Next(26)) : (char)('a' + rng.Next(26));
        }
        while (replacement == c);
        return string.Concat(text.AsSpan(0, at), new ReadOnlySpan<char>(in replacement), text.AsSpan(at + 1));
    }

    private static string FlipCase(string text, Random rng)
    {
        var letters = Enumerable.Range(0, text.Length).Where(i => char.IsLetter(text[i]) && char.ToUpperInvariant(text[i]) != char.ToLowerInvariant(text[i])).ToArray();
        int at = letters[rng.Next(letters.Length)];
        char c = text[at];
        char flipped = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
        return string.Concat(text.AsSpan(0, at), new ReadOnlySpan<char>(in flipped), text.AsSpan(at + 1));
    }
}
