using System.Runtime.CompilerServices;

namespace ThiDua.Core.Assessment;

/// <summary>One unit's values in a framework: the raw value per indicator position (NaN = missing).</summary>
public sealed record CohortMember(int UnitId, string UnitCode, string UnitName, string UnitType, double[] Raw, double[]? SelfRaw = null)
{
    public IReadOnlyList<string> ClusterCodes { get; init; } = [];
}

/// <summary>A unit's published or appraised result of the year before, as the comparison needs it.</summary>
public sealed record PreviousResult(int UnitId, string UnitCode, double Total, double Score100);

/// <summary>Last year's cohort and the lineage that links this year's units to last year's (R2).</summary>
public sealed record PreviousCohort(IReadOnlyList<PreviousResult> Results, ILookup<int, int> PredecessorsOf);

public sealed record AnomalyOptions(double AppraisalGapFraction = 0.10, double JumpStandardDeviations = 3, int MinimumCohortForJumps = 4);

public sealed record GroupResult(string Code, string Name, int Depth, double? Value, double Points, double MaxPoints);

/// <summary>How a unit compares with last year: its own result, or the mean of its predecessors' after a merger.</summary>
public sealed record PreviousComparison(double Total, double Score100, int Rank, string Basis, IReadOnlyList<string> UnitCodes, double Change100);

public static class AnomalyFlags
{
    /// <summary>The appraised total is far below the self-assessed one.</summary>
    public const string AppraisalGap = "appraisal_gap";

    /// <summary>The change since last year lies beyond N standard deviations of the other units' changes.</summary>
    public const string YearOverYearJump = "yoy_jump";
}

public sealed record UnitResult(
    int UnitId,
    string UnitCode,
    string UnitName,
    string UnitType,
    double Total,
    double Score100,
    string? Band,
    int Rank,
    int RankInType,
    IReadOnlyDictionary<string, int> RankInClusters,
    IReadOnlyList<GroupResult> Groups,
    RankInterval Uncertainty,
    PreviousComparison? Previous,
    double? SelfTotal,
    IReadOnlyList<string> Flags,
    double[] Points,
    IReadOnlyList<string> Missing);

public sealed record CohortResult(CompiledFramework Framework, IReadOnlyList<UnitResult> Units)
{
    /// <summary>Mean value (0–1) of each group over the cohort, for "my unit against the average" charts.</summary>
    public IReadOnlyList<double?> GroupAverages { get; init; } = [];
}

