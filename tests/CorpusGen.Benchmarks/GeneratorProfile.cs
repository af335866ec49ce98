using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusGen.Benchmarks;

/// <summary>
/// Where a full generator run's time goes, for profiling (not a benchmark: the numbers to report come from
/// <see cref="GeneratorRun"/>). <c>--generator-profile MB RUNS</c> runs RUNS full runs over the seeded corpus of MB
/// megabytes and prints each run's time, so that a profiler (<c>dotnet-trace collect -- …</c>) sees warm runs. With
/// <c>--steps</c> last, it then runs once more with step tracking on and prints each step's total time as the driver
/// measures it; tracking itself is slow past a few MB (over 3 minutes at 100 MB), so use a small corpus for that.
/// With <c>--dump</c> last, it writes the sources of one more run to <c>./generated/</c> (to compare two builds of the
/// generator with <c>diff -r</c>). With <c>--edits</c> last, it times 200 one-file edits and 200 unrelated C# edits (as
/// <see cref="GeneratorRun.OneFileEdited"/> and <see cref="GeneratorRun.UnrelatedEdit"/>) instead.
/// </summary>
public static class GeneratorProfile
{
    public const string Switch = "--generator-profile";

    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Switch)
        {
            return false;
        }

        var numbers = args.Skip(1).Where(arg => !arg.StartsWith("--", StringComparison.Ordinal)).Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToList();
        int megabytes = numbers.Count > 0 ? numbers[0] : 100;
        int runs = numbers.Count > 1 ? numbers[1] : 5;
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var texts = GeneratorRun.Texts(megabytes);
        var options = GeneratorRun.Options(texts);
        var compilation = GeneratorRun.Consumer(parseOptions);
        var times = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            int[] collections = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var paused = GC.GetTotalPauseDuration();
            long allocated = GC.GetTotalAllocatedBytes(precise: false);
            var watch = Stopwatch.StartNew();
            var driver = GeneratorRun.CreateDriver(texts, options, parseOptions).RunGenerators(compilation);
            watch.Stop();
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            int sources = driver.GetRunResult().Results[0].GeneratedSources.Length;
            Console.WriteLine(
                $"run {run + 1}: {watch.Elapsed.TotalMilliseconds:N0} ms, {megabytes / watch.Elapsed.TotalSeconds:N0} MB/s, {sources:N0} sources; "
                + $"GC: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]} (gen 0/1/2), "
                + $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1e6:N0} MB");
        }

        if (times.Count > 0)
        {
            times.Sort();
            double median = times[times.Count / 2];
            Console.WriteLine($"warm runs: median {median:N0} ms ({megabytes * 1000 / median:N0} MB/s), fastest {times[0]:N0} ms ({megabytes * 1000 / times[0]:N0} MB/s)");
        }

        if (args[^1] == "--dump")
        {
            // Every generated source of one run into ./generated/, to compare two builds of the generator with diff -r.
            var dumped = GeneratorRun.CreateDriver(texts, options, parseOptions).RunGenerators(compilation).GetRunResult();
            System.IO.Directory.CreateDirectory("generated");
            foreach (var source in dumped.Results[0].GeneratedSources)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine("generated", source.HintName), source.SourceText.ToString());
            }

            Console.WriteLine($"{dumped.Results[0].GeneratedSources.Length} sources written to ./generated");
            return true;
        }

        if (args[^1] == "--edits")
        {
            // As GeneratorRun.OneFileEdited: the first headline of the middle file changes, back and forth.
            var driver = GeneratorRun.CreateDriver(texts, options, parseOptions).RunGenerators(compilation);
            var original = texts[texts.Count / 2];
            AdditionalText edited = new GeneratorRun.MemoryText(original.Path, GeneratorRun.Load("- Edited" + original.GetText()!.ToString().Substring(1)));
            var edits = new List<double>();
            for (int edit = 0; edit < 200; edit++)
            {
                var (from, to) = edit % 2 == 0 ? (original, edited) : (edited, original);
                var watch = Stopwatch.StartNew();
                driver = driver.ReplaceAdditionalText(from, to).RunGenerators(compilation);
                edits.Add(watch.Elapsed.TotalMilliseconds);
            }

            edits.Sort();
            Console.WriteLine($"one-file edits: median {edits[edits.Count / 2]:N1} ms, fastest {edits[0]:N1} ms");

            // As GeneratorRun.UnrelatedEdit: a C# edit elsewhere, back and forth.
            var other = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class B { }", parseOptions));
            var unrelated = new List<double>();
            for (int edit = 0; edit < 200; edit++)
            {
                var watch = Stopwatch.StartNew();
                driver = driver.RunGenerators(edit % 2 == 0 ? other : compilation);
                unrelated.Add(watch.Elapsed.TotalMilliseconds);
            }

            unrelated.Sort();
            Console.WriteLine($"unrelated edits: median {unrelated[unrelated.Count / 2]:N1} ms, fastest {unrelated[0]:N1} ms");
            return true;
        }

        if (args[^1] != "--steps")
        {
            return true;
        }

        var tracked = CSharpGeneratorDriver.Create(
            new[] { new CorpusGenerator().AsSourceGenerator() },
            texts,
            parseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var total = Stopwatch.StartNew();
        var result = tracked.RunGenerators(compilation).GetRunResult().Results[0];
        total.Stop();
        Console.WriteLine($"tracked run: {total.Elapsed.TotalMilliseconds:N0} ms");
        foreach (var (name, steps) in result.TrackedSteps.OrderByDescending(pair => pair.Value.Sum(step => step.ElapsedTime.Ticks)))
        {
            var elapsed = TimeSpan.FromTicks(steps.Sum(step => step.ElapsedTime.Ticks));
            Console.WriteLine($"  {name,-22} {elapsed.TotalMilliseconds,8:N1} ms over {steps.Length:N0} items");
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            var elapsed = TimeSpan.FromTicks(steps.Sum(step => step.ElapsedTime.Ticks));
            Console.WriteLine($"  output {name,-15} {elapsed.TotalMilliseconds,8:N1} ms over {steps.Length:N0} items");
        }

        return true;
    }
}
