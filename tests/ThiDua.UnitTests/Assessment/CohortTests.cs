using ThiDua.Core.Assessment;

namespace ThiDua.UnitTests.Assessment;

public class CohortTests
{
    private static readonly CompiledFramework Framework = new(Frameworks.EveryRule());

    /// <summary>A unit whose raw values are: B, R, S, GP, C (option position), I, M.</summary>
    private static CohortMember Unit(int id, double[] raw, double[]? self = null, params string[] clusters) =>
        new(id, $"U{id}", $"Đơn vị {id}", id % 2 == 0 ? "commune" : "ward", raw, self) { ClusterCodes = clusters };

    private static readonly double[] Full = [1, 1, 30, 2, 0, 1, 10];          // 100 points
    private static readonly double[] Good = [1, 0.75, 10, 6, 1, 1, 10];       // 10 + 15 + 5 + 10 + 5 + 20 + 10 = 75
    private static readonly double[] Weak = [0, 0.5, 0, 10, 2, 0.5, double.NaN]; // 0 + 10 + 0 + 0 + 0 + 10 + 0 = 20

    [Fact]
    public void TotalsGroupValuesAndScoresAreComputedPerUnit()
    {
        var cohort = CohortScoring.Compute(Framework, [Unit(1, Full), Unit(2, Good), Unit(3, Weak)]);

        var good = cohort.Units.Single(u => u.UnitCode == "U2");
        Assert.Equal(75, good.Total, 9);
        Assert.Equal(75, good.Score100, 9);
        Assert.Equal("Khá", good.Band);
        Assert.Equal(30.0 / 40, good.Groups.Single(g => g.Code == "G1").Value!.Value, 9);
        Assert.Equal(45.0 / 60, good.Groups.Single(g => g.Code == "G2").Value!.Value, 9);
        Assert.Equal([1, 2, 3], cohort.Units.Select(u => u.Rank));
        Assert.Equal(["M"], cohort.Units.Single(u => u.UnitCode == "U3").Missing);
    }

    [Fact]
    public void RanksWithinTypeAndClusterAreCompetitionRanksOfTheirMembers()
    {
        var cohort = CohortScoring.Compute(Framework,
        [
            Unit(1, Weak, null, "CUM-A"),
            Unit(2, Good, null, "CUM-A"),
            Unit(3, Full, null, "CUM-B"),
            Unit(4, Good, null, "CUM-A", "CUM-B"),
        ]);

        var u4 = cohort.Units.Single(u => u.UnitCode == "U4");
        Assert.Equal(2, u4.Rank);
        Assert.Equal(1, u4.RankInType);            // communes U2 and U4 tie at 75
        Assert.Equal(1, u4.RankInClusters["CUM-A"]);
        Assert.Equal(2, u4.RankInClusters["CUM-B"]);
        Assert.Equal(3, cohort.Units.Single(u => u.UnitCode == "U1").RankInClusters["CUM-A"]);
    }

    [Fact]
    public void UncertaintyIsReproducibleWithASeedAndChangesWithAnother()
    {
        var members = Enumerable.Range(1, 12).Select(k => Unit(k, [k % 2, k / 12.0, k * 2, 10 - (k % 8), k % 3, (12 - k) / 12.0, k % 10])).ToList();

        var first = CohortScoring.Compute(Framework, members, uncertainty: new UncertaintyOptions(Seed: 7));
        var again = CohortScoring.Compute(Framework, members, uncertainty: new UncertaintyOptions(Seed: 7));
        var other = CohortScoring.Compute(Framework, members, uncertainty: new UncertaintyOptions(Seed: 8, WeightSpread: 0.5));

        Assert.Equal(first.Units.Select(u => u.Uncertainty), again.Units.Select(u => u.Uncertainty));
        Assert.NotEqual(first.Units.Select(u => u.Uncertainty), other.Units.Select(u => u.Uncertainty));
        Assert.All(first.Units, u => Assert.True(u.Uncertainty.P5 <= u.Uncertainty.Median && u.Uncertainty.Median <= u.Uncertainty.P95));
    }

    [Fact]
    public void ADominantUnitKeepsFirstPlaceWhateverTheWeights()
    {
        var cohort = CohortScoring.Compute(Framework, [Unit(1, Full), Unit(2, Weak), Unit(3, Good)]);

        var best = cohort.Units[0];
        Assert.Equal(new RankInterval(1, 1, 1), best.Uncertainty);
    }

