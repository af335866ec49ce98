using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>
/// Many consumer projects restored and built together: one traversal project, one restore, one parallel build
/// (`-m`), so that MSBuild shares its nodes and evaluations instead of starting a CLI per project. Each project's
/// own outcome is read back from its output assembly and the diagnostics that MSBuild attributes to it.
/// </summary>
public sealed class ConsumerBatch
{
    private ConsumerBatch(IReadOnlyList<ConsumerProject> projects, CommandResult restore, CommandResult? build)
    {
        Projects = projects;
        Restore = restore;
        Build = build;
    }

    public IReadOnlyList<ConsumerProject> Projects { get; }

    public CommandResult Restore { get; }

    /// <summary>Null when the restore failed.</summary>
    public CommandResult? Build { get; }

    public static async Task<ConsumerBatch> BuildAsync(PackedPackage package, string name, IReadOnlyList<ConsumerProject> projects)
    {
        string folder = package.NewFolder(name);
        foreach (var project in projects)
        {
            project.Write(folder, package);
        }

        string traversal = Path.Combine(folder, "All.proj");
        File.WriteAllText(traversal, """
            <Project>
              <ItemGroup>
                <ConsumerProject Include="*/*.csproj" />
              </ItemGroup>
              <Target Name="Restore">
                <MSBuild Projects="@(ConsumerProject)" Targets="Restore" BuildInParallel="true" Properties="MSBuildRestoreSessionId=$([System.Guid]::NewGuid())" />
              </Target>
              <Target Name="Build">
                <MSBuild Projects="@(ConsumerProject)" Targets="Build" BuildInParallel="true" ContinueOnError="ErrorAndContinue" />
              </Target>
            </Project>
            """);

        string[] common = { "-nodeReuse:false", "-nologo", "-v:m", "-clp:ForceNoAlign", "-p:UseSharedCompilation=false" };
        var restore = await DotNet.RunAsync(folder, new[] { "msbuild", traversal, "-t:Restore", "-m" }.Concat(common).ToList(),
            TimeSpan.FromMinutes(6)).ConfigureAwait(false);
        if (!restore.Succeeded)
        {
            return new ConsumerBatch(projects, restore, null);
        }

        var build = await DotNet.RunAsync(folder, new[] { "msbuild", traversal, "-t:Build", "-m" }.Concat(common).ToList(),
            TimeSpan.FromMinutes(8)).ConfigureAwait(false);
        return new ConsumerBatch(projects, restore, build);
    }

    public ConsumerProject Project(string name) => Projects.Single(p => p.Name == name);

    /// <summary>Fails unless the project built with no warning and no error.</summary>
    public void AssertBuiltClean(string name)
    {
        Xunit.Assert.True(Restore.Succeeded, "Restore of the consumers failed: " + Restore.Describe());
        var project = Project(name);
        var diagnostics = project.Diagnostics(Build!.Output);
        Xunit.Assert.True(diagnostics.Count == 0,
            $"{name}: {diagnostics.Count} diagnostics:\n{string.Join("\n", diagnostics.Take(40))}");
        Xunit.Assert.True(File.Exists(project.OutputAssembly), $"{name}: {project.OutputAssembly} was not built. " + Build.Describe());
    }
}
