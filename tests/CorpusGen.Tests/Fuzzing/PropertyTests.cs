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
    [InlineData(200, Target.Latest, 4, 1500, false)]
    [InlineData(201, Target.CSharp10, 4, 1500, false)]
    [InlineData(202, Target.Latest, 16, 1500, true)]
    [InlineData(203, Target.CSharp10, 16, 1500, true)]
    [InlineData(204, Target.CSharp7, 4, 1500, false)]
    public void Thousands_of_headlines_are_all_found_by_IndexOfHeadline(int caseIndex, Target target, int fileCount, int headlinesPerFile, bool fingerprints)
    {
        var random = new CorpusTextGenerator(CaseSeed(caseIndex));
        var files = Enumerable.Range(0, fileCount)
            .Select(i => new CorpusFileSpec($"/project/news/bulk{i}.txt", random.HeadlineHeavyDocument(headlinesPerFile)))
            .ToList();

        var (values, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 1);

        Assert.True(values.Headlines.Count >= fileCount * headlinesPerFile * 9 / 10, $"only {values.Headlines.Count} headlines");

        // A shard's table starts [probe, bits, check]: past about 1 MB of keys the lookups check fingerprints, and
        // the near misses above then go through that path.
        var headerFlags = output.Sources
            .Where(source => source.Key.StartsWith("Corpus.Index.Headlines.", StringComparison.Ordinal))
            .Select(source => FirstCells(source.Value, 3)[2].ToString(CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        Assert.Equal(new[] { fingerprints ? "1" : "0" }, headerFlags);
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

        var (_, output) = CheckCorpus(caseIndex, files, target, random, nearMissesPerHeadline: 1);

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
    public void Every_blob_is_reached_through_the_blob_accessors(int caseIndex, Target target, int fileCount)
    {
        // One blob per file: past 64 blobs the accessor switches on the run of 64 first, past 2,048 it is split
        // into files of its own (Corpus.Blobs.<n>), and every value must still read back from its own blob.
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
        }
        else
        {
            Assert.Equal(0, chunks);
            Assert.Contains("switch (blob >> 6)", tables, StringComparison.Ordinal);
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
        int caseIndex, IReadOnlyList<CorpusFileSpec> files, Target target, CorpusTextGenerator random, int nearMissesPerHeadline = 3)
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

        foreach (var query in headlines.Distinct().SelectMany(h => NearMisses(h, random, nearMissesPerHeadline).Prepend(h)))
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
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (string query in queries)
        {
            int[] want = postings.TryGetValue(query, out var list) ? list.ToArray() : Array.Empty<int>();
            ExpectIndices(failures, "HeadlinesWithWord(" + CorpusValues.Show(query) + ")", want, () => corpus.HeadlinesWithWord(query));
        }

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
