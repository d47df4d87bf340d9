using ThiDua.Core.Targets;

namespace ThiDua.Web.Features.Targets;

/// <summary>How targets read on pages: "20 %", "hạng 3", "8", and the data of their small charts.</summary>
public static class TargetDisplay
{
    public static string Value(TargetUnit unit, double value) => unit switch
    {
        TargetUnit.Percent => Display.Number(value, value % 1 == 0 ? 0 : 1) + " %",
        TargetUnit.Rank => "hạng " + Display.Number(value, 0),
        _ => Display.Number(value, value % 1 == 0 ? 0 : 1),
    };

    public static string Goal(TargetDto target, GoalDto goal) =>
        (goal.Max is { } max ? $"{Display.Number(goal.Value, 0)}–{Value(target.Unit, max)}" : Value(target.Unit, goal.Value))
        + $" ({goal.Year}{(goal.Milestone ? ", mốc" : "")})";

    public static string StatusClass(TargetStatus status) => "status-" + TargetService.StatusCode(status);

    /// <summary>Said instead of a chart while a target has no measured value: axes with nothing on them tell nobody anything.</summary>
    public const string NoMeasurement = "Chưa có số liệu công bố.";

    /// <summary>
    /// Measured values and the trajectory line (baseline → each goal), as Chart.js series over years; a rank's axis
    /// counts whole ranks (there is no rank 3,5).
    /// </summary>
    public static object Chart(TargetDto target)
    {
        var yearly = target.Measurements.GroupBy(m => m.Year).Select(g => new { x = g.Key, y = g.OrderBy(m => m.RecordedAt).Last().Value }).OrderBy(p => p.x).ToList();
        var line = new List<object>();
        if (target.Baseline is { } b)
        {
            line.Add(new { x = b.Year, y = b.Value });
        }
        line.AddRange(target.Targets.Where(g => !g.Milestone).OrderBy(g => g.Year).Select(g => (object)new { x = g.Year, y = g.Value }));
        return new { measured = yearly, trajectory = line, reverse = target.Direction == TargetDirection.Down, wholeNumbers = target.Unit == TargetUnit.Rank };
    }
}
