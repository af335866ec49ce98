// netstandard2.0 lacks the marker type that C# needs for init accessors and records.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}

namespace CorpusGen
{
    /// <summary>How the generator's hot loops are compiled.</summary>
    internal static class Jit
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name: the method is compiled
        /// fully optimized on its first call instead of starting at tier 0. A build runs the generator once, in a
        /// fresh compiler process, while the compiler keeps the JIT busy; tier-0 loops over megabytes of text ran
        /// about ten times slower there than in a warm process.
        /// </summary>
        public const System.Runtime.CompilerServices.MethodImplOptions Hot = (System.Runtime.CompilerServices.MethodImplOptions)512;
    }
}
