using System.Globalization;
using CorpusGen.Indexing;
using Xunit;

namespace CorpusGen.Tests;

public class WordGroupsTests
{
    [Fact]
    public void Words_that_share_their_probe_hash_get_groups_of_their_own_and_meet_their_case_variants()
    {
        // Same first four and last four code units and length: one probe hash for all, told apart by the middle.
        var groups = new WordGroups();
        var words = new string[3000];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = "abcd" + i.ToString("D6", CultureInfo.InvariantCulture) + "wxyz";
            ulong hash = CorpusHash.Word(words[i], 0, words[i].Length);
            Assert.Equal(CorpusHash.Word(words[0], 0, words[0].Length), hash);
            Assert.Equal(-1, groups.IndexOf(hash, words[i], 0, words[i].Length));
            Assert.Equal(i, groups.Add(hash, words[i], 0, words[i].Length));
        }

        for (int i = 0; i < words.Length; i++)
        {
            string upper = "x" + words[i].ToUpperInvariant() + "x";
            ulong hash = CorpusHash.Word(upper, 1, words[i].Length);
            Assert.Equal(i, groups.IndexOf(hash, upper, 1, words[i].Length));
            Assert.Equal(words[i], groups.Word(i));
        }

        string missing = "abcd" + "999999" + "wxyz";
        Assert.Equal(-1, groups.IndexOf(CorpusHash.Word(missing, 0, missing.Length), missing, 0, missing.Length));

        // Letters whose case folds outside ASCII, in the middle of a long word.
        string greek = "abcdΣΙΓΜΑwxyz";
        int sigma = groups.Add(CorpusHash.Word(greek, 0, greek.Length), greek, 0, greek.Length);
        string lower = "abcdσιγμαwxyz";
        Assert.Equal(sigma, groups.IndexOf(CorpusHash.Word(lower, 0, lower.Length), lower, 0, lower.Length));
    }
}
