using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The generated comparisons of a query with a UTF-8 headline key, called directly and checked against string equality
/// on queries that differ from the key in every code unit. <c>Utf8Equals</c> (keys beyond ASCII) is reached by lookups
/// only in classes past CorpusPlanBuilder.MaxWideHeadlineKeys, whose indexes are large enough to check a fingerprint
/// of the whole query first, so through <c>IndexOfHeadline</c> it nearly only sees equal text. <c>ShortAsciiEquals</c>
/// (ASCII keys under 16 code units) is reached only by queries of a key's length and probe hash.
/// </summary>
public sealed class KeyComparisonTests
{
    private delegate bool KeyComparison(ReadOnlySpan<char> text, ref byte key);

    /// <summary>Code units of one to four UTF-8 bytes, among them U+0080 to U+00FF, which equal lead and continuation bytes.</summary>
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
    public void The_UTF8_key_comparison_agrees_with_string_equality_on_every_code_unit_changed()
    {
        var compare = GeneratedComparison("Utf8Equals");
        var random = new Random(20261202);
        int checkedQueries = 0, equalQueries = 0;
        for (int round = 0; round < 600; round++)
        {
            string key = KeyText(random, round);
            byte[] bytes = Encoding.UTF8.GetBytes(key);
            foreach (string query in SameLengthQueries(key, random))
            {
                bool expected = string.Equals(key, query, StringComparison.Ordinal);
                bool actual = compare(query.AsSpan(), ref bytes[0]);
                if (actual != expected)
                {
                    Assert.Fail($"key {CorpusValues.Show(key)}, query {CorpusValues.Show(query)}: Utf8Equals says {actual}");
                }

                checkedQueries++;
                equalQueries += expected ? 1 : 0;
            }
        }

        // Every key was queried as itself, and every other query differs from it.
        Assert.Equal(600, equalQueries);
        Assert.True(checkedQueries > 40_000, checkedQueries.ToString());
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
    /// ASCII runs of every length around the comparison's windows of 16 and 8, with code units beyond ASCII between
    /// and at either end; every tenth key is ASCII only, and the first ones are short.
    /// </summary>
    private static string KeyText(Random random, int round)
    {
        const string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.'?";
        var text = new StringBuilder();
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
