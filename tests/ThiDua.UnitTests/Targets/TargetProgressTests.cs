using ThiDua.Core.Targets;

namespace ThiDua.UnitTests.Targets;

public class TargetProgressTests
{
    [Fact]
    public void DistanceToTargetIsTheShareOfTheWayFromBaselineCappedAtOne()
    {
        Assert.Equal(0.5, TargetProgress.Distance(10, 20, 15)!.Value, 9);
        Assert.Equal(1, TargetProgress.Distance(10, 20, 25)!.Value, 9);
        Assert.Equal(-0.5, TargetProgress.Distance(10, 20, 5)!.Value, 9);
        Assert.Null(TargetProgress.Distance(100, 100, 100));
    }

    [Fact]
    public void ADownwardTargetSuchAsARankUsesTheSameFormula()
    {
        // DTI rank: baseline 7th (2021), goal top 3 (2025); 4th is three quarters of the way.
        Assert.Equal(0.75, TargetProgress.Distance(7, 3, 4)!.Value, 9);
        Assert.True(TargetProgress.Meets(TargetDirection.Down, 3, 3));
        Assert.False(TargetProgress.Meets(TargetDirection.Down, 4, 3));
    }

    [Fact]
    public void StatusIsReadAgainstTheStraightLineFromTheBaseline()
    {
        // Digital economy share of GRDP: baseline 8 % in 2021, goal 20 % in 2025 — the line passes 14 % in 2023.
        var goals = new[] { new TargetGoal(2025, 20), new TargetGoal(2030, 30) };
        var baseline = new Measurement(2021, 8);

        TargetStatus In2023(double value) => TargetProgress.Evaluate(TargetDirection.Up, baseline, goals, [new Measurement(2023, value)], 2023)[0].Status;

        Assert.Equal(TargetStatus.OnTrack, In2023(14));
        Assert.Equal(TargetStatus.AtRisk, In2023(12.9));       // 1.1 behind; a tenth of the way is 1.2
        Assert.Equal(TargetStatus.OffTrack, In2023(12.7));
        Assert.Equal(TargetStatus.Achieved, In2023(20));
        Assert.Equal(14, TargetProgress.Evaluate(TargetDirection.Up, baseline, goals, [], 2023)[0].Expected!.Value, 9);
        Assert.Equal(TargetStatus.NoData, TargetProgress.Evaluate(TargetDirection.Up, baseline, goals, [], 2023)[0].Status);
    }

    [Fact]
    public void AGoalWhoseYearHasPassedUnmetIsOffTrackAndTheNextLegStartsAtTheGoal()
    {
        var goals = new[] { new TargetGoal(2025, 20), new TargetGoal(2030, 30) };
        var progress = TargetProgress.Evaluate(TargetDirection.Up, new Measurement(2021, 8), goals, [new Measurement(2025, 19), new Measurement(2026, 21)], 2026);

        Assert.Equal(TargetStatus.Achieved, progress[0].Status);         // 21 in 2026 meets 20
        Assert.Equal(22, progress[1].Expected!.Value, 9);                // 20 → 30 over 2025–2030: 22 in 2026
        Assert.Equal(TargetStatus.AtRisk, progress[1].Status);           // 1 behind the line; a tenth of the 20→30 leg is 1
        Assert.Equal((21.0 - 8) / (30 - 8), progress[1].Progress!.Value, 9);

        var missed = TargetProgress.Evaluate(TargetDirection.Up, new Measurement(2021, 8), goals, [new Measurement(2025, 19)], 2025);
        Assert.Equal(TargetStatus.OffTrack, missed[0].Status);
    }

    [Fact]
    public void RankTargetsAreOnTrackWhenAtOrAboveTheLine()
    {
        var goals = new[] { new TargetGoal(2025, 3) };
        var baseline = new Measurement(2021, 7);

        var in2022 = TargetProgress.Evaluate(TargetDirection.Down, baseline, goals, [new Measurement(2022, 3)], 2022);
        var worse = TargetProgress.Evaluate(TargetDirection.Down, baseline, goals, [new Measurement(2023, 9)], 2023);

        Assert.Equal(TargetStatus.Achieved, in2022[0].Status);
        Assert.Equal(5, worse[0].Expected!.Value, 9);
        Assert.Equal(TargetStatus.OffTrack, worse[0].Status);
        Assert.Equal(-0.5, worse[0].Progress!.Value, 9);
    }

    [Fact]
    public void TheCurrentGoalIsTheFirstNotYetPast()
    {
        var progress = TargetProgress.Evaluate(TargetDirection.Up, null, [new TargetGoal(2023, 8, Milestone: true), new TargetGoal(2025, 8), new TargetGoal(2030, 10)], [new Measurement(2024, 6)], 2026);

        Assert.Equal(2030, TargetProgress.Current(progress, 2026)!.Year);
        Assert.Equal(2025, TargetProgress.Current(progress, 2024)!.Year);
        Assert.Equal(0.75, progress[1].Progress!.Value, 9);  // no baseline: measured from 0
    }
}
