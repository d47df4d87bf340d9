using System.Globalization;

namespace ThiDua.Core.Rewards;

public sealed record EligibilityReason(string Rule, bool Passed, string Detail);

public sealed record EligibilityResult(bool Eligible, IReadOnlyList<EligibilityReason> Reasons);

/// <summary>
/// A unit's published DTI result of the year its round is judged on, with the score out of 100 from which its
/// framework's band "Tốt" begins (null when the framework has no such band).
/// </summary>
public sealed record DtiEvidence(int Year, string FrameworkCode, double Score100, string? Band, double? GoodFrom100)
{
    /// <summary>Set when the unit had no result of its own that year and is judged on its predecessors' (name, score), whose mean <see cref="Score100"/> is.</summary>
    public IReadOnlyList<(string Name, double Score100)>? Predecessors { get; init; }

    /// <summary>
    /// A unit formed by merger or split is judged, for a year before it existed, on its predecessors' results: their
    /// mean, as the year-over-year comparison does, against the line of their framework. Null when none has a result.
    /// </summary>
    public static DtiEvidence? FromPredecessors(int year, IReadOnlyList<(string Name, DtiEvidence? Evidence)> predecessors)
    {
        var found = predecessors.Where(p => p.Evidence is not null).Select(p => (p.Name, Evidence: p.Evidence!)).ToList();
        if (found.Count == 0)
        {
            return null;
        }
        var first = found[0].Evidence;
        return new DtiEvidence(year, first.FrameworkCode, found.Average(p => p.Evidence.Score100), null, first.GoodFrom100)
        {
            Predecessors = found.Select(p => (p.Name, p.Evidence.Score100)).ToList(),
        };
    }
}

/// <summary>A unit's tasks in the phase its round is judged on.</summary>
public sealed record TaskEvidence(string Phase, int Assigned, int Completed);

/// <summary>One item of an award's criteria for enterprises and people, ticked by the Reward Board with a note.</summary>
public sealed record CriterionCheck(string Code, string Text, bool Mandatory, bool Checked, string? Note);

/// <summary>
/// Who may be rewarded (R10, section IV.2): a unit needs its DTI result "Tốt" in the round's year — from the line its
/// framework's band "Tốt" draws, 85 of 100 in the province's frameworks (R7) — and all the tasks assigned in the
/// phase completed (the share is a setting, 100 % by default);
/// enterprises and people need every mandatory criterion of the award ticked by the Reward Board. Every rule is
/// reported with a detail a person understands.
/// </summary>
public static class Eligibility
{
    /// <summary>Every assigned task completed, unless the setting says otherwise.</summary>
    public const double DefaultTaskThreshold = 1.0;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A unit judged on one DTI year, its tasks and (when given) the Board's checklist of the Law's preconditions.</summary>
    public static EligibilityResult ForUnit(int dtiYear, DtiEvidence? dti, TaskEvidence tasks, double taskThreshold = DefaultTaskThreshold, IReadOnlyList<CriterionCheck>? criteria = null) =>
        ForUnit([(dtiYear, dti)], tasks, taskThreshold, criteria);

    /// <summary>A unit judged on every DTI year its round names ("each of 2022–2024 Tốt"), its tasks and the Board's checklist.</summary>
    public static EligibilityResult ForUnit(IReadOnlyList<(int Year, DtiEvidence? Evidence)> years, TaskEvidence tasks, double taskThreshold = DefaultTaskThreshold, IReadOnlyList<CriterionCheck>? criteria = null)
    {
        var reasons = new List<EligibilityReason>();
        foreach (var (dtiYear, dti) in years)
        {
            reasons.Add(DtiReason(years.Count == 1 ? "dti_good" : $"dti_good_{dtiYear}", dtiYear, dti));
        }

        if (tasks.Assigned == 0)
        {
            reasons.Add(new("tasks_completed", true, $"Nhiệm vụ ({tasks.Phase}): không có nhiệm vụ được giao."));
        }
        else
        {
            var rate = (double)tasks.Completed / tasks.Assigned;
            var done = rate >= taskThreshold - 1e-12;
            var required = taskThreshold >= 1 ? "hoàn thành toàn bộ" : $"hoàn thành từ {Number(taskThreshold * 100, 0)} %";
            reasons.Add(new("tasks_completed", done,
                $"Nhiệm vụ ({tasks.Phase}): hoàn thành {tasks.Completed}/{tasks.Assigned} ({Number(rate * 100, 0)} %) — {(done ? "đạt" : "chưa đạt")} yêu cầu {required}."));
        }
        if (criteria is { Count: > 0 })
        {
            reasons.AddRange(ForChecklist(criteria).Reasons);
        }
        return new EligibilityResult(reasons.All(r => r.Passed), reasons);
    }

    private static EligibilityReason DtiReason(string rule, int dtiYear, DtiEvidence? dti)
    {
        if (dti is null)
        {
            return new(rule, false, $"DTI {dtiYear}: chưa có kết quả đã công bố (của đơn vị hoặc các đơn vị tiền thân).");
        }
        var basis = dti.Predecessors is { } predecessors
            ? $"DTI {dti.Year}: đơn vị chưa có kết quả riêng; xét theo trung bình các đơn vị tiền thân ({string.Join("; ", predecessors.Select(p => $"{p.Name} {Number(p.Score100)}"))}) là "
            : $"DTI {dti.Year}: ";
        if (dti.GoodFrom100 is not { } line)
        {
            return new(rule, false, $"DTI {dti.Year}: bộ chỉ số {dti.FrameworkCode} không có loại Tốt để xét.");
        }
        // Rounded so that 84,999999 from adding decimals is not mistaken for 85 or the other way round.
        var good = Math.Round(dti.Score100, 6) >= Math.Round(line, 6);
        return new(rule, good, good
            ? $"{basis}{Number(dti.Score100)}/100 — đạt loại Tốt (từ {Number(line)} điểm)."
            : $"{basis}{Number(dti.Score100)}/100 — dưới ngưỡng Tốt {Number(line)}.");
    }

    public static EligibilityResult ForChecklist(IReadOnlyList<CriterionCheck> criteria)
    {
        var reasons = criteria.Select(c => new EligibilityReason(
            $"criterion:{c.Code}",
            c.Checked || !c.Mandatory,
            $"{c.Text}{(c.Mandatory ? "" : " (không bắt buộc)")}: {(c.Checked ? "đạt" : c.Mandatory ? "chưa được Ban Thi đua – Khen thưởng xác nhận" : "chưa xác nhận")}{(string.IsNullOrWhiteSpace(c.Note) ? "" : $" — {c.Note}")}."))
            .ToList();
        if (reasons.Count == 0)
        {
            reasons.Add(new EligibilityReason("criteria", false, "Chưa có tiêu chí xét cho loại đối tượng này."));
        }
        return new EligibilityResult(reasons.All(r => r.Passed), reasons);
    }

    /// <summary>Up to two decimals, none when not needed: 78,4 · 84,99 · 85.</summary>
    private static string Number(double value, int decimals = 2) =>
        Math.Round(value, decimals).ToString(decimals == 0 ? "#,##0" : "#,##0.##", Vi);
}
