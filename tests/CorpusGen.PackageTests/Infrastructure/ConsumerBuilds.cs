using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>
/// Every consumer of the matrix and option tests, built in one batch the first time a test needs it: each test then
/// reads its own project's outcome (and runs it, for the option tests).
/// </summary>
public static class ConsumerBuilds
{
    /// <summary>One consumer configuration of the compatibility matrix.</summary>
    public sealed record Config(
        string Name, string TargetFramework, string LangVersion, bool Nullable,
        bool Public = true, bool SystemMemory = false, bool OldCompiler = false, bool Aot = false)
    {
        public ConsumerProject Create(PackedPackage package)
        {
            var project = new ConsumerProject(Name, TargetFramework)
                .With("LangVersion", LangVersion)
                .With("ImplicitUsings", "disable")
                .With("TreatWarningsAsErrors", "true")
                .With("AnalysisLevel", "latest-all")
                .With("GenerateDocumentationFile", "true")
                .With("CorpusVisibility", Public ? "public" : "internal");

            // Nullable=enable is an error below C# 8, so C# 7.3 projects only say "disable".
            project.With("Nullable", Nullable ? "enable" : "disable");
            if (Aot)
            {
                project.With("IsAotCompatible", "true").With("IsTrimmable", "true");
            }

            if (SystemMemory)
            {
                project.WithPackage("System.Memory", "4.5.5");
            }

            if (OldCompiler)
            {
                project.WithPackage("Microsoft.Net.Compilers.Toolset", "4.14.0");
            }

            if (TargetFramework.StartsWith("net4", StringComparison.Ordinal))
            {
                project.WithPackage("Microsoft.NETFramework.ReferenceAssemblies", "1.0.3");
            }

            project.Copies["news/000_bb9cd9dc54830164.txt"] = package.SeedCorpus;
            project.Files["Usage.cs"] = Sources.Usage;
            return project;
        }

        public override string ToString() => Name;
    }

    /// <summary>
    /// .NET Framework and .NET Standard on C# 7.3 (no spans, or spans from System.Memory), .NET Standard on current C#,
    /// .NET 8 and 10 on current C# with nullable on and off, C# 10 (span tables without u8 literals), the 4.14
    /// compiler, internal visibility, and trimming/AOT analysis.
    /// </summary>
    public static readonly IReadOnlyList<Config> Matrix = new Config[]
    {
        new("Net472Cs73", "net472", "7.3", Nullable: false),
        new("Net472Cs73Memory", "net472", "7.3", Nullable: false, SystemMemory: true),
        new("Net472Cs73Compiler414", "net472", "7.3", Nullable: false, OldCompiler: true),
        new("Net472Latest", "net472", "latest", Nullable: false),
        new("NetStandard20Cs73", "netstandard2.0", "7.3", Nullable: false),
        new("NetStandard20Cs73Internal", "netstandard2.0", "7.3", Nullable: false, Public: false),
        new("NetStandard20Cs73Memory", "netstandard2.0", "7.3", Nullable: false, SystemMemory: true),
        new("NetStandard20LatestNullable", "netstandard2.0", "latest", Nullable: true),
        new("NetStandard20LatestNullableMemory", "netstandard2.0", "latest", Nullable: true, SystemMemory: true),
        new("Net80Nullable", "net8.0", "latest", Nullable: true),
        new("Net80NoNullable", "net8.0", "latest", Nullable: false),
        new("Net80Cs10", "net8.0", "10", Nullable: true),
        new("Net80Aot", "net8.0", "latest", Nullable: true, Aot: true),
        new("Net100Nullable", "net10.0", "latest", Nullable: true),
        new("Net100NoNullable", "net10.0", "latest", Nullable: false),
        new("Net100Internal", "net10.0", "latest", Nullable: true, Public: false),
        new("Net100Compiler414", "net10.0", "latest", Nullable: true, OldCompiler: true),
        new("Net100Aot", "net10.0", "latest", Nullable: true, Aot: true),
    };

    private static readonly Lazy<Task<ConsumerBatch>> s_batch = new(async () =>
    {
        var package = await PackedPackage.Instance.ConfigureAwait(false);
        var projects = Matrix.Select(m => m.Create(package)).Concat(OptionScenarios.Create(package)).ToList();
        return await ConsumerBatch.BuildAsync(package, "consumers", projects).ConfigureAwait(false);
    });

    public static Task<ConsumerBatch> Batch => s_batch.Value;
}
