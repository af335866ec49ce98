using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace CorpusGen.Benchmarks;

/// <summary>
/// The first lookup of a fresh process, timed by the process itself: <c>--first-lookup Seed|Medium|Large
/// [baseline]</c> prints the milliseconds of one <see cref="FirstLookup{TCorpus}"/> call, CorpusGen's or the
/// EmbeddedResource baseline's. BenchmarkDotNet's cold-start job (<see cref="FirstLookup{TCorpus}"/>) is the measurement
/// to report for a JIT-compiled build; this one exists for a build BenchmarkDotNet cannot make, ReadyToRun (published
/// ahead-of-time, as an application can be): run it once per launch from a published directory (docs/benchmarks.md).
/// </summary>
public static class FirstLookupProbe
{
    public const string Switch = "--first-lookup";

    public static bool TryRun(string[] args)
    {
        if (args.Length < 2 || args[0] != Switch)
        {
            return false;
        }

        string name = args[1];
        bool baseline = args.Length > 2 && args[2] == "baseline";
        // As FirstLookup's setup: the query from the constants' metadata, which runs no code of either side.
        var constants = typeof(FirstLookupProbe).Assembly.GetType(name + "+Headline", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToArray();
        string query = new string(((string)constants[^1].GetRawConstantValue()!).AsSpan());

        long start = Stopwatch.GetTimestamp();
        int found = baseline ? Baseline(name, query) : name switch
        {
            "Seed" => SeedCorpus.IndexOfHeadline(query),
            "Medium" => MediumCorpus.IndexOfHeadline(query),
            "Large" => LargeCorpus.IndexOfHeadline(query),
            _ => throw new ArgumentException("Seed, Medium or Large", nameof(args)),
        };
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {(baseline ? "baseline" : "CorpusGen")}: {milliseconds:0.000} ms (index {found})"));
        return true;
    }

    private static int Baseline(string name, string query)
    {
        var index = ResourceCorpus.HeadlineIndex(ResourceCorpus.ReadHeadlines(name));
        return index.TryGetValue(query, out int found) ? found : -1;
    }
}
