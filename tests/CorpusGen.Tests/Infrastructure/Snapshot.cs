using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>
/// Snapshot files in Verify's layout: <c>{Class}.{Method}#{HintName}.verified.cs</c> beside the test's source file.
/// On a mismatch the new output is written as <c>.received.cs</c> and the failure shows a diff. Set
/// <c>CORPUSGEN_ACCEPT=1</c> to accept received output as verified. Switching to Verify.SourceGenerators later is a
/// package reference: the file names are the same.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "CORPUSGEN_ACCEPT";

    /// <summary>Every generated file of <paramref name="output"/> against its snapshot.</summary>
    public static void Verify(GeneratorOutput output, string testClass, [CallerMemberName] string method = "", [CallerFilePath] string sourceFile = "") =>
        Verify(output, testClass, includeApi: true, method, sourceFile);

    /// <summary>
    /// The corpus's own files only. The API file (<c>Corpus.g.cs</c>) depends on the target, not on the corpus;
    /// the seed's snapshot covers it, so other snapshots need not repeat its thousand lines.
    /// </summary>
    public static void VerifyData(GeneratorOutput output, string testClass, [CallerMemberName] string method = "", [CallerFilePath] string sourceFile = "") =>
        Verify(output, testClass, includeApi: false, method, sourceFile);

    private static void Verify(GeneratorOutput output, string testClass, bool includeApi, string method, string sourceFile)
    {
        string prefix = testClass + "." + method + "#";
        var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, source) in output.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!includeApi && hintName == "Corpus.g.cs")
            {
                continue;
            }

            names.Add(prefix + Path.GetFileNameWithoutExtension(hintName));
            Match(source, prefix + Path.GetFileNameWithoutExtension(hintName), sourceFile);
        }

        // A verified file that no output matches any more is a file the generator stopped writing: say so.
        string directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        foreach (string verified in Directory.GetFiles(directory, prefix + "*.verified.cs"))
        {
            string name = Path.GetFileName(verified)[..^".verified.cs".Length];
            if (names.Contains(name))
            {
                continue;
            }

            if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
            {
                File.Delete(verified);
                continue;
            }

            throw new XunitException($"Snapshot {name} is verified but the generator no longer writes it; set {AcceptVariable}=1 to delete it.");
        }
    }

    public static void Match(string actual, string name, string sourceFile)
    {
        string directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        string verified = Path.Combine(directory, name + ".verified.cs");
        string received = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(
            $"Snapshot {name} does not match {Path.GetFileName(verified)}" + (expected is null ? " (no verified file yet)" : string.Empty)
            + $".\nReceived output written to {received}; review it, then set {AcceptVariable}=1 to accept.\n" + Diff(expected ?? string.Empty, actual));
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var lines = diff.Lines
            .Select((line, index) => (line, index))
            .Where(pair => pair.line.Type != ChangeType.Unchanged)
            .Take(40)
            .Select(pair => (pair.line.Type == ChangeType.Inserted ? "+ " : "- ") + (pair.line.Position ?? pair.index + 1) + ": " + pair.line.Text);
        return string.Join("\n", lines);
    }
}
