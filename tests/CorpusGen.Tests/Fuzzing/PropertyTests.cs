using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CorpusGen.Emitting;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace CorpusGen.Tests.Fuzzing;

/// <summary>
/// Seeded property tests: random hostile corpora must generate without an exception, compile clean and read back
/// exactly as <see cref="ReferenceReader"/> reads them, and both lookups must agree with a dictionary. Each case is
/// one compilation of many files, so a few thousand documents fit in CI time. A failure names its seed and case;
/// set <c>CORPUSGEN_FUZZ_SEED</c> to that seed to run the same corpora again (or to explore new ones).
/// </summary>
public sealed class PropertyTests
{
    public const string SeedVariable = "CORPUSGEN_FUZZ_SEED";

    private const int RandomCorpusCount = 40;
    private const int FilesPerCorpus = 50;

    private static readonly int BaseSeed =
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : 6_2025;

    /// <summary>The targets a case is compiled for: each picks a different blob encoding or run-time path.</summary>
    public enum Target
    {
        /// <summary>C# latest on .NET 10: UTF-8 blobs, span tables, vectorized ASCII comparison.</summary>
        Latest,

        /// <summary>C# latest on .NET 10, with lone surrogates in the text: UTF-16 blobs.</summary>
        LoneSurrogates,

        /// <summary>C# 10: no u8 literals, so UTF-16 blobs.</summary>
        CSharp10,

        /// <summary>C# latest against .NET 8's reference assemblies.</summary>
        Net80,

        /// <summary>C# 7: no spans, so arrays and UTF-16 strings, as for .NET Framework and netstandard2.0 consumers.</summary>
        CSharp7,
    }

