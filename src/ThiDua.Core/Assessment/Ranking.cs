namespace ThiDua.Core.Assessment;

/// <summary>Competition ranking ("1, 2, 2, 4"): equal totals share a rank, the next rank skips; ties are broken by nothing.</summary>
public static class Ranking
{
    /// <summary>Totals closer than this count as equal, so that floating-point noise cannot split a tie.</summary>
    public const double TieTolerance = 1e-9;

    public static int[] Competition(ReadOnlySpan<double> totals)
    {
        var n = totals.Length;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = -totals[i];
        }
        Array.Sort(keys, order);
        var ranks = new int[n];
        AssignRanks(keys, order, ranks);
        return ranks;
    }

    /// <summary>Ranks of a subset (a cluster): <paramref name="members"/> are positions in <paramref name="totals"/>.</summary>
    public static Dictionary<int, int> Competition(ReadOnlySpan<double> totals, IReadOnlyList<int> members)
    {
        var subset = new double[members.Count];
        for (var k = 0; k < members.Count; k++)
        {
            subset[k] = totals[members[k]];
        }
        var ranks = Competition(subset);
        var result = new Dictionary<int, int>(members.Count);
        for (var k = 0; k < members.Count; k++)
        {
            result[members[k]] = ranks[k];
        }
        return result;
    }

    /// <summary>The rank a value would take among <paramref name="totals"/>: one more than the number strictly above it.</summary>
    public static int RankOf(double value, IEnumerable<double> totals) =>
        1 + totals.Count(t => t > value + TieTolerance * Math.Max(1, Math.Abs(value)));

    /// <summary>Given keys sorted ascending (negated totals) and their positions, writes competition ranks.</summary>
    internal static void AssignRanks(double[] sortedNegatedTotals, int[] order, int[] ranks)
    {
        var n = order.Length;
        for (var k = 0; k < n; k++)
        {
            if (k > 0 && Math.Abs(sortedNegatedTotals[k] - sortedNegatedTotals[k - 1]) <= TieTolerance * Math.Max(1, Math.Abs(sortedNegatedTotals[k])))
            {
                ranks[order[k]] = ranks[order[k - 1]];
            }
            else
            {
                ranks[order[k]] = k + 1;
            }
        }
    }
}
