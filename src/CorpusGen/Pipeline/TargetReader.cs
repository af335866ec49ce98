using System.Linq;
using CorpusGen.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusGen.Pipeline;

/// <summary>Reads what the consuming compilation supports: language version and the span/UTF-8 APIs.</summary>
internal static class TargetReader
{
    public static TargetInfo Read(Compilation compilation, ParseOptions parseOptions)
    {
        var version = parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.CSharp7_3;
        int number = (int)version;
        if (number < 100)
        {
            // C# 1–7 are numbered 1..7 in the enum; 7.1 and later as 701, 702, 703, 800, 900 …
            number *= 100;
        }

        bool hasSpans = number >= 702
            && Has(compilation, "System.ReadOnlySpan`1")
            && Has(compilation, "System.MemoryExtensions")
            && Has(compilation, "System.Runtime.InteropServices.MemoryMarshal");
        var helpers = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RuntimeHelpers");
        bool hasCreateSpan = helpers is not null && helpers.GetMembers("CreateSpan").Any();
        return new TargetInfo(
            number,
            hasSpans,
            hasCreateSpan,
            Has(compilation, "System.Text.Unicode.Utf8"),
            Has(compilation, "System.Text.Ascii"));
    }

    private static bool Has(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) is not null;
}
