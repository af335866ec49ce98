using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using CorpusGen.Tests.Fuzzing;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The compiler stores every <c>u8</c> literal and <c>new int[] { … }</c> span as a field of
/// <c>&lt;PrivateImplementationDetails&gt;</c>, typed by a struct of the data's size, and the runtime loads one struct
/// type per distinct size the first time any of that data is read (about 4 µs each). Blobs, index tables and keys are
/// padded to a few sizes so that the first lookup in a process does not pay for one type per file.
/// </summary>
public sealed class StaticDataTests
{
    private static readonly Regex DataType = new(@"^__StaticArrayInitTypeSize=(\d+)(_Align=\d+)?$");

    [Fact]
    public void Tables_unpacked_for_a_big_endian_machine_hold_the_cells_a_little_endian_one_reads_in_place()
    {
        // Each index table is static data of ulongs, two cells to a ulong, low half first. A little-endian machine
        // reads the cells in place (MemoryMarshal.Cast); a big-endian one would read each pair the other way round, so
        // the index class's TableAddress unpacks the table into an array there instead. This machine is little-endian, so the
        // unpacking is called directly (from a probe inside the index class) and must give exactly the cells read in place.
        var random = new CorpusTextGenerator(4343);
        var files = Enumerable.Range(0, 40)
            .Select(i => new CorpusFileSpec($"/project/news/f{i:D3}.txt", random.HeadlineHeavyDocument(300)))
            .ToList();
        var output = GeneratorRunner.Run(files).AssertCompilesClean();
        var tables = output.Sources.Values
            .SelectMany(source => Regex.Matches(source, @"internal static global::System.ReadOnlySpan<ulong> (\w+)Data\(\)").Select(match => match.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.Contains("HeadlineTable0", tables);
        Assert.Contains("WordPostings1", tables);

        var probe = new System.Text.StringBuilder("internal static partial class CorpusGen_Corpus_Index\n{\n");
        probe.Append("    public static bool[] ProbeUnpack()\n    {\n        return new bool[]\n        {\n");
        foreach (string table in tables)
        {
            probe.Append($"            global::System.MemoryExtensions.SequenceEqual<int>(Unpack({table}Data(), ref s_probe{table}), global::System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, int>({table}Data())),\n");
        }

        probe.Append("        };\n    }\n");
        foreach (string table in tables)
        {
            probe.Append($"    private static int[] s_probe{table};\n");
        }

        probe.Append("}\n");
        var compilation = output.Compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(probe.ToString(), GeneratorRunner.ParseOptions()));
        var loaded = CompiledCorpus.LoadAssembly(compilation);
        var equal = (bool[])loaded.GetType("CorpusGen_Corpus_Index", throwOnError: true)!.GetMethod("ProbeUnpack")!.Invoke(null, null)!;

        Assert.Equal(tables.Count, equal.Length);
        Assert.All(equal.Select((same, i) => (same, tables[i])), pair => Assert.True(pair.same, pair.Item2 + " unpacks to other cells"));
    }

    [Fact]
    public void Static_data_of_many_files_of_different_sizes_uses_few_sizes()
    {
        var random = new CorpusTextGenerator(4242);
        var files = Enumerable.Range(0, 150)
            .Select(i => new CorpusFileSpec($"/project/news/f{i:D3}.txt", random.HeadlineHeavyDocument(random.Random.Next(1, 400))))
            .ToList();
        var output = GeneratorRunner.Run(files).AssertCompilesClean();
        Assert.True(output.Sources.Keys.Count(name => name.StartsWith("Corpus.Index.Headlines.", StringComparison.Ordinal)) > 1, "expected several index shards");

        var sizes = StaticDataSizes(output.Compilation);

        // One field per group of 8 files at least (small files of a group share one), and the index's tables and keys.
        Assert.True(sizes.Count >= files.Count / 8, $"only {sizes.Count} static data fields");
        // Unpadded, 150 files of random sizes would give well over 100 distinct sizes.
        var distinct = sizes.Distinct().ToList();
        Assert.True(distinct.Count <= 60, $"{distinct.Count} distinct sizes: {string.Join(", ", distinct.OrderBy(s => s))}");
        // Every size is one StaticDataSize rounds to, except the class's three document tables, which are small and
        // whose length the runtime reads.
        var unrounded = sizes.Where(size => RoundUp(size) != size).ToList();
        Assert.True(unrounded.Count <= 3, $"sizes that are not rounded: {string.Join(", ", unrounded)}");
    }

    [Fact]
    public void Small_files_of_a_group_share_one_literal_and_every_value_reads_back()
    {
        // Groups of 8 files (corpus order): small hostile documents, one of three blobs (about 440 KB), two of about 110 KB
        // that do not fit one 192 KiB literal together, and a group of one file.
        var random = new CorpusTextGenerator(4545);
        var files = new List<CorpusFileSpec>();
        for (int i = 0; i < 17; i++)
        {
            string text = i switch
            {
                2 => random.HeadlineHeavyDocument(12_000),
                4 or 5 => random.HeadlineHeavyDocument(3_000),
                _ => random.Document(12, 12),
            };
            files.Add(new CorpusFileSpec($"/project/news/p{i:D2}.txt", text));
        }

        var output = GeneratorRunner.Run(files, sources: new[] { CompiledCorpus.ProbeSource() }).AssertCompilesClean();
        var corpus = CompiledCorpus.Load(output.Compilation);
        Assert.Equal(ReferenceReader.Read(files).Dump(), corpus.Values().Dump());
        Assert.True(corpus.ArticlesAreOneObjectEach());

        var packs = 0;
        foreach (var (name, store) in output.Sources.Where(source => source.Key.Contains(".Store.", StringComparison.Ordinal)))
        {
            // A pack is its first document's literal; the others slice it one after another, and all fit the blob limit.
            foreach (var pack in Regex.Matches(store, @"=> (\w+)\.Slice\(").Select(match => match.Groups[1].Value).Distinct())
            {
                packs++;
                var slices = Regex.Matches(store, @"=> " + pack + @"\.Slice\((\d+), (\d+)\);")
                    .Select(match => (Start: int.Parse(match.Groups[1].Value), Length: int.Parse(match.Groups[2].Value)))
                    .ToList();
                Assert.True(slices[0].Start > 0, name + ": a slice over the first document's header");
                for (int i = 1; i < slices.Count; i++)
                {
                    Assert.Equal(slices[i - 1].Start + slices[i - 1].Length, slices[i].Start);
                }

                Assert.True(slices[^1].Start + slices[^1].Length <= 192 * 1024, name + ": a pack past the blob limit");
            }
        }

        // Files 0-1, 3-4, 5-7 and 8-15 pack; each of file 2's three blobs keeps a literal of its own, and so does file 16,
        // alone in its group: 8 literals for 19 blobs.
        Assert.Equal(4, packs);
        int literals = output.Sources.Where(source => source.Key.Contains(".Store.", StringComparison.Ordinal))
            .Sum(source => Regex.Matches(source.Value, @"ReadOnlySpan<byte> \w+ =>$", RegexOptions.Multiline).Count);
        Assert.Equal(8, literals);
    }

    /// <summary>The size of every static data field of the compiled assembly.</summary>
    private static List<int> StaticDataSizes(Microsoft.CodeAnalysis.Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var details = reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .Single(type => reader.GetString(type.Name) == "<PrivateImplementationDetails>");
        var sizes = new List<int>();
        foreach (var handle in details.GetFields())
        {
            var field = reader.GetFieldDefinition(handle);
            var signature = reader.GetBlobReader(field.Signature);
            signature.ReadSignatureHeader();
            var typeCode = signature.ReadSignatureTypeCode();
            if (typeCode != SignatureTypeCode.TypeHandle)
            {
                continue; // a primitive (data of 1, 2, 4 or 8 bytes), which needs no struct of its own
            }

            var type = signature.ReadTypeHandle();
            if (type.Kind != HandleKind.TypeDefinition)
            {
                continue;
            }

            var match = DataType.Match(reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name));
            if (match.Success)
            {
                sizes.Add(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sizes;
    }

    /// <summary>Independent restatement of the rule: 16 steps per power of two, steps of 256 bytes at least.</summary>
    private static int RoundUp(int bytes)
    {
        if (bytes <= 256)
        {
            return 256;
        }

        int top = 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)bytes));
        int step = Math.Max(256, top >> 4);
        return (bytes + step - 1) / step * step;
    }
}
