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
        var framework = cohort.Framework;
        var unit = cohort.Units.FirstOrDefault(u => string.Equals(u.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException(unitCode);

        var gaps = new List<IndicatorGap>();
        for (var i = 0; i < framework.IndicatorCount; i++)
        {
            var lost = framework.MaxPoints[i] - unit.Points[i];
            if (lost > 1e-9)
            {
                gaps.Add(new IndicatorGap(framework.Codes[i], framework.Names[i], framework.WeightGroupCodes[framework.WeightGroupOf[i]], framework.MaxPoints[i], unit.Points[i], lost));
            }
        }
        gaps = gaps.OrderByDescending(g => g.Lost).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();

        var nextBand = framework.NextBand(unit.Total);
        // The next rank is the place of the nearest better total: reaching that total exactly shares its rank.
        var better = cohort.Units.Where(u => u.Rank < unit.Rank).OrderBy(u => u.Total).FirstOrDefault();

        return new Explanation(
            unit.UnitCode, unit.Total, unit.Score100, unit.Band, unit.Rank, gaps,
            nextBand?.Name, nextBand is { } b ? b.Threshold - unit.Total : null,
            better?.Rank, better is null ? null : better.Total - unit.Total,
            unit.Missing);
    }
}
