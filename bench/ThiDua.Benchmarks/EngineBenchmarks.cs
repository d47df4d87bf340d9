using BenchmarkDotNet.Attributes;
using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>
/// The engine on the national dataset (3,321 units × 300 indicators, 9 main indices, 1,000 points; NationalScale.cs).
/// Goals of the assessment issue: full scoring ≤ 50 ms, 1,000-sample uncertainty ≤ 1 s, on 2 cores.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private NationalScale _data = null!;
    private double[] _groupPoints = null!;
    private CohortArrays? _reused;

    [GlobalSetup]
    public void Setup()
    {
        _data = NationalScale.Create();
        _groupPoints = CohortScoring.ScoreCohort(_data.Framework, _data.Raw, _data.Layout).WeightGroupPoints;
    }

    /// <summary>The array core: points, group values, totals, bands, ranks overall / by type / in provinces (what `scoring` times).</summary>
    [Benchmark]
    public CohortArrays ScoreCohort() => CohortScoring.ScoreCohort(_data.Framework, _data.Raw, _data.Layout);

    /// <summary>The same, overwriting the arrays of the run before (what `scoring` times): no 8 MB of fresh memory per run.</summary>
    [Benchmark]
    public CohortArrays ScoreCohortReused() => _reused = CohortScoring.ScoreCohort(_data.Framework, _data.Raw, _data.Layout, _reused);

    /// <summary>The API's whole result: the core plus UnitResult records, flags, missing lists — everything but the Monte Carlo.</summary>
    [Benchmark]
    public CohortResult FullScoring() => CohortScoring.Compute(_data.Framework, _data.Members, uncertainty: new UncertaintyOptions(Samples: 0));

    /// <summary>1,000 samples of group weights (±25 %), re-ranking all 3,321 units each time.</summary>
    [Benchmark]
    public RankInterval[] Uncertainty1000() => RankUncertainty.Compute(_groupPoints, NationalScale.Units, NationalScale.Groups, new UncertaintyOptions());

    /// <summary>Compiling the framework itself (done once per framework version and cached).</summary>
    [Benchmark]
    public CompiledFramework Compile() => new(NationalScale.BuildFramework());
}