/// <summary>
/// Scores a whole cohort (the units assessed with one framework): points, group values, totals, score out of
/// 100, bands, competition ranks overall, within unit type and within each cluster/bloc, rank uncertainty,
/// last year's comparison through lineage, and anomaly flags.
/// </summary>
public static class CohortScoring
{
    public static CohortResult Compute(CompiledFramework framework, IReadOnlyList<CohortMember> members, PreviousCohort? previous = null, UncertaintyOptions? uncertainty = null, AnomalyOptions? anomalies = null)
    {
        anomalies ??= new AnomalyOptions();
        var n = members.Count;
        var indicators = framework.IndicatorCount;
        var raw = new double[n][];
        for (var u = 0; u < n; u++)
        {
            var member = members[u];
            if (member.Raw.Length != indicators)
            {
                throw new ArgumentException($"Unit {member.UnitCode} has {member.Raw.Length} values for {indicators} indicators.");
            }
            raw[u] = member.Raw;
        }
        var layout = CohortLayout.From(members.Select(m => m.UnitType).ToList(), members.Select(m => m.ClusterCodes).ToList());
        var arrays = ScoreCohort(framework, raw, layout);
        var totals = arrays.Totals;

        var selfTotals = new double?[n];
        var selfScratch = new double[indicators];
        for (var u = 0; u < n; u++)
        {
            if (members[u].SelfRaw is { } self)
            {
                selfTotals[u] = framework.Score(self, selfScratch);
            }
        }

        // Samples = 0 skips the Monte Carlo analysis: each interval is then the rank itself.
        var intervals = uncertainty is { Samples: 0 }
            ? arrays.Rank.Select(r => new RankInterval(r, r, r)).ToArray()
            : RankUncertainty.Compute(arrays.WeightGroupPoints, n, arrays.WeightGroups, uncertainty);
        var comparisons = previous is null ? new PreviousComparison?[n] : CompareWithPrevious(members, totals, framework.ScaleMax, previous);
        var jumps = YearOverYearJumps(comparisons, anomalies);

        var results = new UnitResult[n];
        for (var u = 0; u < n; u++)
        {
            var row = arrays.PointsOf(u).ToArray();
            var groups = new List<GroupResult>(arrays.Groups);
            for (var k = 0; k < arrays.Groups; k++)
            {
                var g = framework.Groups[k];
                var earned = arrays.GroupPoints[(u * arrays.Groups) + k];
                groups.Add(new GroupResult(g.Code, g.Name, g.Depth, g.Scored ? earned / g.MaxPoints : null, earned, g.MaxPoints));
            }

            var flags = new List<string>();
            if (selfTotals[u] is { } selfTotal && (selfTotal - totals[u]) / framework.ScaleMax >= anomalies.AppraisalGapFraction - 1e-12)
            {
                flags.Add(AnomalyFlags.AppraisalGap);
            }
            if (jumps[u])
            {
                flags.Add(AnomalyFlags.YearOverYearJump);
            }
            var missing = new List<string>();
            for (var i = 0; i < indicators; i++)
            {
                if (double.IsNaN(members[u].Raw[i]) && framework.MaxPoints[i] > 0)
                {
                    missing.Add(framework.Codes[i]);
                }
            }
            var inClusters = new Dictionary<string, int>();
            for (var slot = layout.ClusterStart[u]; slot < layout.ClusterStart[u + 1]; slot++)
            {
                inClusters[layout.ClusterNames[layout.ClusterOf[slot]]] = arrays.RankInCluster[slot];
            }

            results[u] = new UnitResult(
                members[u].UnitId, members[u].UnitCode, members[u].UnitName, members[u].UnitType,
                totals[u], totals[u] / framework.ScaleMax * 100, arrays.Bands[u] >= 0 ? framework.BandNames[arrays.Bands[u]] : null,
                arrays.Rank[u], arrays.RankInType[u], inClusters,
                groups, intervals[u], comparisons[u], selfTotals[u], flags, row, missing);
        }

        var ordered = results.OrderBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        var averages = framework.Groups.Select((g, k) => g.Scored && n > 0 ? (double?)results.Average(r => r.Groups[k].Value ?? 0) : null).ToList();
        return new CohortResult(framework, ordered) { GroupAverages = averages };
    }

    /// <summary>Units per work item of the parallel scoring: large enough that scheduling costs nothing beside it.</summary>
    private const int UnitsPerChunk = 256;

