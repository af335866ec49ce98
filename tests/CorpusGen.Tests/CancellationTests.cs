using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The IDE cancels a generator run on every keystroke. A cancelled run must end promptly with
/// <see cref="OperationCanceledException"/> (which Roslyn expects), never finish the work, and never turn into
/// warning CS8785 or diagnostic CORPUS006; the next run must work as if nothing happened.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class CancellationTests
{
    [Fact]
    public void Already_cancelled_token_throws_OperationCanceledException_without_reading_a_file()
    {
        var files = LargeCorpus(fileCount: 40, linesPerFile: 2000);
        var texts = Texts(files);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Driver(files, texts).RunGenerators(GeneratorRunner.Compilation(), cancellation.Token));

        Assert.Equal(0, texts.Sum(t => t.Reads));
        AssertNextRunIsClean(files);
    }

    [Fact]
    public void Cancelling_while_files_are_read_stops_before_the_remaining_files_are_parsed()
    {
        var files = LargeCorpus(fileCount: 40, linesPerFile: 200);
        using var cancellation = new CancellationTokenSource();
        var texts = Texts(files, onRead: (reads, _) =>
        {
            if (reads == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => Driver(files, texts).RunGenerators(GeneratorRunner.Compilation(), cancellation.Token));

        int reads = texts.Sum(t => t.Reads);
        Assert.True(reads <= 4, $"{reads} of {files.Count} files were read after the run was cancelled at the third");
        AssertNextRunIsClean(files);
    }

    [Fact]
    public void Cancelling_during_a_long_parse_throws_from_inside_the_parser()
    {
        var files = new List<CorpusFileSpec> { new("/project/news/huge.txt", HugeDocument(lines: 300_000)) };
        using var cancellation = new CancellationTokenSource();
        var texts = Texts(files, onRead: (_, _) => cancellation.Cancel());

        var exception = Assert.ThrowsAny<OperationCanceledException>(
            () => Driver(files, texts).RunGenerators(GeneratorRunner.Compilation(), cancellation.Token));

        Assert.Contains("CorpusParser", exception.StackTrace, StringComparison.Ordinal);
        AssertNextRunIsClean(files);
    }

    [Fact]
    public void Cancelling_soon_after_the_start_ends_the_run_long_before_it_would_finish()
    {
        var files = LargeCorpus(fileCount: 20, linesPerFile: 20_000);
        var compilation = GeneratorRunner.Compilation();
        var clock = Stopwatch.StartNew();
        Driver(files, Texts(files)).RunGenerators(compilation);
        var full = clock.Elapsed;

        using var cancellation = new CancellationTokenSource();
        var texts = Texts(files, onRead: (reads, _) =>
        {
            if (reads == 1)
            {
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(1));
            }
            else if (reads == 2)
            {
                // A loaded machine may fire the timer late, after every file is parsed: wait for it here, so that the
                // cancellation arrives from another thread while the run is under way, as an IDE's does.
                cancellation.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            }
        });
        clock.Restart();
        Assert.ThrowsAny<OperationCanceledException>(() => Driver(files, texts).RunGenerators(compilation, cancellation.Token));
        var cancelled = clock.Elapsed;

        Assert.True(cancelled < full, $"the cancelled run took {cancelled.TotalMilliseconds:F0} ms, the full run {full.TotalMilliseconds:F0} ms");
        Assert.True(texts.Sum(t => t.Reads) < files.Count, "every file was read although the run was cancelled");
    }

    private static List<CorpusFileSpec> LargeCorpus(int fileCount, int linesPerFile) =>
        Enumerable.Range(0, fileCount)
            .Select(i => new CorpusFileSpec($"/project/news/{i:D3}.txt", HugeDocument(linesPerFile, seed: i)))
            .ToList();

    private static string HugeDocument(int lines, int seed = 0)
    {
        var builder = new StringBuilder(lines * 40);
        for (int i = 0; i < lines / 10; i++)
        {
            builder.Append("- Headline ").Append(seed).Append(' ').Append(i).Append(" about oil prices\n");
        }

        builder.Append("Title ").Append(seed).Append('\n');
        for (int i = lines / 10; i < lines; i++)
        {
            builder.Append(i % 50 == 0 ? "- Cross-head " : "Paragraph ").Append(i).Append(i % 50 == 0 ? " -\n" : " of the article.\n");
        }

        return builder.Append("P.Smith--AT\n").ToString();
    }

    private static List<CountingText> Texts(IEnumerable<CorpusFileSpec> files, Action<int, CountingText>? onRead = null)
    {
        int total = 0;
        return files
            .Select(file => new CountingText(file.Path, file.ToSourceText()!, self => onRead?.Invoke(Interlocked.Increment(ref total), self)))
            .ToList();
    }

    private static GeneratorDriver Driver(IReadOnlyList<CorpusFileSpec> files, IEnumerable<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(
            new[] { new CorpusGenerator().AsSourceGenerator() },
            texts,
            GeneratorRunner.ParseOptions(),
            GeneratorRunner.Options(files));

    private static void AssertNextRunIsClean(IReadOnlyList<CorpusFileSpec> files)
    {
        var result = Driver(files, Texts(files)).RunGenerators(GeneratorRunner.Compilation()).GetRunResult();

        Assert.Null(result.Results.Single().Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "CORPUS006");
        Assert.NotEmpty(result.GeneratedTrees);
    }

    /// <summary>An AdditionalFiles item that counts how often the generator reads it, and can act on a read.</summary>
    private sealed class CountingText(string path, SourceText text, Action<CountingText> onRead) : AdditionalText
    {
        private int _reads;

        public int Reads => _reads;

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            onRead(this);
            return text;
        }
    }
}

/// <summary>Tests that compare elapsed times run alone: next to other test classes their timings mean little.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
