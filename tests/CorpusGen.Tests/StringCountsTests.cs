using System;
using System.Collections.Generic;
using System.Globalization;
using CorpusGen.Emitting;
using CorpusGen.Indexing;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The plan's string counts, whose hash codes the caller brings, against a <see cref="Dictionary{TKey,TValue}"/>; and the name table built on them.</summary>
public sealed class StringCountsTests
{
    [Fact]
    public void Agrees_with_a_Dictionary_through_growth_removal_and_clearing()
    {
        var random = new Random(5);
        var counts = new StringCounts();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int round = 0; round < 3; round++)
        {
            counts.Clear();
            expected.Clear();
            if (round == 1)
            {
                // Room made up front, in an empty table and then in a filled one.
                counts.Reserve(20_000);
                counts.Add("seed", StringCounts.HashOf("seed"));
                counts.Reserve(40_000);
                expected["seed"] = 1;
            }

            for (int i = 0; i < 30_000; i++)
            {
                string item = "h" + random.Next(8_000 << round).ToString(CultureInfo.InvariantCulture);
                int hash = StringCounts.HashOf(item);
                expected.TryGetValue(item, out int count);
                if (random.Next(3) == 0)
                {
                    Assert.Equal(count == 0 ? -1 : count - 1, counts.Remove(item, hash));
                    if (count > 0)
                    {
                        expected[item] = count - 1;
                    }
                }
                else
                {
                    Assert.Equal(count + 1, counts.Add(item, hash));
                    expected[item] = count + 1;
                }

                Assert.Equal(expected.TryGetValue(item, out int now) ? now : 0, counts.CountOf(item, hash));
            }

            int positive = 0;
            foreach (var pair in expected)
            {
                Assert.Equal(pair.Value, counts.CountOf(pair.Key, StringCounts.HashOf(pair.Key)));
                positive += pair.Value > 0 ? 1 : 0;
            }

            Assert.Equal(positive, counts.Count);
        }
    }

    [Fact]
    public void Strings_with_the_same_hash_code_are_still_told_apart()
    {
        // Every string brought with one hash code: only the text decides.
        var counts = new StringCounts();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(1, counts.Add("text " + i.ToString(CultureInfo.InvariantCulture), 42));
        }

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(2, counts.Add("text " + i.ToString(CultureInfo.InvariantCulture), 42));
        }

        Assert.Equal(1, counts.Add("Text 0", 42));
        Assert.Equal(0, counts.CountOf("text 100", 42));
        Assert.Equal(101, counts.Count);
    }

    [Fact]
    public void Counted_claims_give_the_names_that_trying_each_suffix_in_turn_gives()
    {
        // The table counts claims instead of probing name, name_2, name_3…: the same names, for names that are never
        // in a suffixed form, which is what the naming rules make. Checked against the probing it replaces.
        string[] reserved = { "Headline", "Equals", "ToString" };
        var table = new Naming.NameTable(reserved);
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var random = new Random(11);
        string[] stems = { "Headline", "Equals", "ToString", "_", "_1", "_2", "A", "Alpha", "Alpha2", "_class", "X1", "Ölpreis" };
        for (int i = 0; i < 5_000; i++)
        {
            string name = stems[random.Next(stems.Length)];
            Assert.False(Naming.IsSuffixedForm(name));
            string expected = name;
            for (int suffix = 2; !taken.Add(expected); suffix++)
            {
                expected = name + "_" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            Assert.Equal(expected, table.Claim(name));
        }
    }

    [Theory]
    [InlineData("Alpha_2", true)]
    [InlineData("__2", true)]
    [InlineData("A_10", true)]
    [InlineData("_2", false)]
    [InlineData("_", false)]
    [InlineData("Alpha2", false)]
    [InlineData("Alpha_", false)]
    [InlineData("Alpha_2b", false)]
    public void Suffixed_forms_are_recognized(string name, bool suffixed) => Assert.Equal(suffixed, Naming.IsSuffixedForm(name));
}
