using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>Runs a built consumer and reads its <c>key=value</c> lines.</summary>
public static class ProgramOutput
{
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(ConsumerProject project)
    {
        var run = await DotNet.RunAsync(project.Directory!, new[] { project.OutputAssembly }, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        Xunit.Assert.True(run.Succeeded, run.Describe());
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in run.Output.Split('\n'))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..].TrimEnd('\r');
            }
        }

        return values;
    }
}
