using System;
using System.Collections.Generic;
using System.IO;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Benchmarks;

/// <summary>The generator in process, as the IDE runs it: a full run, one file edited, an unrelated C# edit.</summary>
public sealed class GeneratorConfig : ManualConfig
{
    public GeneratorConfig()
    {
        AddJob(Job.Default
            .WithId("Generator")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>
/// Generator throughput and incremental cost over an in-memory corpus of <see cref="Megabytes"/> MB in files of
/// about 128 KB, generated from a seeded RNG (the same bytes on every machine). MB/s = Megabytes / FullRun time.
/// </summary>
[Config(typeof(GeneratorConfig))]
public class GeneratorRun
{
    private readonly CSharpParseOptions _parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
    private List<AdditionalText> _texts = new();
    private CorpusOptions _options = new(new HashSet<string>());
    private Compilation _compilation = null!;
    private Compilation _editedCompilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText _original = null!;
    private AdditionalText _edited = null!;
    private bool _flip;

    [Params(1, 10, 100)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = Texts(Megabytes);
        _options = Options(_texts);
        _compilation = Consumer(_parseOptions);
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class B { }", _parseOptions));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _original = _texts[_texts.Count / 2];
        // A real edit: the first headline changes, so the file's model, its blob and the class's index all change.
        _edited = new MemoryText(_original.Path, Load("- Edited" + _original.GetText()!.ToString().Substring(1)));
    }

    /// <summary>Every step from scratch: parse, layout, index and emit for every file.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    /// <summary>One file's text changes: that file is parsed and emitted again, and the index rebuilt.</summary>
    [Benchmark]
    public GeneratorDriver OneFileEdited()
    {
        _flip = !_flip;
        var (from, to) = _flip ? (_original, _edited) : (_edited, _original);
        _warmDriver = _warmDriver.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        return _warmDriver;
    }

    /// <summary>A C# edit elsewhere in the project: no corpus step should run.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit()
    {
        _flip = !_flip;
        _warmDriver = _warmDriver.RunGenerators(_flip ? _editedCompilation : _compilation);
        return _warmDriver;
    }

    /// <summary>The seeded corpus of <paramref name="megabytes"/> MB as additional texts.</summary>
    internal static List<AdditionalText> Texts(int megabytes) =>
        SyntheticCorpus.Files(megabytes, seed: 42)
            .Select(file => (AdditionalText)new MemoryText(file.Path, Load(file.Text)))
            .ToList();

    /// <summary>
    /// The text as the compiler loads an additional file: decoded from its UTF-8 bytes, so that a file past the
    /// large-object threshold (about 40,000 characters) is a chunked text rather than one string, as in a build.
    /// </summary>
    internal static SourceText Load(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        return SourceText.From(stream, Encoding.UTF8);
    }

    /// <summary>The project the corpus belongs to: one class, .NET 10 references.</summary>
    internal static Compilation Consumer(CSharpParseOptions parseOptions) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("internal static class A { }", parseOptions) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Options that mark every one of <paramref name="texts"/> as a corpus file.</summary>
    internal static CorpusOptions Options(List<AdditionalText> texts) => new(texts.Select(text => text.Path).ToHashSet());

    /// <summary>A driver as the IDE's, without step tracking.</summary>
    internal static GeneratorDriver CreateDriver(List<AdditionalText> texts, CorpusOptions options, CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            new[] { new CorpusGenerator().AsSourceGenerator() },
            texts,
            parseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private GeneratorDriver CreateDriver() => CreateDriver(_texts, _options, _parseOptions);

    internal sealed class MemoryText(string path, SourceText text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    internal sealed class CorpusOptions(HashSet<string> corpus) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(new Dictionary<string, string>());
        private static readonly Options Marked = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.Corpus"] = "true" });

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => corpus.Contains(textFile.Path) ? Marked : None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}

/// <summary>Corpus files shaped like the seed (50 headlines, then a long article), from a seeded RNG.</summary>
public static class SyntheticCorpus
{
    public static IEnumerable<(string Path, string Text)> Files(int megabytes, int seed, int bytesPerFile = 128 * 1024)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 5000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(2, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray()))
            .ToArray();
        string Sentence(int min, int max)
        {
            var builder = new StringBuilder();
            int count = random.Next(min, max);
            for (int i = 0; i < count; i++)
            {
                string word = words[random.Next(words.Length)];
                builder.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : " " + word);
            }

            return builder.ToString();
        }

        long total = (long)megabytes * 1024 * 1024;
        int fileCount = (int)Math.Max(1, total / bytesPerFile);
        for (int f = 0; f < fileCount; f++)
        {
            var text = new StringBuilder(bytesPerFile + 1024);
            for (int h = 0; h < 50; h++)
            {
                text.Append("- ").Append(Sentence(5, 14)).Append('\n');
            }

            text.Append(Sentence(6, 12)).Append('\n');
            while (text.Length < total / fileCount)
            {
                text.Append(random.Next(30) == 0 ? "- " + Sentence(1, 4) + " -" : Sentence(20, 60) + ".").Append('\n');
            }

            text.Append("A.Writer--DESK\n");
            yield return ($"/corpus/news/{f:D5}.txt", text.ToString());
        }
    }
}
