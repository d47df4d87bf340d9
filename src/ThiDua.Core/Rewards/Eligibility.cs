using System.Globalization;

namespace ThiDua.Core.Rewards;

public sealed record EligibilityReason(string Rule, bool Passed, string Detail);

public sealed record EligibilityResult(bool Eligible, IReadOnlyList<EligibilityReason> Reasons);

/// <summary>
/// A unit's published DTI result of the year its round is judged on, with the score out of 100 from which its
/// framework's band "Tốt" begins (null when the framework has no such band).
/// </summary>
public sealed record DtiEvidence(int Year, string FrameworkCode, double Score100, string? Band, double? GoodFrom100);

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

    public static EligibilityResult ForUnit(int dtiYear, DtiEvidence? dti, TaskEvidence tasks, double taskThreshold = DefaultTaskThreshold)
    {
        var reasons = new List<EligibilityReason>();
        if (dti is null)
        {
            reasons.Add(new("dti_good", false, $"DTI {dtiYear}: chưa có kết quả đã công bố."));
        }
        else if (dti.GoodFrom100 is not { } line)
        {
            reasons.Add(new("dti_good", false, $"DTI {dti.Year}: bộ chỉ số {dti.FrameworkCode} không có loại Tốt để xét."));
        }
        else
        {
            // Rounded so that 84,999999 from adding decimals is not mistaken for 85 or the other way round.
            var good = Math.Round(dti.Score100, 6) >= Math.Round(line, 6);
            reasons.Add(new("dti_good", good, good
                ? $"DTI {dti.Year}: {Number(dti.Score100)}/100 — đạt loại Tốt (từ {Number(line)} điểm)."
                : $"DTI {dti.Year}: {Number(dti.Score100)}/100 — dưới ngưỡng Tốt {Number(line)}."));
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
        return new EligibilityResult(reasons.All(r => r.Passed), reasons);
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
