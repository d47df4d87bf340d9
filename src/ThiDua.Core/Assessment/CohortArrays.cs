namespace ThiDua.Core.Assessment;

/// <summary>
/// Who is ranked with whom, as integers: the unit type of each unit (0 … TypeCount − 1) and the clusters of each
/// unit in CSR form — the clusters of unit u are <c>ClusterOf[ClusterStart[u] .. ClusterStart[u + 1]]</c>. The
/// names are kept beside them for the API; the kernel never touches a string.
/// </summary>
public sealed record CohortLayout(int[] TypeOf, string[] TypeNames, int[] ClusterStart, int[] ClusterOf, string[] ClusterNames)
{
    public int Units => TypeOf.Length;

    /// <summary>Numbers the types and clusters in order of first appearance.</summary>
    public static CohortLayout From(IReadOnlyList<string> types, IReadOnlyList<IReadOnlyList<string>> clusters)
    {
        var n = types.Count;
        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var typeOf = new int[n];
        var clusterStart = new int[n + 1];
        var clusterOf = new List<int>(n);
        for (var u = 0; u < n; u++)
        {
            if (!typeIndex.TryGetValue(types[u], out var t))
            {
                typeIndex[types[u]] = t = typeIndex.Count;
            }
            typeOf[u] = t;
            clusterStart[u] = clusterOf.Count;
            foreach (var code in clusters[u])
            {
                if (!clusterIndex.TryGetValue(code, out var c))
                {
                    clusterIndex[code] = c = clusterIndex.Count;
                }
                // A unit listed twice in one cluster is ranked there once.
                if (!clusterOf.Skip(clusterStart[u]).Contains(c))
                {
                    clusterOf.Add(c);
                }
            }
        }
        clusterStart[n] = clusterOf.Count;
        return new CohortLayout(typeOf, [.. typeIndex.Keys], clusterStart, [.. clusterOf], [.. clusterIndex.Keys]);
    }
}

/// <summary>
/// A scored cohort as flat arrays, row-major by unit: what <see cref="CohortScoring.ScoreCohort"/> computes and
/// <see cref="CohortScoring.Compute"/> turns into <see cref="UnitResult"/> records.
/// </summary>
public sealed class CohortArrays
{
    internal CohortArrays(CompiledFramework framework, CohortLayout layout)
    {
        var n = layout.Units;
        Units = n;
        Indicators = framework.IndicatorCount;
        WeightGroups = framework.WeightGroupCodes.Length;
        Groups = framework.Groups.Count;
        // Every element is written by the kernel, so the memory need not be zeroed first.
        Points = GC.AllocateUninitializedArray<double>(n * Indicators);
        WeightGroupPoints = GC.AllocateUninitializedArray<double>(n * WeightGroups);
        GroupPoints = GC.AllocateUninitializedArray<double>(n * Groups);
        GroupValues = GC.AllocateUninitializedArray<double>(n * Groups);
        Totals = new double[n];
        Bands = new int[n];
        Rank = new int[n];
        RankInType = new int[n];
        RankInCluster = new int[layout.ClusterOf.Length];
        Order = new int[n];
    }

    internal bool Fits(CompiledFramework framework, CohortLayout layout) =>
        Units == layout.Units && Indicators == framework.IndicatorCount && WeightGroups == framework.WeightGroupCodes.Length
        && Groups == framework.Groups.Count && RankInCluster.Length == layout.ClusterOf.Length;

    public int Units { get; }
    public int Indicators { get; }
    public int WeightGroups { get; }
    public int Groups { get; }

    /// <summary>Points of unit u for indicator i at [u × Indicators + i].</summary>
    public double[] Points { get; }

    /// <summary>Points of unit u in weight group g at [u × WeightGroups + g]: the input of <see cref="RankUncertainty"/>.</summary>
    public double[] WeightGroupPoints { get; }

    /// <summary>Points of unit u in group k of <see cref="CompiledFramework.Groups"/> at [u × Groups + k].</summary>
    public double[] GroupPoints { get; }

    /// <summary>Group values (points ÷ the group's maximum, 0–1); NaN for a group that is not scored.</summary>
    public double[] GroupValues { get; }

    public double[] Totals { get; }

    /// <summary>Position of each unit's band in <see cref="CompiledFramework.BandNames"/>, −1 when none applies.</summary>
    public int[] Bands { get; }

    /// <summary>Competition ranks overall (1, 2, 2, 4 …).</summary>
    public int[] Rank { get; }

    /// <summary>Competition ranks among the units of the same type.</summary>
    public int[] RankInType { get; }

    /// <summary>Competition rank of each (unit, cluster) pair, aligned with <see cref="CohortLayout.ClusterOf"/>.</summary>
    public int[] RankInCluster { get; }

    /// <summary>The units from the highest total to the lowest.</summary>
    public int[] Order { get; }

    public ReadOnlySpan<double> PointsOf(int unit) => Points.AsSpan(unit * Indicators, Indicators);
}
