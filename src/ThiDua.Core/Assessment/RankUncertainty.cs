namespace ThiDua.Core.Assessment;

public sealed record UncertaintyOptions(int Samples = 1000, double WeightSpread = 0.25, int Seed = 20220715);

/// <summary>Where a unit's rank lies when the group weights are not taken as exact: the median and the 5th–95th percentile.</summary>
public readonly record struct RankInterval(double Median, double P5, double P95);

/// <summary>
/// Rank uncertainty by Monte Carlo over group weights (COINr / JRC practice): each sample multiplies every
/// main index's points by a weight drawn uniformly from [1 − spread, 1 + spread], re-totals and re-ranks all
/// units. The weights come from one seeded generator, drawn before the parallel work, so the result is the same
/// on every run and every machine.
/// </summary>
public static class RankUncertainty
{
    /// <param name="groupPoints">Units × groups, row-major: points of unit u in weight group g at [u * groups + g].</param>
    public static RankInterval[] Compute(ReadOnlySpan<double> groupPoints, int units, int groups, UncertaintyOptions? options = null)
    {
        options ??= new UncertaintyOptions();
        if (units == 0)
        {
            return [];
        }
        if (groupPoints.Length != units * groups)
        {
            throw new ArgumentException("groupPoints must hold units × groups values.", nameof(groupPoints));
        }
        var samples = options.Samples;
        var random = new Random(options.Seed);
        var weights = new double[samples * groups];
        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] = 1 - options.WeightSpread + (2 * options.WeightSpread * random.NextDouble());
        }

        var points = groupPoints.ToArray();
        // ranks[u * samples + s]: each unit's samples side by side, ready to be sorted for percentiles.
        var ranks = new int[units * samples];
        Parallel.For(0, samples,
            () => new Buffers(units),
            (s, _, buffers) =>
            {
                var w = weights.AsSpan(s * groups, groups);
                for (var u = 0; u < units; u++)
                {
                    var total = 0.0;
                    var row = points.AsSpan(u * groups, groups);
                    for (var g = 0; g < groups; g++)
                    {
                        total += w[g] * row[g];
                    }
                    buffers.Keys[u] = -total;
                    buffers.Order[u] = u;
                }
                Array.Sort(buffers.Keys, buffers.Order);
                Ranking.AssignRanks(buffers.Keys, buffers.Order, buffers.Ranks);
                for (var u = 0; u < units; u++)
                {
                    ranks[(u * samples) + s] = buffers.Ranks[u];
                }
                return buffers;
            },
            _ => { });

        var result = new RankInterval[units];
        Parallel.For(0, units, u =>
        {
            var row = ranks.AsSpan(u * samples, samples);
            row.Sort();
            result[u] = new RankInterval(Percentile(row, 0.5), Percentile(row, 0.05), Percentile(row, 0.95));
        });
        return result;
    }

    /// <summary>Linear interpolation between closest ranks (the usual "type 7" percentile) of sorted values.</summary>
    public static double Percentile(ReadOnlySpan<int> sorted, double p)
    {
        if (sorted.Length == 1)
        {
            return sorted[0];
        }
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private sealed class Buffers(int units)
    {
        public double[] Keys { get; } = new double[units];
        public int[] Order { get; } = new int[units];
        public int[] Ranks { get; } = new int[units];
    }
}
