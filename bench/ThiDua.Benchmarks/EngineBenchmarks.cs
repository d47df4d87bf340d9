using BenchmarkDotNet.Attributes;
using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>The goals of the assessment issue: full scoring ≤ 50 ms, 1,000-sample uncertainty ≤ 1 s, on 2 cores.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private CompiledFramework _framework = null!;
    private List<CohortMember> _members = null!;
    private double[] _groupPoints = null!;

    [GlobalSetup]
    public void Setup()
    {
        _framework = new CompiledFramework(NationalScale.Framework());
        _members = NationalScale.Members(_framework);
        _groupPoints = new double[NationalScale.Units * NationalScale.Groups];
        var points = new double[_framework.IndicatorCount];
        for (var u = 0; u < _members.Count; u++)
        {
            _framework.Score(_members[u].Raw, points);
            for (var i = 0; i < points.Length; i++)
            {
                _groupPoints[(u * NationalScale.Groups) + _framework.WeightGroupOf[i]] += points[i];
            }
        }
    }

    /// <summary>Points, group values, totals, bands, ranks overall, by type and in 100 clusters, flags — everything but the Monte Carlo.</summary>
    [Benchmark]
    public CohortResult FullScoring() => CohortScoring.Compute(_framework, _members, uncertainty: new UncertaintyOptions(Samples: 0));

    /// <summary>1,000 samples of group weights (±25 %), re-ranking all 3,321 units each time.</summary>
    [Benchmark]
    public RankInterval[] Uncertainty1000() => RankUncertainty.Compute(_groupPoints, NationalScale.Units, NationalScale.Groups, new UncertaintyOptions());

    /// <summary>Compiling the framework itself (done once per framework version and cached).</summary>
    [Benchmark]
    public CompiledFramework Compile() => new(NationalScale.Framework());
}
