using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CorpusGen.PackageTests.Infrastructure;
using Xunit;

namespace CorpusGen.PackageTests;

/// <summary>
/// The generated code compiles with no warning (TreatWarningsAsErrors, AnalysisLevel=latest-all, documentation file)
/// for every kind of consumer: see <see cref="ConsumerBuilds.Matrix"/>. Only .NET 10 can run here, so these only build.
/// </summary>
public sealed class CompatibilityMatrixTests
{
    public static IEnumerable<object[]> Configs => ConsumerBuilds.Matrix.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task Consumer_builds_without_warnings(string config)
    {
        var batch = await ConsumerBuilds.Batch;
        batch.AssertBuiltClean(config);
    }
}
