using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>Runs CorpusGen the way the compiler does, on in-memory files, and hands back what it produced.</summary>
public static class GeneratorRunner
{
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        CSharpParseOptions.Default.WithLanguageVersion(version);

    /// <summary>A compilation of <paramref name="sources"/> against .NET 10 (or the given references).</summary>
    public static CSharpCompilation Compilation(
        IEnumerable<string>? sources = null,
        CSharpParseOptions? parseOptions = null,
        IEnumerable<MetadataReference>? references = null,
        NullableContextOptions nullable = NullableContextOptions.Enable)
    {
        parseOptions ??= ParseOptions();
        var trees = (sources ?? Array.Empty<string>()).Select(source => CSharpSyntaxTree.ParseText(source, parseOptions));
        return CSharpCompilation.Create(
            "CorpusTests_" + Guid.NewGuid().ToString("N"),
            trees,
            references ?? Basic.Reference.Assemblies.Net100.References.All,
            // Every warning wave (CS8981 and the like), as the SDK reports them for current targets.
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, deterministic: true, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Warn }));
    }

    public static TestOptionsProvider Options(IEnumerable<CorpusFileSpec> files, IReadOnlyDictionary<string, string>? properties = null)
    {
        var global = (properties ?? new Dictionary<string, string>())
            .ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value);
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var file in files)
        {
            var metadata = new Dictionary<string, string>();
            if (file.IsCorpus)
            {
                metadata["build_metadata.AdditionalFiles.Corpus"] = "true";
            }

            if (file.CorpusClass is not null)
            {
                metadata["build_metadata.AdditionalFiles.CorpusClass"] = file.CorpusClass;
            }

            perFile[file.Path] = metadata;
        }

        return new TestOptionsProvider(global, perFile);
    }

    /// <summary>
    /// A driver over <paramref name="files"/>, tracking steps so that tests can read their reasons unless
    /// <paramref name="trackSteps"/> is false (the driver's step records grow faster than the number of files: a
    /// corpus of 2,000 files spends minutes on them).
    /// </summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<CorpusFileSpec> files, IReadOnlyDictionary<string, string>? properties = null, CSharpParseOptions? parseOptions = null, bool trackSteps = true)
    {
        var list = files.ToList();
        return CreateDriver(
            list.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.ToSourceText())),
            Options(list, properties),
            parseOptions,
            trackSteps);
    }

    /// <summary>A driver over texts the test keeps hold of, so that it can replace one of them later.</summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> texts, TestOptionsProvider options, CSharpParseOptions? parseOptions = null, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new CorpusGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? ParseOptions(),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator over <paramref name="files"/> and compiles its output.</summary>
    public static GeneratorOutput Run(
        IEnumerable<CorpusFileSpec> files,
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<string>? sources = null,
        CSharpParseOptions? parseOptions = null,
        IEnumerable<MetadataReference>? references = null,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        bool trackSteps = true)
    {
        parseOptions ??= ParseOptions();
        var compilation = Compilation(sources, parseOptions, references, nullable);
        var driver = CreateDriver(files, properties, parseOptions, trackSteps)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutput(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }
}

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorOutput(
    GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.Single().GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());

    /// <summary>Errors and warnings of compiling the generated code (hidden and info diagnostics left out).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Fails unless the generator ran without throwing and its output compiles without a warning.</summary>
    public GeneratorOutput AssertCompilesClean()
    {
        Assert.Null(Result.Results.Single().Exception);
        Assert.DoesNotContain(GeneratorDiagnostics, d => d.Id == "CS8785" || d.Id == "CORPUS006");
        var problems = CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile clean:\n" + string.Join("\n", problems.Take(20)));
        return this;
    }
}
