using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace CorpusGen.Benchmarks;

/// <summary>
/// The first lookup of a fresh process, timed by the process itself: <c>--first-lookup Seed|Medium|Large
/// [baseline] [preload] [text] [types]</c> prints the milliseconds of one <see cref="FirstLookup{TCorpus}"/> call, CorpusGen's or the
/// EmbeddedResource baseline's, and the JIT's share of it (<see cref="System.Runtime.JitInfo"/>); with <c>preload</c>
/// the assembly's static-data holder class is loaded before the timed call, to see what that load costs; with
/// <c>text</c> the call reads the last headline (decoded from its blob) instead of looking one up; with <c>types</c>
/// it also prints each type the runtime loaded during the call, with its load time.
/// BenchmarkDotNet's cold-start job (<see cref="FirstLookup{TCorpus}"/>) is the measurement to report for a
/// JIT-compiled build; this one exists for a build BenchmarkDotNet cannot make, ReadyToRun (published ahead-of-time,
/// as an application can be), and for looking inside a first call: run it once per launch (docs/benchmarks.md).
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
        bool baseline = args.Skip(2).Contains("baseline");
        bool preload = args.Skip(2).Contains("preload");
        bool text = args.Skip(2).Contains("text");
        using var types = args.Skip(2).Contains("types") ? new TypeLoadListener() : null;
        // As FirstLookup's setup: the query from the constants' metadata, which runs no code of either side.
        var constants = typeof(FirstLookupProbe).Assembly.GetType(name + "+Headline", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToArray();
        string query = new string(((string)constants[^1].GetRawConstantValue()!).AsSpan());

        if (preload)
        {
            // The compiler's holder of every piece of static data of the assembly, which the runtime loads with all its
            // fields on the first read of any of it: loaded here, its cost is left out of the timed call.
            var holder = typeof(FirstLookupProbe).Assembly.GetType("<PrivateImplementationDetails>", throwOnError: true)!;
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(holder.TypeHandle);
        }

        // The JIT's time and method count on this thread, before and after: most of a first call is compiling its path.
        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        DateTime began = DateTime.UtcNow;
        long start = Stopwatch.GetTimestamp();
        int found = baseline ? Baseline(name, query) : text ? FirstText(name) : name switch
        {
            "Seed" => SeedCorpus.IndexOfHeadline(query),
            "Medium" => MediumCorpus.IndexOfHeadline(query),
            "Large" => LargeCorpus.IndexOfHeadline(query),
            _ => throw new ArgumentException("Seed, Medium or Large", nameof(args)),
        };
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        DateTime ended = DateTime.UtcNow;
        double jit = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitBefore).TotalMilliseconds;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - methodsBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {(baseline ? "baseline" : "CorpusGen")}: {milliseconds:0.000} ms ({(text ? "length" : "index")} {found}; JIT {jit:0.000} ms for {methods} methods)"));
        types?.Print(began, ended);
        return true;
    }

    /// <summary>The first read of text instead of a lookup: the last headline's length, decoded from its document's blob.</summary>
    private static int FirstText(string name) => name switch
    {
        "Seed" => SeedCorpus.HeadlineAt(SeedCorpus.HeadlineCount - 1).Length,
        "Medium" => MediumCorpus.HeadlineAt(MediumCorpus.HeadlineCount - 1).Length,
        "Large" => LargeCorpus.HeadlineAt(LargeCorpus.HeadlineCount - 1).Length,
        _ => throw new ArgumentException("Seed, Medium or Large", nameof(name)),
    };

    private static int Baseline(string name, string query)
    {
        var index = ResourceCorpus.HeadlineIndex(ResourceCorpus.ReadHeadlines(name));
        return index.TryGetValue(query, out int found) ? found : -1;
    }

    /// <summary>
    /// With <c>types</c>: the runtime's type-load events (keyword TypeDiagnostic) of the timed call, each type's load
    /// time, printed after it. The events reach the listener on another thread, so it waits briefly for the last ones.
    /// </summary>
    private sealed class TypeLoadListener : System.Diagnostics.Tracing.EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(DateTime Time, int Id, string Name, long Start)> _events = new();

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x8000000000);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName is "TypeLoadStart" or "TypeLoadStop")
            {
                string typeName = e.EventName == "TypeLoadStop" ? e.Payload![4]?.ToString() ?? "" : "";
                _events.Enqueue((e.TimeStamp, e.EventId, typeName, Convert.ToInt64(e.Payload![0], CultureInfo.InvariantCulture)));
            }
        }

        public void Print(DateTime began, DateTime ended)
        {
            System.Threading.Thread.Sleep(500);
            var starts = new System.Collections.Generic.Dictionary<long, DateTime>();
            foreach (var (time, id, typeName, load) in _events)
            {
                if (time.ToUniversalTime() < began || time.ToUniversalTime() > ended)
                {
                    continue;
                }

                if (id == 73)
                {
                    starts[load] = time;
                }
                else if (starts.TryGetValue(load, out DateTime begun))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(time - begun).TotalMilliseconds:0.000} ms  {typeName}"));
                }
            }
        }
    }
}
