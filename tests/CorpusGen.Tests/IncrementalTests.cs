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
        TrackingNames.Files, TrackingNames.Parse, TrackingNames.Encoding, TrackingNames.Layout, TrackingNames.Corpus,
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

        // The edited file's blob is regenerated; the other files' blob sources are not.
        var storeOutputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.True(storeOutputs.Count(output => output.Reason == IncrementalStepRunReason.Cached) >= 19);
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