    /// <summary>
    /// The array-level core of <see cref="Compute"/>: points, weight-group and group points, group values, totals,
    /// bands, and competition ranks overall, within type and within each cluster — flat arrays, no allocation per
    /// unit or value. Each unit is one pass over its values, weight group by weight group (the rules of one kind in a
    /// tight loop); units are scored in parallel chunks; the ranks come from one sort of the totals, walked once for
    /// the types and once for the clusters (a rank within a subset is the rank among the subset's members in the
    /// overall order, so no subset needs a sort or a dictionary of its own).
    /// </summary>
    /// <param name="raw">One row of raw values per unit (NaN = missing), as long as the framework has indicators.</param>
    /// <param name="into">
    /// Arrays of an earlier call to overwrite (every value is computed again), when they have the same shape; else new
    /// ones are allocated. The points alone are 8 MB at national scale, and fresh memory of that size costs a page
    /// fault per 4 KB page on first touch — more than the scoring itself on a virtual machine.
    /// </param>
    public static CohortArrays ScoreCohort(CompiledFramework framework, IReadOnlyList<double[]> raw, CohortLayout layout, CohortArrays? into = null)
    {
        var n = layout.Units;
        if (raw.Count != n)
        {
            throw new ArgumentException($"{raw.Count} rows of values for {n} units.", nameof(raw));
        }
        var result = into is not null && into.Fits(framework, layout) ? into : new CohortArrays(framework, layout);
        var chunks = (n + UnitsPerChunk - 1) / UnitsPerChunk;
        if (chunks > 1)
        {
            Parallel.For(0, chunks, c => ScoreUnits(framework, raw, result, c * UnitsPerChunk, Math.Min(n, (c + 1) * UnitsPerChunk)));
        }
        else
        {
            ScoreUnits(framework, raw, result, 0, n);
        }

        var totals = result.Totals;
        var order = result.Order;
        Ranking.OrderDescending(totals, new ulong[2 * n], order);
        Ranking.CompetitionFromOrder(totals, order, result.Rank);
        RanksWithin(totals, order, layout.TypeOf, layout.TypeNames.Length, result.RankInType);
        RanksInClusters(totals, order, layout, result.RankInCluster);
        return result;
    }

    // Optimised at its first call: the Web app scores a cohort a few times per process, too few for tiered compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreUnits(CompiledFramework framework, IReadOnlyList<double[]> raw, CohortArrays result, int from, int to)
    {
        var indicators = result.Indicators;
        var weightGroups = result.WeightGroups;
        var groups = result.Groups;
        var groupStart = framework.WeightGroupStart;
        var treeStart = framework.TreeGroupStart;
        var treeWeights = framework.TreeGroupWeightGroups;
        for (var u = from; u < to; u++)
        {
            var row = raw[u];
            if (row.Length != indicators)
            {
                throw new ArgumentException($"Unit {u} has {row.Length} values for {indicators} indicators.", nameof(raw));
            }
            var points = result.Points.AsSpan(u * indicators, indicators);
            var weightPoints = result.WeightGroupPoints.AsSpan(u * weightGroups, weightGroups);
            var total = 0.0;
            for (var g = 0; g < weightGroups; g++)
            {
                var sum = framework.ScoreRange(groupStart[g], groupStart[g + 1], row, points);
                weightPoints[g] = sum;
                total += sum;
            }
            result.Totals[u] = total;
            result.Bands[u] = framework.BandIndex(total);
            for (var k = 0; k < groups; k++)
            {
                var sum = 0.0;
                for (var j = treeStart[k]; j < treeStart[k + 1]; j++)
                {
                    sum += weightPoints[treeWeights[j]];
                }
                var max = framework.Groups[k].MaxPoints;
                result.GroupPoints[(u * groups) + k] = sum;
                result.GroupValues[(u * groups) + k] = max > 0 ? sum / max : double.NaN;
            }
        }
    }

    /// <summary>Competition ranks within disjoint subsets (unit types): the overall order walked once, a counter per subset.</summary>
    private static void RanksWithin(double[] totals, int[] order, int[] subsetOf, int subsets, int[] ranks)
    {
        var seen = new int[subsets];
        var lastUnit = new int[subsets];
        foreach (var u in order)
        {
            var s = subsetOf[u];
            ranks[u] = seen[s] > 0 && Ranking.Ties(totals[lastUnit[s]], totals[u]) ? ranks[lastUnit[s]] : seen[s] + 1;
            seen[s]++;
            lastUnit[s] = u;
        }
    }

