namespace ThiDua.Core.Targets;

public enum TargetArea
{
    DigitalGovernment,
    DigitalEconomy,
    DigitalSociety,
}

/// <summary>Up: more is better (a share, a count). Down: less is better (a rank: 3rd beats 7th).</summary>
public enum TargetDirection
{
    Up,
    Down,
}

public enum TargetUnit
{
    Percent,
    Count,
    Rank,
}

/// <summary>How the text states the figure: "ít nhất 20 %", "khoảng 30 %", "đạt 95 %", "từ 47–50 %", "top 3".</summary>
public enum TargetQualifier
{
    Reach,
    AtLeast,
    About,
    Range,
    AtMost,
}

public enum TargetStatus
{
    /// <summary>The latest value meets the goal.</summary>
    Achieved,
    /// <summary>Not yet met, but at or beyond where the straight line from the baseline says it should be by now.</summary>
    OnTrack,
    /// <summary>Behind the line by less than a tenth of the way from baseline to goal.</summary>
    AtRisk,
    /// <summary>Further behind, or the goal's year has passed without meeting it.</summary>
    OffTrack,
    /// <summary>No value measured yet.</summary>
    NoData,
}

/// <summary>A goal of a target for one year: "20 % by 2025". A range goal ("47–50 %") has Value = Min.</summary>
public sealed record TargetGoal(int Year, double Value, double? Max = null, bool Milestone = false);

public sealed record Measurement(int Year, double Value);

public sealed record GoalProgress(int Year, double Goal, double? Max, bool Milestone, double? Expected, double? Progress, TargetStatus Status);

/// <summary>
/// Progress towards a target (R8): distance to target from the baseline, (value − baseline) / (goal − baseline),
/// capped at 1 (the COINr distance-to-target normalisation; it works for "down" targets such as a rank too), and a
/// status read against the straight line from the baseline year to the goal's year.
/// </summary>
public static class TargetProgress
{
    /// <summary>Behind the line by less than this share of the way from baseline to goal is "at risk", more is "off track".</summary>
    public const double RiskBand = 0.10;

    public static bool Meets(TargetDirection direction, double value, double goal) =>
        direction == TargetDirection.Up ? value >= goal - 1e-9 : value <= goal + 1e-9;

    /// <summary>The distance to target, capped at 1; null when the goal equals the baseline (no distance to cover).</summary>
    public static double? Distance(double baseline, double goal, double value)
    {
        var span = goal - baseline;
        return Math.Abs(span) < 1e-12 ? null : Math.Min(1, (value - baseline) / span);
    }

    /// <summary>
    /// The progress of every goal as of <paramref name="year"/>: the latest measurement up to that year is compared
    /// with the goal and with the straight line from the previous point (the baseline, then each earlier goal).
    /// </summary>
    public static IReadOnlyList<GoalProgress> Evaluate(TargetDirection direction, Measurement? baseline, IReadOnlyList<TargetGoal> goals, IReadOnlyList<Measurement> measurements, int year)
    {
        var latest = measurements.Where(m => m.Year <= year).OrderBy(m => m.Year).LastOrDefault();
        var ordered = goals.OrderBy(g => g.Year).ToList();
        var result = new List<GoalProgress>();
        var start = baseline;
        foreach (var goal in ordered)
        {
            double? expected = null;
            if (start is { } s && goal.Year > s.Year)
            {
                var share = Math.Clamp((double)(year - s.Year) / (goal.Year - s.Year), 0, 1);
                expected = s.Value + ((goal.Value - s.Value) * share);
            }
            var status = Status(direction, start, goal, expected, latest, year);
            // Distance is measured from the baseline for every goal (from 0 when no baseline is known).
            var progress = latest is null ? null : Distance(baseline?.Value ?? 0, goal.Value, latest.Value);
            result.Add(new GoalProgress(goal.Year, goal.Value, goal.Max, goal.Milestone, expected, progress, status));
            // The next leg of the line starts where this goal should have been reached.
            start = new Measurement(goal.Year, goal.Value);
        }
        return result;
    }

    /// <summary>The goal the province is working towards in <paramref name="year"/>: the first whose year is not past, else the last.</summary>
    public static GoalProgress? Current(IReadOnlyList<GoalProgress> goals, int year)
    {
        var main = goals.Where(g => !g.Milestone).ToList();
        var candidates = main.Count > 0 ? main : [.. goals];
        return candidates.FirstOrDefault(g => g.Year >= year) ?? (candidates.Count > 0 ? candidates[^1] : null);
    }

    private static TargetStatus Status(TargetDirection direction, Measurement? start, TargetGoal goal, double? expected, Measurement? latest, int year)
    {
        if (latest is null)
        {
            return TargetStatus.NoData;
        }
        if (Meets(direction, latest.Value, goal.Value))
        {
            return TargetStatus.Achieved;
        }
        if (year >= goal.Year)
        {
            return TargetStatus.OffTrack;
        }
        if (expected is not { } line || start is null)
        {
            // Without a baseline there is no line to read: behind the goal is "at risk" until its year.
            return TargetStatus.AtRisk;
        }
        if (Meets(direction, latest.Value, line))
        {
            return TargetStatus.OnTrack;
        }
        var tolerance = Math.Abs(goal.Value - start.Value) * RiskBand;
        return Meets(direction, latest.Value, direction == TargetDirection.Up ? line - tolerance : line + tolerance)
            ? TargetStatus.AtRisk
            : TargetStatus.OffTrack;
    }
}
