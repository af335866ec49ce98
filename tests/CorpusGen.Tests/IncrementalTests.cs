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
        TrackingNames.WordShardInputs, TrackingNames.WordShards, TrackingNames.Constants,
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
        var random = new System.Random(77);
        string Word() => new string(Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var files = Enumerable.Range(0, 40)
            .Select(f => new CorpusFileSpec(
                $"/project/news/{f:D4}.txt",
                string.Concat(Enumerable.Range(0, 80).Select(h => "- " + string.Join(" ", Enumerable.Range(0, 14).Select(_ => Word())) + $" {f}x{h}\n"))
                    + "Title\nParagraph."))
            .ToList();
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
