using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CorpusGen.Tests.Fuzzing;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The same corpus generates the same bytes: whatever the order of the AdditionalFiles items, the line endings of
/// the checkout, the directory it sits in, or how often the generator runs. Builds stay reproducible and caches warm.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Output_is_byte_identical_whatever_the_order_of_the_items()
    {
        var files = RandomCorpus(seed: 11, count: 30);
        var expected = Generate(files);

        var random = new Random(12);
        for (int i = 0; i < 4; i++)
        {
            var shuffled = files.OrderBy(_ => random.Next()).ToList();
            AssertSameOutput(expected, Generate(shuffled), "shuffle " + i);
        }

        AssertSameOutput(expected, Generate(Enumerable.Reverse(files).ToList()), "reversed");
    }

    [Fact]
    public void Output_is_byte_identical_for_CRLF_LF_and_other_line_breaks()
    {
        var lines = RandomCorpus(seed: 21, count: 20)
            .Select(file => (file.Path, Lines: file.Text!.Split(CorpusTextGenerator.LineBreaks, StringSplitOptions.None)))
            .ToList();
        List<CorpusFileSpec> With(string lineBreak) => lines.Select(f => new CorpusFileSpec(f.Path, string.Join(lineBreak, f.Lines))).ToList();
        var lf = With("\n");
        var expected = Generate(lf);

        foreach (string lineBreak in new[] { "\r\n", "\r", "\u2028", "\u2029", "\u0085" })
        {
            var other = With(lineBreak);
            Assert.Equal(ReferenceReader.Read(lf).Dump(), ReferenceReader.Read(other).Dump());
            AssertSameOutput(expected, Generate(other), "line break U+" + ((int)lineBreak[^1]).ToString("X4"));
        }
    }

    [Fact]
    public void Output_is_byte_identical_for_a_BOM_and_without_one()
    {
        var files = RandomCorpus(seed: 31, count: 10);
        var withBom = files
            .Select(f => CorpusFileSpec.FromBytes(f.Path, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(f.Text!)).ToArray()))
            .ToList();

        AssertSameOutput(Generate(files), Generate(withBom), "BOM");
    }

    [Fact]
    public void Output_does_not_depend_on_where_the_project_is_checked_out()
    {
        var files = RandomCorpus(seed: 41, count: 10);
        IReadOnlyDictionary<string, string> Project(string directory) => new Dictionary<string, string> { ["ProjectDir"] = directory + "/" };
        List<CorpusFileSpec> Under(string directory, char separator) =>
            files.Select(f => f with { Path = (directory + f.Path.Substring("/project".Length)).Replace('/', separator) }).ToList();

        var expected = Generate(Under("/home/dev/project", '/'), Project("/home/dev/project"));

        AssertSameOutput(expected, Generate(Under("/build/agent/7/s", '/'), Project("/build/agent/7/s")), "another directory");
        AssertSameOutput(expected, Generate(Under("C:/src/project", '\\'), Project("C:\\src\\project")), "Windows paths");
    }

    [Fact]
    public void Running_twice_gives_the_same_bytes()
    {
        var files = RandomCorpus(seed: 51, count: 30);

        var first = Generate(files);
        var second = Generate(files);
        var driver = GeneratorRunner.CreateDriver(files);
        var compilation = GeneratorRunner.Compilation();
        driver = driver.RunGenerators(compilation);
        var rerun = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edit { }", GeneratorRunner.ParseOptions())));

        AssertSameOutput(first, second, "second run");
        AssertSameOutput(first, Bytes(rerun.GetRunResult()), "same driver, edited compilation");
    }

    private static List<CorpusFileSpec> RandomCorpus(int seed, int count)
    {
        var random = new CorpusTextGenerator(seed);
        return Enumerable.Range(0, count)
            .Select(i => new CorpusFileSpec($"/project/news/{(i % 3 == 0 ? "a" : "b")}/{i:D2}_{random.Random.Next(1000)}.txt", random.Document()))
            .ToList();
    }

    private static SortedDictionary<string, byte[]> Generate(IReadOnlyList<CorpusFileSpec> files, IReadOnlyDictionary<string, string>? properties = null)
    {
        var output = GeneratorRunner.Run(files, properties).AssertCompilesClean();
        return Bytes(output.Result);
    }

    /// <summary>Every generated file by hint name, as the bytes the compiler would write (UTF-8, with its checksum's encoding).</summary>
    private static SortedDictionary<string, byte[]> Bytes(GeneratorDriverRunResult result)
    {
        var sources = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var source in result.Results.Single().GeneratedSources)
        {
            var encoding = source.SourceText.Encoding ?? Encoding.UTF8;
            sources.Add(source.HintName, encoding.GetPreamble().Concat(encoding.GetBytes(source.SourceText.ToString())).ToArray());
        }

        return sources;
    }

    private static void AssertSameOutput(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual, string variant)
    {
        Assert.True(expected.Keys.SequenceEqual(actual.Keys), $"{variant}: hint names differ:\n  expected {string.Join(", ", expected.Keys)}\n  actual   {string.Join(", ", actual.Keys)}");
        foreach (var (hintName, bytes) in expected)
        {
            var other = actual[hintName];
            int at = 0;
            while (at < bytes.Length && at < other.Length && bytes[at] == other[at])
            {
                at++;
            }

            Assert.True(at == bytes.Length && at == other.Length, $"{variant}: {hintName} differs at byte {at}");
        }
    }
}