    /// <summary>The same for clusters, where a unit may belong to several: one rank per (unit, cluster) slot.</summary>
    private static void RanksInClusters(double[] totals, int[] order, CohortLayout layout, int[] ranks)
    {
        var clusters = layout.ClusterNames.Length;
        var seen = new int[clusters];
        var lastTotal = new double[clusters];
        var lastRank = new int[clusters];
        foreach (var u in order)
        {
            for (var slot = layout.ClusterStart[u]; slot < layout.ClusterStart[u + 1]; slot++)
            {
                var c = layout.ClusterOf[slot];
                var rank = seen[c] > 0 && Ranking.Ties(lastTotal[c], totals[u]) ? lastRank[c] : seen[c] + 1;
                ranks[slot] = rank;
                seen[c]++;
                lastTotal[c] = totals[u];
                lastRank[c] = rank;
            }
        }
    }

    /// <summary>
    /// Last year's value of each unit: its own result if it had one, otherwise the mean of the results of its
    /// predecessors (followed back through lineage, as the Ministry compares units after the 2025 mergers); the
    /// rank is the place that value would have taken in last year's table.
    /// </summary>
    public static PreviousComparison?[] CompareWithPrevious(IReadOnlyList<CohortMember> members, double[] totals, double scaleMax, PreviousCohort previous)
    {
        var byUnit = previous.Results.ToDictionary(r => r.UnitId);
        var previousTotals = previous.Results.Select(r => r.Total).ToList();
        var comparisons = new PreviousComparison?[members.Count];
        for (var u = 0; u < members.Count; u++)
        {
            var score100 = totals[u] / scaleMax * 100;
            if (byUnit.TryGetValue(members[u].UnitId, out var own))
            {
                comparisons[u] = new PreviousComparison(own.Total, own.Score100, Ranking.RankOf(own.Total, previousTotals), "self", [own.UnitCode], score100 - own.Score100);
                continue;
            }
            var found = new List<PreviousResult>();
            var seen = new HashSet<int> { members[u].UnitId };
            var frontier = new Queue<int>(previous.PredecessorsOf[members[u].UnitId]);
            while (frontier.Count > 0)
            {
                var id = frontier.Dequeue();
                if (!seen.Add(id))
                {
                    continue;
                }
                if (byUnit.TryGetValue(id, out var result))
                {
                    found.Add(result);
                }
                else
                {
                    foreach (var earlier in previous.PredecessorsOf[id])
                    {
                        frontier.Enqueue(earlier);
                    }
                }
            }
            if (found.Count > 0)
            {
                var meanTotal = found.Average(r => r.Total);
                var meanScore = found.Average(r => r.Score100);
                comparisons[u] = new PreviousComparison(meanTotal, meanScore, Ranking.RankOf(meanTotal, previousTotals), "predecessors",
                    found.Select(r => r.UnitCode).OrderBy(c => c, StringComparer.Ordinal).ToList(), score100 - meanScore);
            }
        }
        return comparisons;
    }

    /// <summary>
    /// A change is a jump when it lies more than N standard deviations from the mean change of the other units
    /// (leave-one-out: with the unit itself in the sample, no unit of a small cohort could ever reach 3 SD).
    /// </summary>
    public static bool[] YearOverYearJumps(IReadOnlyList<PreviousComparison?> comparisons, AnomalyOptions options)
    {
        var flags = new bool[comparisons.Count];
        var changes = comparisons.Select((c, u) => (c, u)).Where(x => x.c is not null).Select(x => (Change: x.c!.Change100, x.u)).ToList();
        if (changes.Count < options.MinimumCohortForJumps + 1)
        {
            return flags;
        }
        var sum = changes.Sum(c => c.Change);
        var sumSquares = changes.Sum(c => c.Change * c.Change);
        var others = changes.Count - 1;
        foreach (var (change, u) in changes)
        {
            var mean = (sum - change) / others;
            var variance = ((sumSquares - (change * change)) - (others * mean * mean)) / (others - 1);
            var sd = Math.Sqrt(Math.Max(variance, 0));
            flags[u] = sd > 1e-9 ? Math.Abs(change - mean) > options.JumpStandardDeviations * sd : Math.Abs(change - mean) > 1e-6;
        }
        return flags;
    }
}
