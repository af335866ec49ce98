using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CorpusGen.Indexing;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The fixed case folding of words (<see cref="CaseTable"/>): what it is derived from, and that the generated code
/// folds exactly as the generator does, whatever the casing data of the machine that runs either.
/// </summary>
public sealed class CaseTableTests
{
    [Fact]
    public void The_table_never_equates_what_OrdinalIgnoreCase_tells_apart()
    {
        int folded = 0;
        for (int c = 0x80; c <= char.MaxValue; c++)
        {
            char fold = CaseTable.Fold((char)c);
            if (fold != c)
            {
                folded++;
                Assert.True(fold >= 0x80, $"U+{c:X4} folds into ASCII");
                Assert.True(
                    string.Equals(((char)c).ToString(), fold.ToString(), StringComparison.OrdinalIgnoreCase),
                    $"U+{c:X4} folds to U+{(int)fold:X4}, which OrdinalIgnoreCase tells apart from it");
                Assert.Equal(fold, CaseTable.Fold(fold));
            }
        }

        Assert.Equal(1162, folded);
    }

    [Fact]
    public void The_table_equates_what_OrdinalIgnoreCase_equates_in_long_stable_scripts()
    {
        // Latin-1, Latin Extended-A, basic Greek and Cyrillic: cased the same by every ICU version, NLS and .NET's
        // invariant mode. (Elsewhere versions differ, which is why the table is fixed.)
        var letters = Range(0xC0, 0x17F).Concat(Range(0x391, 0x3C9)).Concat(Range(0x400, 0x45F))
            .Where(c => c != 0xD7 && c != 0xF7 && c != 0x130 && c != 0x131 && c != 0x17F && char.IsLetter(c)).ToArray();
        Assert.True(letters.Length > 300);
        foreach (char a in letters)
        {
            foreach (char b in letters)
            {
                Assert.True(
                    string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase) == (CaseTable.Fold(a) == CaseTable.Fold(b)),
                    $"U+{(int)a:X4} and U+{(int)b:X4}");
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_generated_code_folds_every_code_unit_as_the_generator_does(bool utf8)
    {
        var output = GeneratorRunner.Run(
            new[] { new CorpusFileSpec("/p/news/a.txt", "- Ǆ ſ ა\nT") },
            parseOptions: utf8 ? null : GeneratorRunner.ParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3),
            nullable: utf8 ? Microsoft.CodeAnalysis.NullableContextOptions.Enable : Microsoft.CodeAnalysis.NullableContextOptions.Disable).AssertCompilesClean();
        var fold = CompiledCorpus.LoadAssembly(output.Compilation).GetType("Corpus", throwOnError: true)!
            .GetMethod("FoldChar", BindingFlags.NonPublic | BindingFlags.Static)!;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char expected = CaseTable.Fold((char)c);
            char actual = (char)fold.Invoke(null, new object[] { (char)c })!;
            if (actual != expected)
            {
                Assert.Fail($"U+{c:X4}: generated code folds to U+{(int)actual:X4}, the generator to U+{(int)expected:X4}");
            }
        }
    }

    [Fact]
    public void Words_whose_casing_differs_between_machines_are_found_by_the_tables_folding()
    {
        // ſ folds to S under ICU's ToUpperInvariant but not in invariant mode, ƛ gained an upper case (U+A7DC) in
        // Unicode 16, Georgian gained Mtavruli capitals (U+1C90 …) in Unicode 11: hashed with the host's casing, a
        // build and a run on different machines disagreed.
        string[] headlines = { "Der ſtern und die Sonne", "Vote on ƛ rule", "Ƛ again", "ქართული ენა", "ᲥᲐᲠᲗᲣᲚᲘ dictionary", "Straße und STRASSE", "ǅungla, Ǆungla, ǆungla" };
        var corpus = CompiledCorpus.Build(new[] { new CorpusFileSpec("/p/news/a.txt", string.Concat(headlines.Select(h => "- " + h + "\n")) + "T") });

        var words = headlines.SelectMany(ReferenceReader.Words).Distinct().ToList();
        foreach (string word in words.Concat(words.Select(Upper)).Concat(words.Select(w => w.ToLowerInvariant())).Concat(new[] { "STERN", "sTERN", "Ƛ", "ss", "ǲungla" }))
        {
            int[] expected = Enumerable.Range(0, headlines.Length)
                .Where(i => ReferenceReader.Words(headlines[i]).Any(w => CaseTable.EqualsIgnoreCase(w.AsSpan(), word.AsSpan())))
                .ToArray();
            Assert.Equal(expected, corpus.HeadlinesWithWord(word));
        }
    }

    private static string Upper(string word) => new(word.Select(CaseTable.Upper).ToArray());

    private static IEnumerable<char> Range(int first, int last) => Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
