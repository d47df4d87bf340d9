namespace ThiDua.Core.Assessment;

public sealed record IndicatorGap(string Code, string Name, string GroupCode, double MaxPoints, double Points, double Lost);

/// <summary>Why a unit has its score: points lost per indicator (largest first) and what the next band and the next rank need.</summary>
public sealed record Explanation(
    string UnitCode,
    double Total,
    double Score100,
    string? Band,
    int Rank,
    IReadOnlyList<IndicatorGap> Gaps,
    string? NextBand,
    double? PointsToNextBand,
    int? NextRank,
    double? PointsToNextRank,
    IReadOnlyList<string> Missing);

public static class Explainer
{
    public static Explanation Explain(CohortResult cohort, string unitCode)
    {
        var unit = cohort.Units.FirstOrDefault(u => string.Equals(u.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException(unitCode);
        // The next rank is the place of the nearest better total: reaching that total exactly shares its rank.
        var better = cohort.Units.Where(u => u.Rank < unit.Rank).OrderBy(u => u.Total).FirstOrDefault();
        return Explain(cohort.Framework, unit.UnitCode, unit.Total, unit.Score100, unit.Band, unit.Rank, unit.Points, unit.Missing,
            better is null ? null : (better.Rank, better.Total));
    }

    /// <summary>
    /// Explains a unit from what a stored ranking keeps of it (ADR 025): its points per indicator, and the nearest
    /// better (rank, total) of its cohort — the lowest total ranked above it — found by the caller.
    /// </summary>
    public static Explanation Explain(CompiledFramework framework, string unitCode, double total, double score100, string? band, int rank,
        IReadOnlyList<double> points, IReadOnlyList<string> missing, (int Rank, double Total)? better)
    {
        var gaps = new List<IndicatorGap>();
        for (var i = 0; i < framework.IndicatorCount; i++)
        {
            var lost = framework.MaxPoints[i] - points[i];
            if (lost > 1e-9)
            {
                gaps.Add(new IndicatorGap(framework.Codes[i], framework.Names[i], framework.WeightGroupCodes[framework.WeightGroupOf[i]], framework.MaxPoints[i], points[i], lost));
            }
        }
        gaps = gaps.OrderByDescending(g => g.Lost).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();

        var nextBand = framework.NextBand(total);
        return new Explanation(
            unitCode, total, score100, band, rank, gaps,
            nextBand?.Name, nextBand is { } b ? b.Threshold - total : null,
            better?.Rank, better is null ? null : better.Value.Total - total,
            missing);
    }
}
