using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>The sample, built and run as README tells a new user to, prints the seed's corpus.</summary>
public sealed class SampleTests
{
    [Fact]
    public void Sample_prints_headlines_article_and_word_matches()
    {
        string root = RepositoryRoot();
        // The generator is already built (this test project references it): build only the sample, then run it as README says.
        Run(root, "build", "sample/CorpusGen.Sample", "-p:BuildProjectReferences=false", "-nologo", "-v", "q");
        string printed = Run(root, "run", "--no-build", "--project", "sample/CorpusGen.Sample", "--", "Trump");

        Assert.Contains("50 headlines:", printed);
        Assert.Contains("  - Dutch coalition survives political turmoil after minister's resignation", printed);
        Assert.Contains("Article: US, S.Korea call for North to withdraw troops from Russia", printed);
        Assert.Contains("['Co-belligerents']", printed);
        Assert.Contains("Byline: P.Smith--AT (author P.Smith, desk AT)", printed);
        Assert.Contains("Headlines with the word 'Trump': 7", printed);
        Assert.Contains("  [37] Trump pressures US Senate with divisive cabinet picks", printed);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorpusGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CorpusGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet " + string.Join(" ", arguments) + " timed out");
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(" ", arguments)} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        return output;
    }
}
