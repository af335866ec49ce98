using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The generated comparisons of a query with a headline key of a class with UTF-8 keys (ASCII bytes, or for a key beyond
/// ASCII three planes), called directly and checked against string equality on queries that differ from the key in
/// every code unit; and the word comparison beyond ASCII, against OrdinalIgnoreCase. <c>PlaneEquals</c> is reached by lookups
/// only in classes past CorpusPlanBuilder.MaxWideHeadlineKeys, whose indexes are large enough to check a fingerprint
/// of the whole query first, so through <c>IndexOfHeadline</c> it nearly only sees equal text. <c>ShortAsciiEquals</c>
/// (ASCII keys under 16 code units) is reached only by queries of a key's length and probe hash.
/// </summary>
public sealed class KeyComparisonTests
{
    private delegate bool KeyComparison(ReadOnlySpan<char> text, ref byte key);

    private delegate bool WordComparison(ReadOnlySpan<char> word, ref byte key, int stored);

    /// <summary>
    /// Code units of one to four UTF-8 bytes, among them U+0080 to U+00FF, which equal lead and continuation bytes; the
    /// first eight are the ones of two bytes.
    /// </summary>
    private static readonly string[] s_wide =
    {
        "\u00E9", "\u00C3", "\u00A9", "\u0080", "\u00BF", "\u00FF", "\u0100", "\u07FF", "\u0800", "\u2019", "\u201C",
        "\u2014", "\u20AC", "\u6771", "\uFFFD", "\uD83D\uDE00", "\uD834\uDD1E", "\uDBFF\uDFFD",
    };

    [Fact]
    public void The_short_ASCII_key_comparison_agrees_with_string_equality_on_every_code_unit_changed()
    {
        var compare = GeneratedComparison("ShortAsciiEquals");
        var random = new Random(20261203);
        const string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.'?-";
        int checkedQueries = 0;
        for (int length = 1; length < 16; length++)
        {
            for (int round = 0; round < 20; round++)
            {
                string key = new(Enumerable.Range(0, length).Select(_ => ascii[random.Next(ascii.Length)]).ToArray());
                byte[] bytes = Encoding.ASCII.GetBytes(key);
                var queries = new List<string> { new(key.AsSpan()) };
                for (int at = 0; at < length; at++)
                {
                    // Another ASCII unit, the same one with a high byte (equal in its low byte), and one past ASCII.
                    queries.Add(Replace(key, at, key[at] == 'q' ? 'r' : 'q'));
                    queries.Add(Replace(key, at, (char)(key[at] + 0x100)));
                    queries.Add(Replace(key, at, (char)(key[at] | 0x80)));
                }

                foreach (string query in queries)
                {
                    bool expected = string.Equals(key, query, StringComparison.Ordinal);
                    if (compare(query.AsSpan(), ref bytes[0]) != expected)
                    {
                        Assert.Fail($"key {CorpusValues.Show(key)}, query {CorpusValues.Show(query)}: ShortAsciiEquals says {!expected}");
                    }

                    checkedQueries++;
                }
            }
        }

        Assert.Equal(15 * 20 + 3 * 20 * (15 * 16 / 2), checkedQueries);
    }

    [Fact]
    public void The_key_comparison_beyond_ASCII_agrees_with_string_equality_on_every_code_unit_changed()
    {
        var compare = GeneratedComparison("PlaneEquals");
        var random = new Random(20261202);
        int checkedQueries = 0, equalQueries = 0;
        for (int round = 0; round < 600; round++)
        {
            string key = KeyText(random, round);
            byte[] bytes = Planes(key);
            foreach (string query in SameLengthQueries(key, random))
            {
                bool expected = string.Equals(key, query, StringComparison.Ordinal);
                bool actual = compare(query.AsSpan(), ref bytes[0]);
                if (actual != expected)
                {
                    Assert.Fail($"key {CorpusValues.Show(key)}, query {CorpusValues.Show(query)}: PlaneEquals says {actual}");
                }

                checkedQueries++;
                equalQueries += expected ? 1 : 0;
            }
        }

        // Every key was queried as itself, and every other query differs from it.
        Assert.Equal(600, equalQueries);
        Assert.True(checkedQueries > 40_000, checkedQueries.ToString());
    }

    [Fact]
    public void The_UTF8_word_key_comparison_agrees_with_OrdinalIgnoreCase_code_unit_by_code_unit()
    {
        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/p/news/a.txt", "- Caf\u00E9 \u2019s\nT") }).AssertCompilesClean();
        var compare = CompiledCorpus.LoadAssembly(output.Compilation).GetType("Corpus", throwOnError: true)!
            .GetMethod("Utf8EqualsIgnoreCase", BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<WordComparison>();

        // Letters and digits with a case partner beyond ASCII (and some without), as words are made of.
        const string letters = "abcXYZ09\u00E9\u00C9\u00DF\u1E9E\u0131\u0130\u017F\u01C5\u01C6\u01C4\u03B1\u0391\u03C9\u03A9\u0436\u0416\u044F\u042F\u0451\u0401\u6771\u00B5\u039C\u212A\u00E5\u212B\u00C5";
        var random = new Random(20261204);
        int checkedQueries = 0, equalQueries = 0;
        for (int round = 0; round < 400; round++)
        {
            int length = 1 + random.Next(12);
            var chars = Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray();
            chars[random.Next(length)] = letters[8 + random.Next(letters.Length - 8)];
            string key = new(chars);
            byte[] bytes = Encoding.UTF8.GetBytes(key);
            var queries = new List<string> { new(key.AsSpan()), key.ToUpperInvariant(), key.ToLowerInvariant(), key + "a", key[..^1] };
            for (int at = 0; at < length; at++)
            {
                queries.Add(Replace(key, at, letters[random.Next(letters.Length)]));
                queries.Add(Replace(key, at, char.IsUpper(key[at]) ? char.ToLowerInvariant(key[at]) : char.ToUpperInvariant(key[at])));
                queries.Add(Replace(key, at, (char)(key[at] ^ 0x20)));
                queries.Add(Replace(key, at, '\uD801'));
            }

            foreach (string query in queries)
            {
                bool expected = query.Length == key.Length
                    && Enumerable.Range(0, key.Length).All(i => string.Equals(key[i].ToString(), query[i].ToString(), StringComparison.OrdinalIgnoreCase));
                bool actual = compare(query.AsSpan(), ref bytes[0], bytes.Length);
                if (actual != expected)
                {
                    Assert.Fail($"key {CorpusValues.Show(key)}, query {CorpusValues.Show(query)}: Utf8EqualsIgnoreCase says {actual}");
                }

                checkedQueries++;
                equalQueries += expected ? 1 : 0;
            }
        }

        // Every key equals itself and most equal their copies in either case (not those with a letter that cases into
        // ASCII, such as U+0131); most other queries differ.
        Assert.True(equalQueries > 400 * 2, equalQueries.ToString());
        Assert.True(checkedQueries - equalQueries > 6_000, (checkedQueries - equalQueries).ToString());
    }

    /// <summary>A key beyond ASCII as the generator stores it past the budget for such keys as UTF-16: three planes.</summary>
    private static byte[] Planes(string key)
    {
        var planes = new StringBuilder(3 * key.Length);
        Indexing.ShardBuilder.AppendPlanes(planes, key);
        return Encoding.ASCII.GetBytes(planes.ToString());
    }

    /// <summary>A comparison as the generator writes it, from a class compiled for the latest language version (UTF-8 blobs).</summary>
    private static KeyComparison GeneratedComparison(string name)
    {
        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/p/news/a.txt", "- Caf\u00E9 \u2019s\nT") }).AssertCompilesClean();
        var method = CompiledCorpus.LoadAssembly(output.Compilation).GetType("Corpus", throwOnError: true)!
            .GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(method);
        return method!.CreateDelegate<KeyComparison>();
    }

    /// <summary>
    /// ASCII runs of every length around the comparison's windows of 16, with code units beyond ASCII between
    /// and at either end; every tenth key is ASCII only, the first ones are short, and about a third of the rest are
    /// words of characters beyond ASCII only.
    /// </summary>
    private static string KeyText(Random random, int round)
    {
        const string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.'?";
        var text = new StringBuilder();
        if (round >= 60 && round % 3 == 1)
        {
            // Mostly beyond ASCII, as Cyrillic or Japanese headlines are: words of such characters between spaces and
            // commas. Every other such key has only characters below U+0800, and the odd ASCII letter, in its words.
            bool twoBytes = round % 2 == 0;
            int words = random.Next(1, 12);
            for (int w = 0; w < words; w++)
            {
                text.Append(w == 0 ? "" : random.Next(5) == 0 ? ", " : " ");
                int letters = random.Next(1, 11);
                for (int l = 0; l < letters; l++)
                {
                    text.Append(twoBytes && random.Next(8) == 0 ? ascii[random.Next(52)].ToString() : s_wide[random.Next(twoBytes ? 8 : s_wide.Length)]);
                }
            }

            return text.ToString();
        }

        int pieces = round < 60 ? 1 : random.Next(1, 5);
        for (int p = 0; p < pieces; p++)
        {
            int run = round < 60 ? round % 20 : random.Next(0, 40);
            for (int i = 0; i < run; i++)
            {
                text.Append(ascii[random.Next(ascii.Length)]);
            }

            if (round % 10 != 9 && (p < pieces - 1 || random.Next(3) == 0))
            {
                text.Append(s_wide[random.Next(s_wide.Length)]);
            }
        }

        if (text.Length == 0)
        {
            text.Append(s_wide[random.Next(s_wide.Length)]);
        }

        return text.ToString();
    }

    /// <summary>
    /// The key itself (a fresh copy), then, at every position, its code unit replaced by an ASCII one, by one beyond
    /// ASCII, by the first UTF-8 byte of the character there as a code unit, and swapped with the next one.
    /// </summary>
    private static IEnumerable<string> SameLengthQueries(string key, Random random)
    {
        yield return new string(key.AsSpan());
        for (int at = 0; at < key.Length; at++)
        {
            char unit = key[at];
            yield return Replace(key, at, unit == 'q' ? 'r' : 'q');
            yield return Replace(key, at, unit == '\u00E9' ? '\u00E8' : '\u00E9');
            yield return Replace(key, at, (char)(unit + 1));
            yield return Replace(key, at, (char)(unit ^ 0x0040));
            yield return Replace(key, at, (char)(unit ^ 0x0400));
            yield return Replace(key, at, (char)(unit ^ 0x8000));
            byte lead = Encoding.UTF8.GetBytes(key.Substring(at, char.IsHighSurrogate(unit) && at + 1 < key.Length ? 2 : 1))[0];
            if (lead != unit)
            {
                yield return Replace(key, at, (char)lead);
            }

            if (at + 1 < key.Length && key[at + 1] != unit)
            {
                var swapped = key.ToCharArray();
                (swapped[at], swapped[at + 1]) = (swapped[at + 1], swapped[at]);
                yield return new string(swapped);
            }
        }

        if (key.Length > 0)
        {
            yield return Replace(key, random.Next(key.Length), '\uD800');
        }
    }

    private static string Replace(string text, int at, char unit)
    {
        var units = text.ToCharArray();
        units[at] = unit;
        return new string(units);
    }
}