    public static TheoryData<int> RandomCorpusCases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < RandomCorpusCount; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCorpusCases))]
    public void Random_corpus_generates_compiles_and_reads_as_the_reference_reader(int caseIndex)
    {
        var target = (Target)(caseIndex % 5);
        var random = new CorpusTextGenerator(CaseSeed(caseIndex), loneSurrogates: target == Target.LoneSurrogates);
        var files = new List<CorpusFileSpec>();
        for (int i = 0; i < FilesPerCorpus; i++)
        {
            string path = RandomPath(random.Random, i);
            files.Add(random.Random.Next(5) == 0 && target != Target.LoneSurrogates
                ? CorpusFileSpec.FromBytes(path, random.DocumentBytes())
                : new CorpusFileSpec(path, random.Document()));
        }

        CheckCorpus(caseIndex, files, target, random);
    }

    [Theory]
    [InlineData(100, Target.Latest)]
    [InlineData(101, Target.CSharp10)]
    [InlineData(102, Target.LoneSurrogates)]
    public void Corpus_with_many_headlines_per_file_reads_as_the_reference_reader(int caseIndex, Target target)
    {
        var random = new CorpusTextGenerator(CaseSeed(caseIndex), loneSurrogates: target == Target.LoneSurrogates);
        var files = Enumerable.Range(0, 8)
            .Select(i => new CorpusFileSpec(RandomPath(random.Random, i), random.HeadlineHeavyDocument(random.Random.Next(50, 250))))
            .ToList();

        CheckCorpus(caseIndex, files, target, random);
    }

    [Theory]
    [InlineData(200, Target.Latest, 4, 1500)]
    [InlineData(201, Target.CSharp10, 4, 1500)]
    [InlineData(202, Target.Latest, 16, 1500)]
    [InlineData(203, Target.CSharp10, 16, 1500)]
    [InlineData(204, Target.CSharp7, 4, 1500)]
    public void Thousands_of_headlines_are_all_found_by_IndexOfHeadline(int caseIndex, Target target, int fileCount, int headlinesPerFile)
    {
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var files = Enumerable.Range(0, fileCount)
            .Select(i => new CorpusFileSpec($"/project/news/bulk{i}.txt", random.HeadlineHeavyDocument(headlinesPerFile)))
            .ToList();

        var (values, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 1);

        Assert.True(values.Headlines.Count >= fileCount * headlinesPerFile * 9 / 10, $"only {values.Headlines.Count} headlines");

        // Fingerprints (a define of the API file) wait for 16 MiB of keys, far more than these 1.5 MB: the near misses
        // above compare keys. Headlines_beyond_ascii_are_found_exactly_and_their_look_alikes_are_not takes the
        // fingerprint path, with keys in planes.
        Assert.DoesNotContain("#define CORPUSGEN_HEADLINE_FINGERPRINTS", output.Sources["Corpus.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300, Target.Latest, 2000)]
    [InlineData(301, Target.CSharp10, 2000)]
    [InlineData(302, Target.CSharp7, 2000)]
    public void Headlines_that_differ_only_in_the_middle_use_the_full_hash_and_are_all_found(int caseIndex, Target target, int count)
    {
        // Same length, same first 40 and last 4 code units: every probe offset sees the same text, so the probe hash
        // puts them all in one bucket and the index must fall back to hashing every code unit.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append("- Headline AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")
                .Append(i.ToString("D4", CultureInfo.InvariantCulture))
                .Append(" end\n");
        }

        text.Append("- Headline AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA 0001 end\n");
        text.Append("Title\nParagraph\n");
        var files = new[] { new CorpusFileSpec("/project/news/same.txt", text.ToString()) };

        var (_, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 2);

        // The shard's table starts with its probe: -1 is the full hash.
        Assert.Equal(-1, FirstCells(output.Sources["Corpus.Index.Headlines.0.g.cs"], 1)[0]);
    }

    [Theory]
    [InlineData(305, Target.Latest, 2000)]
    [InlineData(306, Target.CSharp10, 2000)]
    [InlineData(307, Target.CSharp7, 2000)]
    public void Headlines_alike_at_both_ends_use_another_probe_offset_and_are_all_found(int caseIndex, Target target, int count)
    {
        // Same length, same first and last four code units, a number right after the first four: the partition hash
        // puts them all in one slot, and the shard must take the probe offset that reads the number. Any other text
        // keeps the partition hash (ShardBuilder.MaxProbeChain), so only corpora like this one reach that path.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append("- Live").Append(i.ToString("D4", CultureInfo.InvariantCulture)).Append(" updates from the region, as they happen\n");
        }

        text.Append("Title\nParagraph\n");
        var files = new[] { new CorpusFileSpec("/project/news/live.txt", text.ToString()) };

        var (_, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 2);

        // The shard's table starts with its probe: the offset of the four code units hashed after the first read.
        Assert.Equal(4, FirstCells(output.Sources["Corpus.Index.Headlines.0.g.cs"], 1)[0]);
    }

    [Theory]
    [InlineData(310, Target.Latest, 3000)]
    [InlineData(311, Target.CSharp10, 3000)]
    [InlineData(312, Target.CSharp7, 3000)]
    public void Words_alike_at_both_ends_use_the_full_hash_and_are_all_found(int caseIndex, Target target, int count)
    {
        // Same length, same first and last four code units: one probe hash, so without the fall-back to hashing every
        // code unit a lookup would compare all of them. CheckCorpus also asks for each word upper- and lower-cased. The
        // short words (k0 to k399) land in every shard, full-hash ones too, where they are placed by that hash as well.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            string middle = i.ToString("D5", CultureInfo.InvariantCulture);
            text.Append("- Word abcd").Append(middle).Append("wxyz and abcd").Append(i % 7 == 0 ? "Q" + middle : "q" + middle).Append("wxyz k")
                .Append((i % 400).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("Title\nParagraph\n");
        var files = new[] { new CorpusFileSpec("/project/news/words.txt", text.ToString()) };

        // The short words of the full-hash shards, placed by a hash that folds ASCII by bit 5, with every code unit
        // swapped for hostile ones (a control character there lands in the digit's bucket, and the packed value must
        // turn it away).
        var extra = Enumerable.Range(0, 400).SelectMany(k => HostileVariants("k" + k.ToString(CultureInfo.InvariantCulture)));
        var (_, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 1, extraQueries: extra);

        var wordTables = output.Sources.Where(source => source.Key.StartsWith("Corpus.Index.Words.", StringComparison.Ordinal)).ToList();
        Assert.Contains(wordTables, source => FirstCells(source.Value, 1)[0] < 0);
    }

    [Theory]
    [InlineData(320, Target.Latest)]
    [InlineData(321, Target.CSharp10)]
    [InlineData(322, Target.CSharp7)]
    public void Short_ascii_words_held_in_their_rows_match_exactly(int caseIndex, Target target)
    {
        // Words of at most 8 ASCII code units are stored in their rows (CorpusHash.PackShort) and compared there:
        // words of 1 to 10 code units around that limit, letters in both cases and digits, a few with a letter beyond
        // ASCII. CheckCorpus also asks for each word upper- and lower-cased, near misses, and digits swapped for the
        // control characters that hash as they do.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        const string alphabet = "aAbBkKsSzZ0123456789";
        string Word()
        {
            var word = new StringBuilder();
            int length = random.Random.Next(1, 11);
            for (int i = 0; i < length; i++)
            {
                word.Append(random.Random.Next(40) == 0 ? '\u00E9' : alphabet[random.Random.Next(alphabet.Length)]);
            }

            return word.ToString();
        }

        var text = new StringBuilder();
        for (int i = 0; i < 600; i++)
        {
            text.Append("- ").Append(string.Join(" ", Enumerable.Range(0, 6).Select(_ => Word()))).Append('\n');
        }

        text.Append("Title\nParagraph\n");
        CheckCorpus(caseIndex, new[] { new CorpusFileSpec("/project/news/short.txt", text.ToString()) }, target, random, nearMissesPerHeadline: 1);
    }

    /// <summary>
    /// Code units a query's word may hold in place of a corpus word's: ASCII that is no part of a word (next to the
    /// letter ranges, so a wrong range test in the SWAR lower-casing would show), control characters that fold like
    /// digits by bit 5, the ends of one byte, Latin-1 letters, the characters that some casing rules take to ASCII
    /// letters (Kelvin sign, long s, dotted and dotless i), and lone surrogates.
    /// </summary>
    private const string HostileUnits =
        "@[`{-. \0\u007F\u0001\u0010\u0019\u001A\u001F\u0080\u00FF\u00B5\u00E9\u00C9\u0130\u0131\u212A\u017F\u0100\u0141\u0161\uD800\uDC00\uFFFF";

    /// <summary>
    /// Queries around <paramref name="word"/>: each code unit replaced by every one of <see cref="HostileUnits"/>,
    /// by itself with bit 5 or bit 0 flipped, with bit 7 set and with a high byte (the packed value keeps only the low
    /// byte of each code unit, so a lost ASCII test would equate these with the word), and the word one code unit
    /// longer or shorter at either end.
    /// </summary>
    private static IEnumerable<string> HostileVariants(string word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            string before = word.Substring(0, i), after = word.Substring(i + 1);
            char c = word[i];
            foreach (char h in HostileUnits + new string(new[] { (char)(c ^ 0x20), (char)(c ^ 0x01), (char)(c | 0x80), (char)(c | 0x100), (char)(c | 0x7F00) }))
            {
                yield return before + h + after;
            }

            yield return before + char.ToUpperInvariant(c) + after;
            yield return before + char.ToLowerInvariant(c) + after;
        }

        foreach (char h in "a0@\0\u00E9")
        {
            yield return word + h;
            yield return h + word;
        }

        if (word.Length > 0)
        {
            yield return word.Substring(1);
            yield return word.Substring(0, word.Length - 1);
        }
    }

    [Theory]
    [InlineData(700, Target.Latest, 250, false)]
    [InlineData(701, Target.CSharp10, 250, false)]
    [InlineData(702, Target.CSharp7, 250, false)]
    [InlineData(706, Target.Latest, 12_000, true)]
    [InlineData(707, Target.CSharp10, 12_000, true)]
    [InlineData(708, Target.CSharp7, 12_000, true)]
    public void Short_words_are_not_matched_by_hostile_queries_of_every_length(int caseIndex, Target target, int headlineCount, bool sharded)
    {
        // Words of 1 to 9 ASCII code units whose packed values are candidates for one another: first, middle and last
        // code units repeated ("aa", "aaa", "aba"), the doubly read middle of lengths 5 to 7 ("abcba", "abccba"),
        // digits, both cases. Every query of HostileVariants around every word, runs of one character of every length
        // around the limit, a huge one, and random short strings from letters, digits and hostile code units; the
        // oracle is OrdinalIgnoreCase over the corpus's words. With enough headlines the word index is split into
        // shards, chosen by the top bits of the short-word hash at run time as at compile time.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        string[] fixedWords =
        {
            "a", "A", "b", "z", "Z", "0", "9", "k", "K", "s", "S", "i", "I",
            "aa", "ab", "ba", "bb", "zz", "q0", "0a",
            "aaa", "aba", "aab", "abb", "bab", "abc", "x9z", "0a0", "Zz9",
            "aaaa", "abab", "abba", "abcd", "AbCd",
            "aaaaa", "abcde", "abcba", "aabaa", "a0a0a",
            "aaaaaa", "abcdef", "abccba", "aaabbb",
            "aaaaaaa", "abcdefg", "abcxcba", "mixedCS",
            "aaaaaaaa", "abcdefgh", "abcddcba", "ABCDEFGH", "AbCdEfGh", "12345678",
            "aaaaaaaaa", "abcdefghi", "123456789", "abcdxefgh",
        };
        const string alphabet = "abzABZ019";
        string RandomWord()
        {
            var word = new StringBuilder();
            int length = random.Random.Next(1, 10);
            for (int i = 0; i < length; i++)
            {
                word.Append(alphabet[random.Random.Next(alphabet.Length)]);
            }

            return word.ToString();
        }

        // Words between characters that are not letters or digits, ASCII neighbours of the letter ranges among them.
        string[] separators = { " ", " - ", "@", "[", "`", "{", ", ", "'", "/", "\u00A0" };
        var corpusWords = fixedWords.Concat(Enumerable.Range(0, sharded ? 2000 : 150).Select(_ => RandomWord())).ToList();
        var text = new StringBuilder();
        for (int i = 0; i < headlineCount; i++)
        {
            text.Append("- ").Append(corpusWords[random.Random.Next(corpusWords.Count)]);
            int more = random.Random.Next(1, 8);
            for (int w = 0; w < more; w++)
            {
                text.Append(separators[random.Random.Next(separators.Length)]).Append(corpusWords[random.Random.Next(corpusWords.Count)]);
            }

            text.Append('\n');
        }

        // Every fixed word in some headline, so that each is a hit to miss by one code unit.
        text.Append("- ").Append(string.Join(" ", fixedWords)).Append('\n');
        text.Append("Title\nParagraph\n");

        const string fuzzUnits = "abzABZ019@[`{\0\u007F\u0010\u0019 \u00E9\u212A\u017F\u0131\uD800";
        var extra = corpusWords.Distinct(StringComparer.Ordinal).SelectMany(HostileVariants)
            .Concat("aAbz0@`{\0".SelectMany(c => Enumerable.Range(1, 10).Select(n => new string(c, n))))
            .Concat(new[] { new string('a', 1 << 20), "a" + new string('\0', 100_000), new string('\uD800', 9), "\uD800\uDC00", "\uDC00" })
            .Concat(Enumerable.Range(0, 3000).Select(_ =>
                new string(Enumerable.Range(0, random.Random.Next(1, 11)).Select(_ => fuzzUnits[random.Random.Next(fuzzUnits.Length)]).ToArray())))
            .ToList();

        var (_, output) = CheckCorpus(
            caseIndex, new[] { new CorpusFileSpec("/project/news/short.txt", text.ToString()) }, target, random, nearMissesPerHeadline: sharded ? 0 : 1, extraQueries: extra);

        int wordShards = output.Sources.Count(source => source.Key.StartsWith("Corpus.Index.Words.", StringComparison.Ordinal));
        Assert.True(sharded ? wordShards > 1 : wordShards == 1, $"{wordShards} word shard(s)");
    }

    [Theory]
    [InlineData(710, Target.Latest, 3_000, false)]
    [InlineData(711, Target.Latest, 16_000, true)]
    [InlineData(712, Target.CSharp10, 3_000, false)]
    [InlineData(713, Target.CSharp7, 3_000, false)]
    public void Headlines_beyond_ascii_are_found_exactly_and_their_look_alikes_are_not(int caseIndex, Target target, int headlineCount, bool pastWideKeyLimit)
    {
        // Headlines of ASCII runs of every length around the 16 code units the UTF-8 key comparison takes at a time,
        // with characters of two, three and four UTF-8 bytes between them: among them U+0080 to U+00FF, whose code
        // units equal UTF-8 lead and continuation bytes, so that a comparison of bytes with code units that forgets to
        // decode would match the mojibake of a key. With UTF-8 blobs, up to CorpusPlanBuilder.MaxWideHeadlineKeys code
        // units of such headlines are keys of their own, a string literal (compared as memory); past it they are three
        // planes in the UTF-8 keys (compared by PlaneEquals). Queries: every headline,
        // and around each non-ASCII character its mojibake, its neighbours, its removal, a lone or swapped surrogate,
        // the text cut before and after it, and one ASCII code unit changed in each of the last 17.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        string[] wide =
        {
            "\u00E9", "\u00C3", "\u00A9", "\u0080", "\u00BF", "\u00FF", "\u0100", "\u07FF", "\u0800", "\u2019", "\u201C",
            "\u2014", "\u20AC", "\u6771", "\uFFFD", "\uD83D\uDE00", "\uD834\uDD1E", "\uDBFF\uDFFD",
        };
        const string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.'?";
        string Run(int length) => new string(Enumerable.Range(0, length).Select(_ => ascii[random.Random.Next(ascii.Length)]).ToArray());

        var headlines = new List<string>();
        for (int i = 0; i < headlineCount; i++)
        {
            var headline = new StringBuilder("N").Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ');
            int pieces = random.Random.Next(1, 5);
            for (int p = 0; p < pieces; p++)
            {
                headline.Append(Run(random.Random.Next(0, 34)));
                headline.Append(wide[random.Random.Next(wide.Length)]);
            }

            headline.Append(Run(random.Random.Next(1, 40)).Trim()).Append('x');
            headlines.Add(headline.ToString());
        }

        var text = new StringBuilder();
        foreach (string headline in headlines)
        {
            text.Append("- ").Append(headline).Append('\n');
        }

        text.Append("Title\nParagraph\n");

        static string Mojibake(string unit) => new string(Encoding.UTF8.GetBytes(unit).Select(b => (char)b).ToArray());
        var queries = new List<string>();
        foreach (string headline in headlines.Take(3_000))
        {
            for (int at = 0; at < headline.Length; at++)
            {
                char c = headline[at];
                if (c < 0x80)
                {
                    continue;
                }

                int width = char.IsHighSurrogate(c) ? 2 : 1;
                string unit = headline.Substring(at, width);
                string before = headline.Substring(0, at), after = headline.Substring(at + width);
                queries.Add(before + Mojibake(unit) + after);
                queries.Add(before + after);
                queries.Add(before);
                queries.Add(before + unit);
                if (width == 1)
                {
                    queries.Add(before + (char)(c + 1) + after);
                    queries.Add(before + (char)(c - 1) + after);
                }
                else
                {
                    queries.Add(before + unit[0] + (char)(unit[1] + 1) + after);
                    queries.Add(before + (char)(unit[0] - 1) + unit[1] + after);
                    queries.Add(before + unit[1] + unit[0] + after);
                    queries.Add(before + unit[0] + after);
                    queries.Add(before + unit[1] + after);
                    queries.Add(before + unit[0] + "x" + after);
                }

                at += width - 1;
            }

            for (int back = 1; back <= Math.Min(17, headline.Length); back++)
            {
                int at = headline.Length - back;
                if (headline[at] < 0x80 && !char.IsSurrogate(headline[at]))
                {
                    queries.Add(headline.Substring(0, at) + (headline[at] == 'q' ? 'r' : 'q') + headline.Substring(at + 1));
                }
            }

            queries.Add(headline + "\u00E9");
            queries.Add(headline + "\uD83D");
        }

        var (_, output) = CheckCorpus(
            caseIndex, new[] { new CorpusFileSpec("/project/news/wide.txt", text.ToString()) }, target, random, nearMissesPerHeadline: 1,
            extraHeadlineQueries: queries);

        string api = output.Sources.Single(source => source.Key == "Corpus.g.cs").Value;
        Assert.Equal(target == Target.Latest && !pastWideKeyLimit, api.Contains("#define CORPUSGEN_WIDE_HEADLINE_KEYS", StringComparison.Ordinal));
        Assert.Equal(pastWideKeyLimit, headlines.Sum(h => (long)h.Length) > Indexing.CorpusPlanBuilder.MaxWideHeadlineKeys);
        // Keys in planes are always behind a fingerprint, so these near misses also go through that path.
        Assert.Equal(pastWideKeyLimit, api.Contains("#define CORPUSGEN_HEADLINE_FINGERPRINTS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(703, Target.Latest)]
    [InlineData(704, Target.CSharp10)]
    [InlineData(705, Target.CSharp7)]
    public void Short_words_beyond_ascii_and_their_ascii_look_alikes_match_as_OrdinalIgnoreCase(int caseIndex, Target target)
    {
        // Headlines of many short words, a few of them with letters beyond ASCII: those have no packed value and
        // take the long path at any length, and must not be found by (or find) the ASCII words they resemble under
        // some casing rules. Latin-1, the Kelvin and Angstrom and Ohm signs, long s, dotted and dotless i, micro sign
        // and mu, titlecase digraphs, final sigma, sharp s, Arabic-Indic digits, a ligature; the non-ASCII unit first,
        // last, and in the doubly read middle of lengths 5 to 7.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        string[] words =
        {
            "\u00E9", "\u00C9", "\u00FF", "\u0178", "\u0131", "\u0130", "i", "I", "\u017F", "s", "S", "\u212A", "k", "K",
            "\u212B", "\u00C5", "\u00E5", "\u2126", "\u03A9", "\u03C9", "\u00B5", "\u03BC", "\u039C", "m",
            "\u01C5", "\u01C4", "\u01C6", "dz", "DZ", "\u03C3", "\u03C2", "\u03A3", "\u00DF", "\u1E9E", "ss", "\uFB00", "ff",
            "\u0661\u0662", "12", "caf\u00E9", "CAF\u00C9", "cafe", "na\u00EFve", "naive", "M\u00FCller", "m\u00DC",
            "a\u00E9", "\u00E9a", "abc\u00E9", "\u00E9abcdefg", "abcdefg\u00E9", "abc\u00E9efgh", "ab\u00E9de", "abc\u00E9efg",
            "abcde", "abcdefg", "abcdefgh", "\u212Aelvin", "kelvin", "Kelvin", "\u017Fun", "sun", "\u0131ce", "ice", "\u0130CE", "ICE",
            "\u03A3\u0391\u03A3", "\u03C3\u03B1\u03C2",
        };

        string[] separators = { " ", " - ", "@", ", ", "\u00A0" };
        var text = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            text.Append("- ").Append(words[random.Random.Next(words.Length)]);
            int more = random.Random.Next(1, 10);
            for (int w = 0; w < more; w++)
            {
                text.Append(separators[random.Random.Next(separators.Length)]).Append(words[random.Random.Next(words.Length)]);
            }

            text.Append('\n');
        }

        text.Append("- ").Append(string.Join(" ", words)).Append('\n');
        text.Append("Title\nParagraph\n");

        // Each word's code units swapped for the others' (each case of a letter beyond ASCII, and its look-alikes) and
        // for the hostile ones.
        string units = new string(words.SelectMany(w => w).Concat(words.SelectMany(w => w.ToUpperInvariant() + w.ToLowerInvariant())).Distinct().ToArray());
        var extra = words.SelectMany(HostileVariants)
            .Concat(words.SelectMany(w => Enumerable.Range(0, w.Length).SelectMany(i => units.Select(u => w.Substring(0, i) + u + w.Substring(i + 1)))))
            .ToList();

        CheckCorpus(caseIndex, new[] { new CorpusFileSpec("/project/news/wide.txt", text.ToString()) }, target, random, nearMissesPerHeadline: 1, extraQueries: extra);
    }

    /// <summary>
    /// The first <paramref name="count"/> cells of the first table in a shard's source: written as ints (arrays for
    /// targets without spans), or two to a ulong, the first in the low half.
    /// </summary>
    private static int[] FirstCells(string source, int count)
    {
        var ints = Regex.Match(source, @"new int\[\]\s*\{\s*((?:-?\d+,\s*){" + count.ToString(CultureInfo.InvariantCulture) + "})");
        if (ints.Success)
        {
            return ints.Groups[1].Value.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0)
                .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        }

        var pairs = Regex.Match(source, @"new ulong\[\]\s*\{\s*((?:0x[0-9A-F]+UL,\s*){" + ((count + 1) / 2).ToString(CultureInfo.InvariantCulture) + "})");
        Assert.True(pairs.Success, "no index table in the source");
        return pairs.Groups[1].Value.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0)
            .Select(n => ulong.Parse(n.Substring(2, n.Length - 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .SelectMany(pair => new[] { unchecked((int)pair), unchecked((int)(pair >> 32)) })
            .Take(count).ToArray();
    }

    [Theory]
    [InlineData(400, Target.Latest)]
    [InlineData(401, Target.CSharp10)]
    public void Values_around_the_blob_limit_read_back_whole(int caseIndex, Target target)
    {
        // A value that closes the first blob, followed by small values that share the second blob with it: their
        // offsets in that blob are far larger than anything in the first.
        const int Limit = 192 * 1024;
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var files = new List<CorpusFileSpec>();
        foreach (int title in new[] { Limit - 8, Limit + 1 })
        {
            string name = "edge" + title.ToString(CultureInfo.InvariantCulture) + ".txt";
            files.Add(new CorpusFileSpec("/project/news/" + name, "- h\n" + new string('t', title) + "\np\nq\n- x -\nr\nA--B\n"));
        }

        files.Add(new CorpusFileSpec("/project/news/wide.txt", "- h\n" + Repeat("é", (Limit / 2) - 4) + "\nabc\nA--B\n"));

        CheckCorpus(caseIndex, files, target, random);
    }

    [Theory]
    [InlineData(500, Target.Latest, 150)]
    [InlineData(501, Target.CSharp10, 150)]
    [InlineData(502, Target.Latest, 2100)]
    [InlineData(503, Target.Latest, 4200)]
    public void Every_blob_is_reached_through_the_blob_accessors(int caseIndex, Target target, int fileCount)
    {
        // One blob per file (small files of a group share a literal, but each keeps a property of its own): past 64
        // blobs the accessor switches on the run of 64 first, to a method per run (BlobRun<n>), past 2,048 it is split
        // into files of its own (Corpus.Blobs.<n>), past 4,096 files the blobs go on in a second store class, and every
        // value must still read back from its own blob.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var files = Enumerable.Range(0, fileCount)
            .Select(i => new CorpusFileSpec($"/project/news/many{i:D4}.txt", random.HeadlineHeavyDocument(random.Random.Next(1, 4))))
            .ToList();

        var (values, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 1);

        Assert.Equal(fileCount, values.Documents.Count);
        string tables = output.Sources.Single(source => source.Key.StartsWith("Corpus.Tables", StringComparison.Ordinal)).Value;
        int chunks = output.Sources.Count(source => source.Key.StartsWith("Corpus.Blobs.", StringComparison.Ordinal));
        if (fileCount > 2048)
        {
            Assert.Equal((fileCount + 2047) / 2048, chunks);
            Assert.Contains("switch (blob >> 11)", tables, StringComparison.Ordinal);
            // The first chunk's 2,048 blobs are 32 runs; the last chunk's 52 are one switch.
            string first = output.Sources.Single(source => source.Key == "Corpus.Blobs.0.g.cs").Value;
            Assert.Contains("case 31: return BlobRun31(blob);", first, StringComparison.Ordinal);
            var secondStore = output.Sources.Where(source => source.Value.Contains("internal static partial class CorpusGen_Corpus_Store1", StringComparison.Ordinal)).ToList();
            Assert.Equal(fileCount > 4096 ? (fileCount - 4096 + 7) / 8 : 0, secondStore.Count);
            // One of them declares it, with its documentation.
            Assert.Equal(fileCount > 4096 ? 1 : 0, secondStore.Count(source => source.Value.Contains("/// <summary>The text of documents of", StringComparison.Ordinal)));
        }
        else
        {
            Assert.Equal(0, chunks);
            Assert.Contains("switch (blob >> 6)", tables, StringComparison.Ordinal);
            Assert.Contains("BlobRun" + ((fileCount - 1) >> 6).ToString(CultureInfo.InvariantCulture) + "(int blob)", tables, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(600, Target.Latest)]
    [InlineData(601, Target.CSharp10)]
    public void Blobs_of_a_group_of_large_files_are_split_into_sources_of_about_a_megabyte(int caseIndex, Target target)
    {
        // Ten files of about 450 KB (three blobs each): the first eight share a group, whose blobs take several
        // sources; the last two make a group of one source. Every value must read back, whichever source holds it.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        string Paragraph() => string.Join(" ", Enumerable.Range(0, 150).Select(_ => "w" + random.Random.Next(100_000).ToString(CultureInfo.InvariantCulture)));
        var files = Enumerable.Range(0, 10)
            .Select(i => new CorpusFileSpec(
                $"/project/news/big{i:D2}.txt",
                $"- Headline {i}\nTitle {i}\n" + string.Join("\n", Enumerable.Range(0, 440).Select(_ => Paragraph())) + "\nA. Writer--DESK\n"))
            .ToList();

        var (values, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 1);

        Assert.Equal(10, values.Documents.Count);
        var store = output.Sources.Where(source => source.Key.StartsWith("Corpus.Store.", StringComparison.Ordinal)).ToList();
        Assert.Contains(store, source => source.Key == "Corpus.Store.1.g.cs");
        int firstGroupParts = store.Count(source => source.Key.StartsWith("Corpus.Store.0.", StringComparison.Ordinal));
        Assert.InRange(firstGroupParts, 3, 6);
        Assert.All(store, source => Assert.True(source.Value.Length <= 1_000_000 + (200 * 1024), $"{source.Key}: {source.Value.Length} characters"));
    }

    [Theory]
    [InlineData(610, Target.Latest)]
    [InlineData(611, Target.CSharp10)]
    [InlineData(612, Target.CSharp7)]
    public void A_document_of_150000_values_has_its_header_in_pieces_and_reads_back_whole(int caseIndex, Target target)
    {
        // A file of a year's headlines, or a book, has a header of several hundred KB (three numbers or so per value).
        // Past DocumentLayoutBuilder.HeaderPieceNumbers numbers it goes on at the start of the blobs after the first, so
        // that no literal holds more than a piece of it beside its 192 KiB of values: here about 150,000 numbers in ten
        // pieces (nine blobs of header alone, then seven of values), where the header and the first blob's values were
        // one literal of about 800,000 characters before.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var text = new StringBuilder();
        for (int h = 0; h < 20_000; h++)
        {
            text.Append("- Headline ").Append(h.ToString(CultureInfo.InvariantCulture)).Append(h % 7 == 0 ? " caf\u00E9\n" : " news\n");
        }

        text.Append("A year of news\n");
        for (int p = 0; p < 129_000; p++)
        {
            if (p % 1_000 == 999)
            {
                text.Append("- Part ").Append(p.ToString(CultureInfo.InvariantCulture)).Append(" -\n");
            }

            text.Append('p').Append(p.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("A.Writer--DESK\n");
        var (values, output) = CheckCorpus(caseIndex, new[] { new CorpusFileSpec("/project/news/year.txt", text.ToString()) }, target, random, nearMissesPerHeadline: 1);

        Assert.Equal(20_000, values.Headlines.Count);
        var literals = output.Sources.Where(source => source.Key.StartsWith("Corpus.Store.", StringComparison.Ordinal))
            .SelectMany(source => Regex.Matches(source.Value, "\"(?:[^\"\\\\]|\\\\.)*\"(?:u8)?;").Select(match => match.Length))
            .ToList();
        Assert.True(literals.Count >= 14, literals.Count.ToString(CultureInfo.InvariantCulture));
        Assert.All(literals, length => Assert.InRange(length, 1, 400_000));
    }

    [Theory]
    [InlineData(620, Target.Latest)]
    [InlineData(621, Target.CSharp7)]
    public void Headers_of_one_piece_exactly_and_of_one_number_more_read_back_whole(int caseIndex, Target target)
    {
        // One blob of values and one section (the lead): a header of 8 + 3 + 2 * blobs + values numbers. 16,371 values
        // make exactly DocumentLayoutBuilder.HeaderPieceNumbers (16,384) numbers, one piece; one value more makes two
        // pieces, whose first blob holds no value, and so one more blob and two more numbers.
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var files = new List<CorpusFileSpec>();
        foreach (int valueCount in new[] { 16_370, 16_371, 16_372, 16_373 })
        {
            // The file name, one headline, the title, then paragraphs.
            var text = new StringBuilder("- h\nT\n");
            for (int p = 0; p < valueCount - 3; p++)
            {
                text.Append((char)('a' + (p % 26))).Append('\n');
            }

            files.Add(new CorpusFileSpec("/project/news/v" + valueCount.ToString(CultureInfo.InvariantCulture) + ".txt", text.ToString()));
        }

        Assert.Equal(16_384, Indexing.DocumentLayoutBuilder.HeaderPieceNumbers);
        var (values, output) = CheckCorpus(caseIndex, files, target, random);
        Assert.Equal(new[] { 16_367, 16_368, 16_369, 16_370 }, values.Documents.Select(d => d.Article!.Paragraphs.Count).ToArray());
        string store = string.Concat(output.Sources.Where(source => source.Key.StartsWith("Corpus.Store.", StringComparison.Ordinal)).Select(source => source.Value));
        Assert.DoesNotContain("v16371.txt, part", store, StringComparison.Ordinal);
        Assert.Contains("v16372.txt, part 1 of 2", store, StringComparison.Ordinal);
        Assert.Contains("v16373.txt, part 2 of 2", store, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, Target.Latest)]
    [InlineData(401, Target.CSharp10)]
    [InlineData(402, Target.CSharp7)]
    public void Sources_written_to_a_size_estimate_keep_their_writers_buffer(int caseIndex, Target target)
    {
        // The blob, constants and shard sources are written into a buffer sized from an estimate that mirrors their
        // writers (CorpusEmitter's BlobSourceSize, ConstantsSize and PackedTableSize). Within 1/32 the text keeps the
        // buffer; off by more, the text is a copy, and each source costs an allocation and a copy of its size again.
        // News-like text: words, quotes, Latin-1 letters, typographic punctuation (text heavy with escapes or in a
        // non-Latin script is written as a copy, or as a string, and is not what the estimates are tuned for).
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        string Word() => random.Random.Next(12) switch
        {
            0 => "\"quoted\"",
            1 => "caf\u00E9",
            2 => "na\u00EFve",
            3 => "\u2019tis",
            4 => "\u2014",
            5 => "M\u00FCller's",
            _ => "w" + random.Random.Next(100_000).ToString(CultureInfo.InvariantCulture),
        };
        string Words(int count) => string.Join(" ", Enumerable.Range(0, count).Select(_ => Word()));
        var files = Enumerable.Range(0, 30)
            .Select(i => new CorpusFileSpec($"/project/news/f{i:D2}.txt", i % 10 == 0
                ? $"- Headline {i}\nTitle {i}\n" + string.Join("\n", Enumerable.Range(0, 300).Select(_ => Words(120))) + "\n"
                : string.Concat(Enumerable.Range(0, 400).Select(_ => "- " + Words(random.Random.Next(5, 14)) + "\n")) + $"Title {i}\n" + Words(200) + "\n"))
            .ToList();

        var (output, _) = Build(files, target);

        var sized = output.Result.Results.Single().GeneratedSources
            .Where(source => source.HintName.StartsWith("Corpus.Store.", StringComparison.Ordinal)
                || source.HintName.StartsWith("Corpus.Constants.", StringComparison.Ordinal)
                || source.HintName.StartsWith("Corpus.Index.", StringComparison.Ordinal))
            .ToList();
        var narrow = sized.Where(source => source.SourceText is NarrowSourceText).ToList();
        Assert.True(narrow.Count >= sized.Count / 2, $"only {narrow.Count} of {sized.Count} sources are narrow");
        Assert.Contains(narrow, source => source.HintName.StartsWith("Corpus.Store.", StringComparison.Ordinal));
        Assert.Contains(narrow, source => source.HintName.StartsWith("Corpus.Constants.", StringComparison.Ordinal));
        Assert.Contains(narrow, source => source.HintName.StartsWith("Corpus.Index.Words.", StringComparison.Ordinal));
        Assert.All(narrow, source => Assert.True(
            ((NarrowSourceText)source.SourceText).KeptWriterBuffer, $"{source.HintName} ({source.SourceText.Length} characters) was copied: its size estimate is off"));
    }

    /// <summary>
    /// A word with each ASCII digit swapped for the control character 0x20 below it, which hashes as the digit (the
    /// word hash folds ASCII by setting bit 5) but is not equal to it under OrdinalIgnoreCase.
    /// </summary>
    private static string DigitTwin(string word) => new(word.Select(c => char.IsAsciiDigit(c) ? (char)(c - 0x20) : c).ToArray());

    /// <summary>A word with letters swapped for characters that look alike under some casing rules but are not equal to them under OrdinalIgnoreCase.</summary>
    private static string Confusable(string word) =>
        word.Replace('k', '\u212A').Replace('K', '\u212A').Replace('i', '\u0131').Replace('I', '\u0130').Replace('s', '\u017F');

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static int CaseSeed(int caseIndex) => unchecked(BaseSeed * 7919 + caseIndex);

    private static string RandomPath(Random random, int index)
    {
        string[] folders = { "news", "News", "news/2024", "news/é", "a b", "deep/er/still" };
        string[] names = { "story", "Story", "STORY", "class", "1st", "a.b.c", "naïve", "東京", "news item", "x" };
        return "/project/" + folders[random.Next(folders.Length)] + "/" + index.ToString("D3", CultureInfo.InvariantCulture)
            + names[random.Next(names.Length)] + ".txt";
    }

    /// <summary>Runs every property on one corpus; failures are collected and reported with the seed and case.</summary>
    private static (CorpusValues Values, GeneratorOutput Output) CheckCorpus(
        int caseIndex, IReadOnlyList<CorpusFileSpec> files, Target target, CorpusTextGenerator random, int nearMissesPerHeadline = 3,
        IEnumerable<string>? extraQueries = null, IEnumerable<string>? extraHeadlineQueries = null)
    {
        string where = $"seed {BaseSeed}, case {caseIndex} ({target}); rerun with {SeedVariable}={BaseSeed}";
        GeneratorOutput output;
        CompiledCorpus corpus;
        CorpusValues actual;
        try
        {
            (output, corpus) = Build(files, target);
            actual = corpus.Values();
        }
        catch (Exception exception)
        {
            throw new XunitException($"{where}: {exception.GetType().Name}: {Cut(exception.Message, 3000)}", exception);
        }

        var failures = new List<string>();
        var expected = ReferenceReader.Read(files);
        CompareDumps(expected.Dump(), actual.Dump(), failures);

        var headlines = expected.Headlines;
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < headlines.Count; i++)
        {
            firstIndex.TryAdd(headlines[i], i);
        }

        var headlineQueries = headlines.Distinct().SelectMany(h => NearMisses(h, random, nearMissesPerHeadline).Prepend(h))
            .Concat(extraHeadlineQueries ?? Enumerable.Empty<string>());
        foreach (var query in headlineQueries)
        {
            int want = firstIndex.TryGetValue(query, out int index) ? index : -1;
            ExpectIndex(failures, "IndexOfHeadline(" + CorpusValues.Show(query) + ")", want, () => corpus.IndexOfHeadline(query));
        }

        // Expected word answers grouped with the comparer FORMAT.md names; spot-checked against brute force below.
        var postings = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < headlines.Count; i++)
        {
            foreach (string word in ReferenceReader.Words(headlines[i]))
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings.Add(word, list = new List<int>());
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var words = postings.Keys.ToList();
        var queries = words
            .Concat(words.Select(w => w.ToUpperInvariant()))
            .Concat(words.Select(w => w.ToLowerInvariant()))
            .Concat(words.Take(200).Select(random.NearMiss))
            .Concat(words.Take(200).Select(Confusable))
            .Concat(words.Where(w => w.Any(char.IsAsciiDigit)).Take(200).Select(DigitTwin))
            .Concat(Enumerable.Range(0, 50).Select(_ => random.NonWord()))
            .Append(string.Empty)
            .Concat(extraQueries ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (string query in queries)
        {
            int[] want = postings.TryGetValue(query, out var list) ? list.ToArray() : Array.Empty<int>();
            ExpectIndices(failures, "HeadlinesWithWord(" + CorpusValues.Show(query) + ")", want, () => corpus.HeadlinesWithWord(query));
        }

        // The string overloads reject null, whichever path the target compiles (the span ones cannot receive it).
        ExpectNull(failures, "IndexOfHeadline(null)", "text", () => corpus.IndexOfHeadlineString(null));
        ExpectNull(failures, "HeadlinesWithWord(null)", "word", () => corpus.HeadlinesWithWordString(null));

        foreach (string query in queries.Take(25))
        {
            int[] grouped = postings.TryGetValue(query, out var list) ? list.ToArray() : Array.Empty<int>();
            ExpectIndices(failures, "the test's word grouping for " + CorpusValues.Show(query), ReferenceReader.HeadlinesWithWord(headlines, query), () => grouped);
        }

        if (failures.Count > 0)
        {
            throw new XunitException($"{where}: {failures.Count} failure(s), the first ones:\n" + string.Join("\n", failures.Take(12)));
        }

        return (actual, output);
    }

    /// <summary>
    /// Runs the generator for <paramref name="target"/> (without the driver's step records, which no property reads),
    /// checks that its output compiles clean, and loads it with the probe.
    /// </summary>
    private static (GeneratorOutput Output, CompiledCorpus Corpus) Build(IReadOnlyList<CorpusFileSpec> files, Target target)
    {
        IEnumerable<MetadataReference>? references = target == Target.Net80 ? Basic.Reference.Assemblies.Net80.References.All : null;
        if (target == Target.CSharp7)
        {
            // The probe is written in today's C#, and a compilation holds one language version: the corpus goes in an
            // assembly of its own, compiled as C# 7, with public classes for the probe's assembly to call.
            var generated = GeneratorRunner.Run(
                files,
                new Dictionary<string, string> { ["CorpusVisibility"] = "public" },
                parseOptions: GeneratorRunner.ParseOptions(LanguageVersion.CSharp7),
                references: references,
                nullable: NullableContextOptions.Disable,
                trackSteps: false).AssertCompilesClean();
            var probe = GeneratorRunner.Compilation(new[] { CompiledCorpus.ProbeSource(spans: false) }, references: references)
                .AddReferences(generated.Compilation.ToMetadataReference());
            return (generated, CompiledCorpus.Load(probe, generated.Compilation));
        }

        var parseOptions = target == Target.CSharp10 ? GeneratorRunner.ParseOptions(LanguageVersion.CSharp10) : null;
        var output = GeneratorRunner.Run(files, sources: new[] { CompiledCorpus.ProbeSource() }, parseOptions: parseOptions, references: references, trackSteps: false)
            .AssertCompilesClean();
        return (output, CompiledCorpus.Load(output.Compilation));
    }

    private static IEnumerable<string> NearMisses(string headline, CorpusTextGenerator random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return random.NearMiss(headline);
        }
    }

    private static void ExpectIndex(List<string> failures, string what, int expected, Func<int> lookup)
    {
        try
        {
            int actual = lookup();
            if (actual != expected)
            {
                failures.Add($"{what}: expected {expected}, got {actual}");
            }
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            failures.Add($"{what}: threw {exception}");
        }
    }

    private static void ExpectNull(List<string> failures, string what, string parameter, Func<object> lookup)
    {
        try
        {
            object result = lookup();
            failures.Add($"{what}: expected ArgumentNullException, got {result}");
        }
        catch (ArgumentNullException exception)
        {
            if (exception.ParamName != parameter)
            {
                failures.Add($"{what}: ArgumentNullException for {exception.ParamName ?? "(no parameter)"}, expected {parameter}");
            }
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            failures.Add($"{what}: threw {exception}");
        }
    }

    private static void ExpectIndices(List<string> failures, string what, int[] expected, Func<int[]> lookup)
    {
        try
        {
            int[] actual = lookup();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{what}: expected [{string.Join(",", expected.Take(20))}], got [{string.Join(",", actual.Take(20))}]");
            }
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            failures.Add($"{what}: threw {exception}");
        }
    }

    /// <summary>Reports the first line where two dumps differ, with the document it belongs to.</summary>
    private static void CompareDumps(string expected, string actual, List<string> failures)
    {
        if (expected == actual)
        {
            return;
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        int line = 0;
        while (line < want.Length && line < got.Length && want[line] == got[line])
        {
            line++;
        }

        string document = want.Take(line + 1).LastOrDefault(l => l.StartsWith("document ", StringComparison.Ordinal)) ?? "(corpus)";
        failures.Add($"values differ from the reference reading at dump line {line}, in {Cut(document)}:\n"
            + $"  expected: {Cut(line < want.Length ? want[line] : "(end)")}\n  actual:   {Cut(line < got.Length ? got[line] : "(end)")}");
    }

    private static string Cut(string text, int length = 400) => text.Length <= length ? text : text.Substring(0, length) + $"… ({text.Length} chars)";
}