    [Fact]
    public void UnitsWithEqualScoresInEveryGroupShareTheirRankInEverySample()
    {
        var cohort = CohortScoring.Compute(Framework, [Unit(1, Good), Unit(2, Good), Unit(3, Weak)]);

        Assert.All(cohort.Units.Take(2), u => Assert.Equal(new RankInterval(1, 1, 1), u.Uncertainty));
        Assert.Equal(new RankInterval(3, 3, 3), cohort.Units[^1].Uncertainty);
    }

    [Fact]
    public void AnAppraisalFarBelowTheSelfAssessmentIsFlagged()
    {
        var cohort = CohortScoring.Compute(Framework, [Unit(1, Good, self: Full), Unit(2, Good, self: Good)]);

        Assert.Contains(AnomalyFlags.AppraisalGap, cohort.Units.Single(u => u.UnitCode == "U1").Flags);
        Assert.Empty(cohort.Units.Single(u => u.UnitCode == "U2").Flags);
    }

    [Fact]
    public void AMergedUnitComparesWithTheMeanOfItsPredecessorsAndOthersWithThemselves()
    {
        var members = new List<CohortMember> { Unit(10, Good), Unit(11, Full) };
        var lastYear = new List<PreviousResult>
        {
            new(1, "OLD-1", 60, 60),
            new(2, "OLD-2", 80, 80),
            new(11, "U11", 90, 90),
            new(5, "OTHER", 75, 75),
        };
        // U10 was formed from OLD-1 and OLD-2; OLD-2 itself had absorbed OLD-3 (no result) earlier.
        var lineage = new[] { (Pred: 1, Succ: 10), (Pred: 2, Succ: 10), (Pred: 3, Succ: 2) }.ToLookup(l => l.Succ, l => l.Pred);

        var cohort = CohortScoring.Compute(Framework, members, new PreviousCohort(lastYear, lineage));

        var merged = cohort.Units.Single(u => u.UnitCode == "U10").Previous!;
        Assert.Equal("predecessors", merged.Basis);
        Assert.Equal(70, merged.Total, 9);
        Assert.Equal(4, merged.Rank);             // 70 would have ranked after 90, 80 and 75
        Assert.Equal(5, merged.Change100, 9);
        Assert.Equal(["OLD-1", "OLD-2"], merged.UnitCodes);
        var same = cohort.Units.Single(u => u.UnitCode == "U11").Previous!;
        Assert.Equal(("self", 90.0, 1, 10.0), (same.Basis, same.Total, same.Rank, same.Change100));
    }

    [Fact]
    public void AJumpBeyondThreeStandardDeviationsOfTheOthersIsFlagged()
    {
        PreviousComparison Change(double delta) => new(50, 50, 1, "self", ["X"], delta);
        var comparisons = new List<PreviousComparison?> { Change(2), Change(3), Change(1), Change(2.5), Change(1.5), Change(40), null };

        var flags = CohortScoring.YearOverYearJumps(comparisons, new AnomalyOptions());

        Assert.Equal([false, false, false, false, false, true, false], flags);
    }

    [Fact]
    public void TheExplanationListsLostPointsLargestFirstAndWhatTheNextBandAndRankNeed()
    {
        var cohort = CohortScoring.Compute(Framework, [Unit(1, Full), Unit(2, Good), Unit(3, Weak), Unit(4, [1, 0.8, 10, 6, 1, 1, 10])]);

        var explanation = Explainer.Explain(cohort, "U2");

        Assert.Equal(3, explanation.Rank);
        Assert.Equal(["GP", "C", "R", "S"], explanation.Gaps.Select(g => g.Code));   // equal losses in code order
        Assert.Equal([10.0, 5, 5, 5], explanation.Gaps.Select(g => Math.Round(g.Lost, 9)));
        Assert.Equal("Tốt", explanation.NextBand);
        Assert.Equal(10, explanation.PointsToNextBand!.Value, 9);
        Assert.Equal(2, explanation.NextRank);
        Assert.Equal(1, explanation.PointsToNextRank!.Value, 9);   // U4 has 76
        Assert.Null(Explainer.Explain(cohort, "U1").NextRank);
    }
}
