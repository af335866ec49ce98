using System;
using System.Collections.Generic;
using CorpusGen.Indexing;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The plan's string set, whose hash codes the caller brings, against a <see cref="HashSet{T}"/>.</summary>
public sealed class StringSetTests
{
    [Fact]
    public void Agrees_with_a_HashSet_through_growth_and_clearing()
    {
        var random = new Random(5);
        var set = new StringSet();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (int round = 0; round < 3; round++)
        {
            set.Clear();
            expected.Clear();
            for (int i = 0; i < 20_000; i++)
            {
                string item = "h" + random.Next(8_000 << round).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected.Add(item), set.Add(item));
            }

            Assert.Equal(expected.Count, set.Count);
        }
    }

    [Fact]
    public void Strings_with_the_same_hash_code_are_still_told_apart()
    {
        // Every string brought with one hash code: only the text decides.
        var set = new StringSet();
        for (int i = 0; i < 100; i++)
        {
            Assert.True(set.Add("text " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 42));
        }

        for (int i = 0; i < 100; i++)
        {
            Assert.False(set.Add("text " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 42));
        }

        Assert.True(set.Add("Text 0", 42));
        Assert.Equal(101, set.Count);
    }
}
