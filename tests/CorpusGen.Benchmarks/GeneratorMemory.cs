using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusGen.Benchmarks;

/// <summary>
/// Peak memory of one full generator run, which BenchmarkDotNet does not measure (its MemoryDiagnoser counts bytes
/// allocated, not the peak). Each size runs in a process of its own, on the same seeded corpus as
/// <see cref="GeneratorRun"/>: <c>dotnet run -c Release --project tests/CorpusGen.Benchmarks -- --generator-memory 1 10 100</c>.
/// </summary>
/// <remarks>
/// Reported against the corpus's size in UTF-8 bytes, after the corpus is loaded (the host holds the files' text
/// whatever the generator does) and before the run:
/// <list type="bullet">
/// <item>peak working set: how much the process's peak working set grew during the run (JIT and Roslyn's own
/// structures included);</item>
/// <item>peak GC heap: the largest managed heap size sampled every 2 ms during the run, garbage not yet collected
/// included;</item>
/// <item>retained: what stays reachable from the driver after the run (its cached step outputs and the generated
/// sources), after a full collection.</item>
/// </list>
/// </remarks>
public static class GeneratorMemory
{
    public const string Switch = "--generator-memory";
    private const string Child = "--generator-memory-one";

    public static bool TryRun(string[] args)
    {
        if (args.Length >= 2 && args[0] == Child)
        {
            One(int.Parse(args[1], CultureInfo.InvariantCulture));
            return true;
        }

        if (args.Length == 0 || args[0] != Switch)
        {
            return false;
        }

        var sizes = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(100).ToList();
        Console.WriteLine("| Corpus | UTF-8 bytes | Peak working set growth | Peak GC heap growth | Retained by the driver |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (!Environment.ProcessPath!.EndsWith("CorpusGen.Benchmarks", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(typeof(GeneratorMemory).Assembly.Location);
            }

            start.ArgumentList.Add(Child);
            start.ArgumentList.Add(size.ToString(CultureInfo.InvariantCulture));
            using var process = Process.Start(start)!;
            Console.WriteLine(process.StandardOutput.ReadToEnd().TrimEnd());
            process.WaitForExit();
        }

        return true;
    }

    private static void One(int megabytes)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var texts = GeneratorRun.Texts(megabytes);
        long corpusBytes = texts.Sum(text => (long)Encoding.UTF8.GetByteCount(text.GetText()!.ToString()));
        var options = GeneratorRun.Options(texts);
        var compilation = GeneratorRun.Consumer(parseOptions);

        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        long workingSetBefore = self.WorkingSet64;
        long peakHeap = heapBefore;
        bool running = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref running))
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        sampler.Start();

        var driver = GeneratorRun.CreateDriver(texts, options, parseOptions).RunGenerators(compilation);

        Volatile.Write(ref running, false);
        sampler.Join();
        self.Refresh();
        long peakWorkingSet = self.PeakWorkingSet64;
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        long retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        if (driver.GetRunResult().Results[0].GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException("The generator produced nothing.");
        }

        GC.KeepAlive(driver);
        GC.KeepAlive(texts);
        string Row(long bytes) => $"{bytes / 1e6:N0} MB ({(double)bytes / corpusBytes:F2}×)";
        Console.WriteLine($"| {megabytes} MB | {corpusBytes:N0} | {Row(Math.Max(0, peakWorkingSet - workingSetBefore))} | {Row(peakHeap - heapBefore)} | {Row(retained)} |");
    }
}
