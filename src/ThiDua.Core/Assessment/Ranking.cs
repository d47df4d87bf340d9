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

    /// <summary>
    /// Orders positions by total, highest first, exactly as a comparison sort of the totals would (equal totals in
    /// any order). Each total becomes an order-preserving 64-bit key; its upper 32 bits (sign, exponent and 20 bits
    /// of mantissa) are sorted by a radix sort of four byte-wide passes — a pass whose byte is the same for every
    /// key is skipped — with the position in the lower 32 bits. Totals that those bits cannot tell apart (closer
    /// than about one millionth) form short runs that are then put in exact order. At 3,321 units this is several
    /// times cheaper than a comparison sort, whose mispredicted branches dominate the Monte Carlo analysis.
    /// </summary>
    /// <param name="scratch">At least twice as long as <paramref name="totals"/>; its contents are overwritten.</param>
    public static void OrderDescending(ReadOnlySpan<double> totals, Span<ulong> scratch, Span<int> order)
    {
        var n = totals.Length;
        if (n == 0)
        {
            return;
        }
        var keys = scratch[..n];
        for (var u = 0; u < n; u++)
        {
            keys[u] = (DescendingKey(totals[u]) & 0xFFFF_FFFF_0000_0000UL) | (uint)u;
        }
        RadixSortUpperHalf(keys, scratch.Slice(n, n));
        for (var k = 0; k < n; k++)
        {
            order[k] = (int)(uint)keys[k];
        }
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] >> 32 == keys[start] >> 32)
            {
                end++;
            }
            if (end - start > 1)
            {
                SortRun(totals, order[start..end]);
            }
            start = end;
        }
    }

    /// <summary>Stable LSD radix sort of the keys by their upper 32 bits; the result ends in <paramref name="keys"/>.</summary>
    private static void RadixSortUpperHalf(Span<ulong> keys, Span<ulong> temp)
    {
        Span<int> offsets = stackalloc int[256];
        var source = keys;
        var target = temp;
        for (var shift = 32; shift < 64; shift += 8)
        {
            offsets.Clear();
            foreach (var key in source)
            {
                offsets[(int)(key >> shift) & 0xFF]++;
            }
            if (offsets[(int)(source[0] >> shift) & 0xFF] == source.Length)
            {
                continue;
            }
            var sum = 0;
            for (var d = 0; d < 256; d++)
            {
                var count = offsets[d];
                offsets[d] = sum;
                sum += count;
            }
            foreach (var key in source)
            {
                target[offsets[(int)(key >> shift) & 0xFF]++] = key;
            }
            var swap = source;
            source = target;
            target = swap;
        }
        if (source != keys)
        {
            source.CopyTo(keys);
        }
    }

    /// <summary>Positions whose totals the radix key could not tell apart, put in exact descending order.</summary>
    private static void SortRun(ReadOnlySpan<double> totals, Span<int> run)
    {
        if (run.Length > 32)
        {
            // Rare (many totals within a millionth of each other but not equal): a comparison sort of the run.
            var negated = new double[run.Length];
            for (var j = 0; j < run.Length; j++)
            {
                negated[j] = -totals[run[j]];
            }
            negated.AsSpan().Sort(run);
            return;
        }
        for (var k = 1; k < run.Length; k++)
        {
            var u = run[k];
            var t = totals[u];
            var j = k - 1;
            while (j >= 0 && totals[run[j]] < t)
            {
                run[j + 1] = run[j];
                j--;
            }
            run[j + 1] = u;
        }
    }

    /// <summary>An unsigned key that sorts ascending as the double sorts descending (IEEE bits, sign folded).</summary>
    private static ulong DescendingKey(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var ascending = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        return ~ascending;
    }

    /// <summary>Whether <paramref name="total"/> ties with the total just above it in the order (the rule of <see cref="AssignRanks"/>).</summary>
    public static bool Ties(double above, double total) => Math.Abs(above - total) <= TieTolerance * Math.Max(1, Math.Abs(total));

    /// <summary>Competition ranks from positions ordered by <see cref="OrderDescending"/>.</summary>
    public static void CompetitionFromOrder(ReadOnlySpan<double> totals, ReadOnlySpan<int> order, Span<int> ranks)
    {
        for (var k = 0; k < order.Length; k++)
        {
            var u = order[k];
            ranks[u] = k > 0 && Ties(totals[order[k - 1]], totals[u]) ? ranks[order[k - 1]] : k + 1;
        }
    }

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
