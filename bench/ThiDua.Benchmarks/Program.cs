using BenchmarkDotNet.Running;
using ThiDua.Benchmarks;

// `scoring` and `uncertainty` are the scripted comparisons (docs/performance.md); anything else goes to BenchmarkDotNet.
if (Commands.IsCommand(args))
{
    return Commands.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
