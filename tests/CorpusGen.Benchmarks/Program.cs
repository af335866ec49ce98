using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace CorpusGen.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (!GeneratorMemory.TryRun(args) && !GeneratorProfile.TryRun(args) && !FirstLookupProbe.TryRun(args))
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}

/// <summary>
/// Steady-state lookups, enough iterations for a stable median. In process: an out-of-process job makes
/// BenchmarkDotNet rebuild this project (and so re-run the generator on the 50,000-headline corpus) for its
/// boilerplate, several minutes per job; CorpusGen and FrozenDictionary run side by side in the same process.
/// </summary>
public sealed class LookupConfig : ManualConfig
{
    public LookupConfig()
    {
        AddJob(Job.Default
            .WithId("Lookup")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(120)));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, new MedianRatioColumn(), CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        HideColumns(Column.Job, Column.Gen0, Column.Error, Column.RatioSD, Column.AllocRatio);
    }
}

/// <summary>First access in a fresh process: every measurement is its own launch.</summary>
public sealed class ColdStartConfig : ManualConfig
{
    public ColdStartConfig()
    {
        // The boilerplate build recompiles this project, corpora included.
        WithBuildTimeout(TimeSpan.FromMinutes(20));
        AddJob(Job.Default
            .WithId("ColdStart")
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(15)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max, new MedianRatioColumn());
        HideColumns(Column.Job, Column.Error, Column.RatioSD);
    }
}

/// <summary>Median over the baseline's median in the same logical group (the Ratio column divides means).</summary>
public sealed class MedianRatioColumn : IColumn
{
    public string Id => nameof(MedianRatioColumn);

    public string ColumnName => "Ratio (medians)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median time divided by the median time of the baseline in the same group";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var own = summary[benchmarkCase]?.ResultStatistics;
        var reference = baseline is null ? null : summary[baseline]?.ResultStatistics;
        if (own is null || reference is null || reference.Median == 0)
        {
            return "?";
        }

        return (own.Median / reference.Median).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
