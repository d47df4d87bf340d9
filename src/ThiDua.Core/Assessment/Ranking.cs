using System.Numerics;

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
    /// any order). Each total becomes an order-preserving 64-bit key whose lowest bits are replaced by its position,
    /// so one sort of plain integers replaces a sort of keys with items (about three times cheaper); totals closer
    /// than the dropped bits can tell apart (relative 2⁻⁴⁰ for 3,321 units) are then put back in exact order by an
    /// insertion pass that costs one comparison per position when nothing moves.
    /// </summary>
    /// <param name="scratch">At least as long as <paramref name="totals"/>; its contents are overwritten.</param>
    public static void OrderDescending(ReadOnlySpan<double> totals, Span<ulong> scratch, Span<int> order)
    {
        var n = totals.Length;
        if (n == 0)
        {
            return;
        }
        var bits = n == 1 ? 1 : 32 - BitOperations.LeadingZeroCount((uint)(n - 1));
        var mask = (1UL << bits) - 1;
        var keys = scratch[..n];
        for (var u = 0; u < n; u++)
        {
            keys[u] = (DescendingKey(totals[u]) & ~mask) | (uint)u;
        }
        keys.Sort();
        for (var k = 0; k < n; k++)
        {
            order[k] = (int)(keys[k] & mask);
        }
        for (var k = 1; k < n; k++)
        {
            var u = order[k];
            var t = totals[u];
            var j = k - 1;
            while (j >= 0 && totals[order[j]] < t)
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = u;
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
