using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace CorpusGen.Benchmarks;

/// <summary>
/// The first headline lookup (and, apart, the first read of a headline's text) in a fresh process: each measurement is a new process (RunStrategy.ColdStart, one
/// launch per measurement, no warm-up, one invocation), so the time includes everything the first call costs in
/// that process: JIT of the lookup code and, for the baseline, reading and parsing the embedded resources and filling
/// the dictionary. It does not include runtime start-up or assembly loading, which both sides share.
/// </summary>
[GenericTypeArguments(typeof(SeedCorpus))]
[GenericTypeArguments(typeof(MediumCorpus))]
[GenericTypeArguments(typeof(LargeCorpus))]
[Config(typeof(ColdStartConfig))]
public class FirstLookup<TCorpus>
    where TCorpus : struct, ICorpusAccess
{
    private string _query = null!;

    /// <summary>
    /// The query is the corpus's last distinct headline, read from the metadata of the generated constants: this
    /// runs no code of the corpus class and none of the baseline's parsing code, so neither side is warmed up.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var constants = typeof(TCorpus).Assembly.GetType(TCorpus.Name + "+Headline", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToArray();
        _query = new string(((string)constants[^1].GetRawConstantValue()!).AsSpan());
    }

    [Benchmark(Baseline = true)]
    public int EmbeddedResource_Dictionary()
    {
        var index = ResourceCorpus.HeadlineIndex(ResourceCorpus.ReadHeadlines(TCorpus.Name));
        return index.TryGetValue(_query, out int found) ? found : -1;
    }

    [Benchmark]
    public int CorpusGen()
    {
        return TCorpus.IndexOfHeadline(_query);
    }

    /// <summary>
    /// The first read of text instead of a lookup: the last headline, decoded from its document's blob (the baseline
    /// has every headline as a string once it has parsed, so its own row is the one to compare with).
    /// </summary>
    [Benchmark]
    public int CorpusGen_FirstHeadline()
    {
        return TCorpus.HeadlineAt(TCorpus.HeadlineCount - 1).Length;
    }
}
