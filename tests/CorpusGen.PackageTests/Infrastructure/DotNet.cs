using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>What a finished command printed, and how it ended.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command, its exit and the tail of its output: enough to diagnose a failure from the test log.</summary>
    public string Describe(int tailCharacters = 12000)
    {
        string tail = Output.Length > tailCharacters ? "…" + Output.Substring(Output.Length - tailCharacters) : Output;
        return $"`{Command}` {(TimedOut ? "timed out" : "exited " + ExitCode)} after {Elapsed.TotalSeconds:F0} s:\n{tail}";
    }
}

/// <summary>Runs the .NET CLI as a child process, isolated from the test host's MSBuild environment.</summary>
public static class DotNet
{
    /// <summary>The dotnet executable that runs these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Variables that `dotnet test` may set for its own MSBuild and that must not steer a nested build.</summary>
    private static readonly string[] Inherited =
    {
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED", "VSTEST_HOST_DEBUG", "VSTEST_RUNNER_DEBUG",
    };

    public static async Task<CommandResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["NUGET_XMLDOC_MODE"] = "skip";

        string command = Path.GetFileName(start.FileName) + " " + string.Join(" ", arguments);
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool timedOut = false;
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended meanwhile.
                }

                process.WaitForExit(10_000);
            }
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(command, timedOut ? -1 : process.ExitCode, text, watch.Elapsed, timedOut);
    }
}
