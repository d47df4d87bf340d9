using System.Buffers;

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
    /// <summary>Units per block of the percentile step: 16 ranks (ints) fill one 64-byte cache line of a sample's row.</summary>
    private const int Block = 16;

    /// <summary>
    /// The weights of every sample, sample-major (weight of group g in sample s at [s × groups + g]), drawn from the
    /// seeded generator in that order — the same numbers on every run, which other engines can be given to compare.
    /// </summary>
    public static double[] Weights(int samples, int groups, UncertaintyOptions? options = null)
    {
        options ??= new UncertaintyOptions();
        var random = new Random(options.Seed);
        var weights = new double[samples * groups];
        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] = 1 - options.WeightSpread + (2 * options.WeightSpread * random.NextDouble());
        }
        return weights;
    }

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
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1, nameof(options));
        var weights = Weights(samples, groups, options);
        var points = groupPoints.ToArray();

        // ranks[s * units + u]: each sample writes its own contiguous row, so the two cores never share a cache line.
        // 13 MB at national scale: rented, because fresh memory of that size costs a page fault per 4 KB on first touch.
        var ranks = ArrayPool<int>.Shared.Rent(samples * units);
        try
        {
            return Intervals(points, weights, ranks, units, groups, samples);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ranks);
        }
    }

    private static RankInterval[] Intervals(double[] points, double[] weights, int[] ranks, int units, int groups, int samples)
    {
        Parallel.For(0, samples,
            () => new SampleBuffers(units),
            (s, _, buffers) =>
            {
                var w = weights.AsSpan(s * groups, groups);
                var totals = buffers.Totals;
                for (var u = 0; u < units; u++)
                {
                    var total = 0.0;
                    var row = points.AsSpan(u * groups, groups);
                    for (var g = 0; g < groups; g++)
                    {
                        total += w[g] * row[g];
                    }
                    totals[u] = total;
                }
                Ranking.OrderDescending(totals, buffers.Keys, buffers.Order);
                Ranking.CompetitionFromOrder(totals, buffers.Order, ranks.AsSpan(s * units, units));
                return buffers;
            },
            _ => { });

        // Percentiles without sorting: a unit's ranks are small integers within a narrow range, so a histogram over
        // that range (a counting sort) gives the order statistics the type-7 percentile needs.
        var result = new RankInterval[units];
        var blocks = (units + Block - 1) / Block;
        Parallel.For(0, blocks,
            () => new PercentileBuffers(units, samples),
            (b, _, buffers) =>
            {
                var first = b * Block;
                var width = Math.Min(Block, units - first);
                var column = buffers.Column;
                // Transpose one block: a cache line of each sample's row gives the ranks of 16 units.
                for (var s = 0; s < samples; s++)
                {
                    var line = ranks.AsSpan((s * units) + first, width);
                    for (var j = 0; j < width; j++)
                    {
                        column[(j * samples) + s] = line[j];
                    }
                }
                for (var j = 0; j < width; j++)
                {
                    result[first + j] = Interval(column.AsSpan(j * samples, samples), buffers.Histogram);
                }
                return buffers;
            },
            _ => { });
        return result;
    }

    /// <summary>The median, P5 and P95 (type 7) of one unit's ranks, through a histogram of the ranks.</summary>
    private static RankInterval Interval(ReadOnlySpan<int> values, int[] histogram)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var counts = histogram.AsSpan(0, max - min + 1);
        counts.Clear();
        foreach (var v in values)
        {
            counts[v - min]++;
        }
        return new RankInterval(
            Percentile(counts, min, values.Length, 0.5),
            Percentile(counts, min, values.Length, 0.05),
            Percentile(counts, min, values.Length, 0.95));
    }

    /// <summary>The type-7 percentile of values given as counts per value (value = min + index).</summary>
    private static double Percentile(ReadOnlySpan<int> counts, int min, int length, double p)
    {
        if (length == 1)
        {
            return min;
        }
        var h = (length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, length - 1);
        var low = Kth(counts, min, lo);
        var high = Kth(counts, min, hi);
        return low + ((h - lo) * (high - low));
    }

    /// <summary>The k-th smallest value (0-based) of values given as counts.</summary>
    private static int Kth(ReadOnlySpan<int> counts, int min, int k)
    {
        var seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen > k)
            {
                return min + i;
            }
        }
        return min + counts.Length - 1;
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

    private sealed class SampleBuffers(int units)
    {
        public double[] Totals { get; } = new double[units];
        public ulong[] Keys { get; } = new ulong[2 * units];
        public int[] Order { get; } = new int[units];
    }

    private sealed class PercentileBuffers(int units, int samples)
    {
        public int[] Column { get; } = new int[Block * samples];
        public int[] Histogram { get; } = new int[units + 1];
    }
}
