using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace CorpusGen.Benchmarks;

/// <summary>
/// IndexOfHeadline against FrozenDictionary&lt;string,int&gt; (ordinal) over the same headlines, on a batch of
/// <see cref="Queries.BatchSize"/> queries per invocation: times are per lookup.
/// </summary>
[GenericTypeArguments(typeof(SeedCorpus))]
[GenericTypeArguments(typeof(MediumCorpus))]
[GenericTypeArguments(typeof(LargeCorpus))]
[GenericTypeArguments(typeof(IntlCorpus))]
[GenericTypeArguments(typeof(IntlLargeCorpus))]
[Config(typeof(LookupConfig))]
public class ExactLookup<TCorpus>
    where TCorpus : struct, ICorpusAccess
{
    private string[] _queries = null!;
    private FrozenDictionary<string, int> _frozen = null!;
    private FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _frozenSpan;

    [Params(QueryKind.Hit, QueryKind.CharChanged, QueryKind.CharAdded, QueryKind.CaseChanged)]
    public QueryKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var headlines = ResourceCorpus.ReadHeadlines(TCorpus.Name);
        if (headlines.Count != TCorpus.HeadlineCount)
        {
            throw new InvalidOperationException($"{TCorpus.Name}: {headlines.Count} headlines in the resources, {TCorpus.HeadlineCount} in the corpus class.");
        }

        _frozen = ResourceCorpus.HeadlineIndex(headlines).ToFrozenDictionary(StringComparer.Ordinal);
        _frozenSpan = _frozen.GetAlternateLookup<ReadOnlySpan<char>>();
        _queries = Queries.Headlines(headlines, Kind);
        foreach (string query in _queries)
        {
            int expected = _frozen.TryGetValue(query, out int index) ? index : -1;
            if (TCorpus.IndexOfHeadline(query) != expected || TCorpus.IndexOfHeadline(query.AsSpan()) != expected)
            {
                throw new InvalidOperationException($"{TCorpus.Name}: IndexOfHeadline(\"{query}\") disagrees with the dictionary.");
            }
        }
    }

    [BenchmarkCategory("string"), Benchmark(Baseline = true, OperationsPerInvoke = Queries.BatchSize)]
    public int Frozen_string()
    {
        var frozen = _frozen;
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += frozen.TryGetValue(query, out int index) ? index : -1;
        }

        return sum;
    }

    [BenchmarkCategory("string"), Benchmark(OperationsPerInvoke = Queries.BatchSize)]
    public int CorpusGen_string()
    {
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += TCorpus.IndexOfHeadline(query);
        }

        return sum;
    }

    [BenchmarkCategory("span"), Benchmark(Baseline = true, OperationsPerInvoke = Queries.BatchSize)]
    public int Frozen_span()
    {
        var frozen = _frozenSpan;
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += frozen.TryGetValue(query.AsSpan(), out int index) ? index : -1;
        }

        return sum;
    }

    [BenchmarkCategory("span"), Benchmark(OperationsPerInvoke = Queries.BatchSize)]
    public int CorpusGen_span()
    {
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += TCorpus.IndexOfHeadline(query.AsSpan());
        }

        return sum;
    }
}

/// <summary>
/// HeadlinesWithWord against FrozenDictionary&lt;string,int[]&gt; (OrdinalIgnoreCase) from every headline word to
/// its headline indices; both return the match count. Times are per lookup.
/// </summary>
[GenericTypeArguments(typeof(SeedCorpus))]
[GenericTypeArguments(typeof(MediumCorpus))]
[GenericTypeArguments(typeof(LargeCorpus))]
[GenericTypeArguments(typeof(IntlCorpus))]
[GenericTypeArguments(typeof(IntlLargeCorpus))]
[Config(typeof(LookupConfig))]
public class WordLookup<TCorpus>
    where TCorpus : struct, ICorpusAccess
{
    private string[] _queries = null!;
    private FrozenDictionary<string, int[]> _frozen = null!;

    [Params(QueryKind.Hit, QueryKind.CaseChanged, QueryKind.Miss)]
    public QueryKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var headlines = ResourceCorpus.ReadHeadlines(TCorpus.Name);
        _frozen = ResourceCorpus.WordIndex(headlines).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _queries = Queries.Words(headlines, Kind);
        foreach (string query in _queries)
        {
            int expected = _frozen.TryGetValue(query, out int[]? indices) ? indices.Length : 0;
            if (TCorpus.HeadlinesWithWord(query) != expected || TCorpus.HeadlinesWithWord(query.AsSpan()) != expected)
            {
                throw new InvalidOperationException($"{TCorpus.Name}: HeadlinesWithWord(\"{query}\") disagrees with the dictionary.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries.BatchSize)]
    public int Frozen_string()
    {
        var frozen = _frozen;
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += frozen.TryGetValue(query, out int[]? indices) ? indices.Length : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries.BatchSize)]
    public int CorpusGen_string()
    {
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += TCorpus.HeadlinesWithWord(query);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries.BatchSize)]
    public int CorpusGen_span()
    {
        int sum = 0;
        foreach (string query in _queries)
        {
            sum += TCorpus.HeadlinesWithWord(query.AsSpan());
        }

        return sum;
    }
}
