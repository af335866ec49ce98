using System.Collections.Generic;
using System.Linq;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The pipeline redoes only what an edit touches: the IDE runs the generator on every keystroke.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] CorpusSteps =
    {
        TrackingNames.Files, TrackingNames.Parse, TrackingNames.Encoding, TrackingNames.Layout, TrackingNames.DocumentGroups, TrackingNames.Summary,
        TrackingNames.Corpus, TrackingNames.Core, TrackingNames.HeadlineShardInputs, TrackingNames.HeadlineShards,
        TrackingNames.WordShardInputs, TrackingNames.WordShards, TrackingNames.WordFilterParts, TrackingNames.WordFilters, TrackingNames.Constants,
    };

    private static List<CorpusFileSpec> Files(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new CorpusFileSpec($"/project/news/{i:D4}.txt", $"- Headline {i} about markets\n- Second {i}\nTitle {i}\nParagraph {i}.\nA.B--XY"))
            .ToList();

    [Fact]
    public void Unrelated_csharp_edit_runs_no_corpus_step()
    {
        var files = Files(20);
        var compilation = GeneratorRunner.Compilation(new[] { "class A { }" });
        var driver = GeneratorRunner.CreateDriver(files).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x; }", GeneratorRunner.ParseOptions()));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in CorpusSteps)
        {
            var reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_file_reparses_only_that_file()
    {
        var files = Files(20);
        var compilation = GeneratorRunner.Compilation();
        var (driver, texts) = Start(files, compilation);

        var edited = new InMemoryAdditionalText("/project/news/0007.txt",
            Microsoft.CodeAnalysis.Text.SourceText.From("- Headline 7 about bonds\nTitle 7\nParagraph 7."));
        var target = texts[7];
        var result = driver.ReplaceAdditionalText(target, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var parse = Reasons(result, TrackingNames.Parse);
        Assert.Equal(20, parse.Count);
        Assert.Equal(1, parse.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(19, parse.Count(reason => reason == IncrementalStepRunReason.Cached));

        var layout = Reasons(result, TrackingNames.Layout);
        Assert.Equal(1, layout.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(19, layout.Count(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // Blobs are emitted in groups of 8 documents: of the 3 groups, only file 7's is emitted again.
        var groups = Reasons(result, TrackingNames.DocumentGroups);
        Assert.Equal(3, groups.Count);
        Assert.Equal(1, groups.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, groups.Count(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var store = result.GeneratedSources.Where(source => source.HintName.StartsWith("Corpus.Store.", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "Corpus.Store.0.g.cs", "Corpus.Store.1.g.cs", "Corpus.Store.2.g.cs" }, store.Select(source => source.HintName).OrderBy(name => name, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Editing_one_headline_rebuilds_only_the_shards_and_constants_it_touches()
    {
        // Enough headlines for several shards of each index, so that most shards have nothing to do with the edit.
        var files = ManyShardFiles(77);
        var compilation = GeneratorRunner.Compilation();
        var (driver, texts) = Start(files, compilation);
        int headlineShards = Reasons(driver.GetRunResult().Results.Single(), TrackingNames.HeadlineShards).Count;
        int wordShards = Reasons(driver.GetRunResult().Results.Single(), TrackingNames.WordShards).Count;
        Assert.True(headlineShards >= 2, $"{headlineShards} headline shards");
        Assert.True(wordShards >= 4, $"{wordShards} word shards");

        var original = texts[13].GetText()!.ToString();
        var edited = new InMemoryAdditionalText(texts[13].Path, Microsoft.CodeAnalysis.Text.SourceText.From("- Edited zzqx" + original.Substring(1)));
        var result = driver.ReplaceAdditionalText(texts[13], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        // The old and the new headline: at most two headline shards; their words: a few word shards; one document's constants.
        var headlines = Reasons(result, TrackingNames.HeadlineShards);
        Assert.Equal(headlineShards, headlines.Count);
        Assert.InRange(headlines.Count(reason => reason == IncrementalStepRunReason.Modified), 1, 2);
        var words = Reasons(result, TrackingNames.WordShards);
        Assert.InRange(words.Count(reason => reason == IncrementalStepRunReason.Modified), 1, 3);
        Assert.True(words.Count(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) >= wordShards - 3);
        // Constants come in groups of 16 documents: 40 documents make 3 groups, and only file 13's changes.
        var constants = Reasons(result, TrackingNames.Constants);
        Assert.Equal(3, constants.Count);
        Assert.Equal(1, constants.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.All(Reasons(result, TrackingNames.Core), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));

        // "Edited" and "zzqx" are new words: their shards' parts of the word filter change, and the filter is built again.
        var parts = Reasons(result, TrackingNames.WordFilterParts);
        Assert.Equal(wordShards, parts.Count);
        Assert.InRange(parts.Count(reason => reason == IncrementalStepRunReason.Modified), 1, 2);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.WordFilters)));
    }

    [Fact]
    public void An_edit_that_adds_no_word_leaves_the_word_filter_as_it_was()
    {
        // A headline of file 13 copied with its words in reverse order: a new headline, new postings for its words,
        // and no new word, so no shard's part of the word filter changes and the filter is neither built nor emitted.
        var files = ManyShardFiles(79);
        var compilation = GeneratorRunner.Compilation();
        var (driver, texts) = Start(files, compilation);
        int wordShards = Reasons(driver.GetRunResult().Results.Single(), TrackingNames.WordFilterParts).Count;
        Assert.True(wordShards >= 4, $"{wordShards} word filter parts");
        Assert.Single(Reasons(driver.GetRunResult().Results.Single(), TrackingNames.WordFilters));

        var original = texts[13].GetText()!.ToString();
        string first = original.Substring(2, original.IndexOf('\n') - 2);
        var edited = new InMemoryAdditionalText(texts[13].Path, Microsoft.CodeAnalysis.Text.SourceText.From(
            "- " + string.Join(" ", first.Split(' ').Reverse()) + "\n" + original));
        var run = driver.ReplaceAdditionalText(texts[13], edited).RunGenerators(compilation);
        var result = run.GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.WordShards));
        Assert.All(Reasons(result, TrackingNames.WordFilterParts), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"a filter part ran: {reason}"));
        Assert.All(Reasons(result, TrackingNames.WordFilters), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        var filter = Assert.Single(result.GeneratedSources, source => source.HintName == "Corpus.Index.WordFilter.g.cs");
        var before = Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources, source => source.HintName == "Corpus.Index.WordFilter.g.cs");
        Assert.Equal(before.SourceText.ToString(), filter.SourceText.ToString());
    }

    [Fact]
    public void Same_text_saved_again_changes_no_output()
    {
        var files = Files(5);
        var compilation = GeneratorRunner.Compilation();
        var (driver, texts) = Start(files, compilation);

        var target = texts[2];
        var same = new InMemoryAdditionalText(target.Path, Microsoft.CodeAnalysis.Text.SourceText.From(target.GetText()!.ToString()));
        var result = driver.ReplaceAdditionalText(target, same).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.Parse));
        Assert.All(Reasons(result, TrackingNames.Corpus), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Corpus ran: {reason}"));
    }

    [Fact]
    public void An_edit_renames_and_re_homes_the_constants_of_untouched_files_exactly_as_a_fresh_run_does()
    {
        // b.txt is never edited, but its constants depend on a.txt's: a.txt's "Alpha" takes the name Alpha, so b.txt's
        // "Alpha!" gets Alpha_2; a.txt's "Shared" is the first copy, so b.txt's "Shared" has no constant of its own.
        var files = new List<CorpusFileSpec>
        {
            new("/project/news/a.txt", "- Alpha\n- Shared\nTitle A\nParagraph."),
            new("/project/news/b.txt", "- Alpha!\n- Shared\n- Beta\nTitle B\nParagraph."),
        };
        var compilation = GeneratorRunner.Compilation();
        var (driver, texts) = Start(files, compilation);
        // Both files' constants share one source (a group of up to 16 documents): a.txt's first, then b.txt's.
        string Constants(GeneratorDriver run) => run.GetRunResult().Results.Single().GeneratedSources
            .Single(source => source.HintName == "Corpus.Constants.0.g.cs").SourceText.ToString();
        string B(GeneratorDriver run) => Constants(run).Substring(Constants(run).IndexOf("from b.txt", System.StringComparison.Ordinal));
        Assert.Contains("Alpha_2 = \"Alpha!\"", B(driver), System.StringComparison.Ordinal);
        Assert.DoesNotContain("\"Shared\"", B(driver), System.StringComparison.Ordinal);

        // Each edit of a.txt, then back: b.txt's constants must be what a fresh run over the same files writes.
        string[] edits = { "- Gamma\nTitle A\nParagraph.", "- Alpha\n- Shared\nTitle A\nParagraph.", "- Shared\n- Alpha\n- Delta\nTitle A\nParagraph." };
        var current = texts[0];
        foreach (string edit in edits)
        {
            var next = new InMemoryAdditionalText("/project/news/a.txt", Microsoft.CodeAnalysis.Text.SourceText.From(edit));
            driver = driver.ReplaceAdditionalText(current, next).RunGenerators(compilation);
            current = next;
            var fresh = Start(new List<CorpusFileSpec> { new("/project/news/a.txt", edit), files[1] }, compilation).Driver;
            Assert.Equal(Constants(fresh), Constants(driver));
        }

        // After the first edit a.txt holds neither Alpha nor Shared, so b.txt's took the name and the constant.
        var first = Start(new List<CorpusFileSpec> { new("/project/news/a.txt", edits[0]), files[1] }, compilation).Driver;
        Assert.Contains("Alpha = \"Alpha!\"", B(first), System.StringComparison.Ordinal);
        Assert.Contains("= \"Shared\"", B(first), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Random_one_file_edits_give_every_source_a_fresh_run_gives()
    {
        // The plan recomputes one edited file's constants on their own when no other file shares their texts or names,
        // and counts the whole corpus again otherwise. Headlines and titles from a small pool, so that files share
        // texts, names (Alpha / Alpha! / alpha) and reserved names; edits that keep the headline count (which the
        // one-file update takes) and edits that do not; and runs from an earlier driver, as an IDE's forks do.
        var random = new System.Random(2026);
        string[] pool = { "Alpha", "Alpha!", "alpha", "Shared story", "Shared story!", "Headline", "ToString", "Gamma-ray", "Gamma ray", "1 2 3", "123", "Title" };
        int unique = 0;
        string Headline() => random.Next(4) == 0 ? pool[random.Next(pool.Length)] : "Story " + (unique++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Content(int headlines, bool article) =>
            string.Concat(Enumerable.Range(0, headlines).Select(_ => "- " + Headline() + "\n"))
            + (article ? (random.Next(3) == 0 ? pool[random.Next(pool.Length)] : "Title " + (unique++).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "\nParagraph.\n" : "");
        int HeadlineCount(string text) => text.Split('\n').Count(line => line.StartsWith("- ", System.StringComparison.Ordinal));

        var compilation = GeneratorRunner.Compilation();
        var files = Enumerable.Range(0, 12).Select(i => new CorpusFileSpec($"/project/news/{i:D2}.txt", Content(random.Next(1, 5), random.Next(4) > 0))).ToList();
        var (driver, texts) = Start(files, compilation);
        var history = new List<(GeneratorDriver Driver, List<AdditionalText> Texts)> { (driver, texts) };
        for (int step = 0; step < 60; step++)
        {
            var (from, fromTexts) = random.Next(5) == 0 ? history[random.Next(history.Count)] : history[history.Count - 1];
            int file = random.Next(fromTexts.Count);
            string old = fromTexts[file].GetText()!.ToString();
            bool hadArticle = !old.TrimEnd('\n').Split('\n').Last().StartsWith("- ", System.StringComparison.Ordinal);
            string text = random.Next(3) > 0 ? Content(System.Math.Max(1, HeadlineCount(old)), hadArticle) : Content(random.Next(1, 5), random.Next(4) > 0);
            var next = new InMemoryAdditionalText(fromTexts[file].Path, Microsoft.CodeAnalysis.Text.SourceText.From(text));
            var run = from.ReplaceAdditionalText(fromTexts[file], next).RunGenerators(compilation);
            var runTexts = fromTexts.Select((t, i) => i == file ? next : t).ToList();
            history.Add((run, runTexts));

            var fresh = GeneratorRunner.CreateDriver(runTexts, GeneratorRunner.Options(files)).RunGenerators(compilation);
            Assert.Equal(Sources(fresh), Sources(run));
        }
    }

    [Fact]
    public void Random_headline_edits_in_a_corpus_of_many_shards_give_every_source_a_fresh_run_gives()
    {
        // Several shards of each index, so that an edit keeps most shard inputs from the run before: a headline changed
        // in place, a headline copied from another file, words of one headline swapped, a file cut short.
        var random = new System.Random(78);
        string Word() => new string(Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        string Line() => "- " + string.Join(" ", Enumerable.Range(0, 12).Select(_ => Word()));
        var files = Enumerable.Range(0, 40)
            .Select(f => new CorpusFileSpec($"/project/news/{f:D4}.txt", string.Concat(Enumerable.Range(0, 80).Select(_ => Line() + "\n")) + "Title\nParagraph."))
            .ToList();
        var compilation = GeneratorRunner.Compilation();
        var (driver, texts) = Start(files, compilation);
        Assert.True(Reasons(driver.GetRunResult().Results.Single(), TrackingNames.WordShards).Count >= 4);
        for (int step = 0; step < 12; step++)
        {
            int file = random.Next(texts.Count);
            var lines = texts[file].GetText()!.ToString().Split('\n').ToList();
            int headlines = lines.Count(line => line.StartsWith("- ", System.StringComparison.Ordinal));
            int at = random.Next(1, headlines);
            var other = texts[random.Next(texts.Count)].GetText()!.ToString().Split('\n').Where(line => line.StartsWith("- ", System.StringComparison.Ordinal)).ToList();
            switch (step % 4)
            {
                case 0: lines[at] = Line(); break;
                case 1: lines[at] = other[random.Next(other.Count)]; break;
                case 2: lines[at] = "- " + string.Join(" ", lines[at].Substring(2).Split(' ').Reverse()); break;
                default: lines.RemoveRange(at, headlines - at); break;
            }

            var next = new InMemoryAdditionalText(texts[file].Path, Microsoft.CodeAnalysis.Text.SourceText.From(string.Join("\n", lines)));
            driver = driver.ReplaceAdditionalText(texts[file], next).RunGenerators(compilation);
            texts[file] = next;

            var fresh = GeneratorRunner.CreateDriver(texts, GeneratorRunner.Options(files)).RunGenerators(compilation);
            Assert.Equal(Sources(fresh), Sources(driver));
        }
    }

    [Fact]
    public void A_skipped_duplicate_keeps_edits_incremental()
    {
        // File 7 listed twice: the second item is skipped (CORPUS007). Taking duplicates out happens inside the steps
        // that see every file anyway, from paths alone, so an unrelated edit still runs no corpus step, and an edit of
        // the skipped item re-parses that item and changes no output.
        var files = Files(20);
        files.Add(files[7]);
        var compilation = GeneratorRunner.Compilation(new[] { "class A { }" });
        var (driver, texts) = Start(files, compilation);
        var before = Sources(driver);
        Assert.Equal("CORPUS007", Assert.Single(driver.GetRunResult().Diagnostics).Id);

        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x; }", GeneratorRunner.ParseOptions()));
        var result = driver.RunGenerators(unrelated).GetRunResult().Results.Single();
        foreach (string step in CorpusSteps)
        {
            Assert.All(Reasons(result, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran: {reason}"));
        }

        var edited = new InMemoryAdditionalText(texts[20].Path, Microsoft.CodeAnalysis.Text.SourceText.From("- Not the copy that is kept\nTitle\nParagraph."));
        var run = driver.ReplaceAdditionalText(texts[20], edited).RunGenerators(compilation);
        result = run.GetRunResult().Results.Single();
        var parse = Reasons(result, TrackingNames.Parse);
        Assert.Equal(21, parse.Count);
        Assert.Equal(1, parse.Count(reason => reason == IncrementalStepRunReason.Modified));
        foreach (string step in new[] { TrackingNames.DocumentGroups, TrackingNames.Corpus, TrackingNames.Core, TrackingNames.Constants })
        {
            Assert.All(Reasons(result, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran: {reason}"));
        }

        Assert.Equal(before, Sources(run));
        Assert.Equal("CORPUS007", Assert.Single(run.GetRunResult().Diagnostics).Id);
    }

    /// <summary>40 files of 200 headlines of random words (each headline also tagged with its file and number): several shards of each index.</summary>
    private static List<CorpusFileSpec> ManyShardFiles(int seed)
    {
        var random = new System.Random(seed);
        string Word() => new string(Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        return Enumerable.Range(0, 40)
            .Select(f => new CorpusFileSpec(
                $"/project/news/{f:D4}.txt",
                string.Concat(Enumerable.Range(0, 200).Select(h => "- " + string.Join(" ", Enumerable.Range(0, 14).Select(_ => Word())) + $" {f}x{h}\n"))
                    + "Title\nParagraph."))
            .ToList();
    }

    private static List<(string, string)> Sources(GeneratorDriver run) => run.GetRunResult().Results.Single().GeneratedSources
        .Select(source => (source.HintName, source.SourceText.ToString())).OrderBy(pair => pair.Item1, System.StringComparer.Ordinal).ToList();

    private static (GeneratorDriver Driver, List<AdditionalText> Texts) Start(List<CorpusFileSpec> files, Compilation compilation)
    {
        var texts = files.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.ToSourceText())).ToList();
        var driver = GeneratorRunner.CreateDriver(texts, GeneratorRunner.Options(files)).RunGenerators(compilation);
        return (driver, texts);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList()
            : new List<IncrementalStepRunReason>();
}
