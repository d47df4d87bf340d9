using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// The Secretariat's appraisal of a submitted assessment (R6): each value accepted, adjusted with a reason, or
/// questioned; the whole returned to the unit, or finalised. The rules are Core's <see cref="Appraisal"/> and
/// <see cref="AssessmentWorkflow"/>; the value and the assessment record their own transitions.
/// </summary>
public sealed class AppraisalService(ThiDuaDbContext db, FrameworkService frameworks, AssessmentService assessments, NotificationService notifications, CurrentUser user, TimeProvider clock,
    ResultsSignal results)
{
    public async Task<AssessmentDto> ReturnAsync(int id, string message, CancellationToken cancellationToken = default)
    {
        var assessment = await assessments.LoadAsync(id, tracking: true, cancellationToken);
        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim().Normalize(System.Text.NormalizationForm.FormC);
        assessment.MoveTo(AssessmentStatus.Returned, user.UserName, clock.GetUtcNow().UtcDateTime, text);
        await db.SaveChangesAsync(cancellationToken);
        var questions = assessment.Values.Count(v => v.Decision == AppraisalDecision.Returned);
        await notifications.NotifyAsync(NotificationService.UnitStaff(assessment.UnitId), $"Bản tự đánh giá DTI năm {assessment.Framework.Year} được trả lại để giải trình",
            (text is null ? "Cơ quan thường trực đề nghị giải trình." : $"Lý do: {text}") + (questions > 0 ? $" Có {questions} chỉ tiêu cần giải trình." : ""),
            $"/danh-gia/{id}", cancellationToken);
        return await assessments.GetAsync(id, cancellationToken);
    }

    /// <summary>Records the appraiser's word on some indicators; every entry is checked first and nothing is saved if one is wrong.</summary>
    public async Task<AssessmentDto> AppraiseAsync(int id, IReadOnlyList<AppraisalEntry> entries, CancellationToken cancellationToken = default)
    {
        var assessment = await assessments.LoadAsync(id, tracking: true, cancellationToken);
        AssessmentWorkflow.EnsureCanAppraise(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);
        var errors = new Dictionary<string, string[]>();
        var verdicts = new List<(string Code, AppraisalVerdict Verdict, string? Json)>();
        foreach (var entry in entries)
        {
            var index = compiled.IndexOf(entry.IndicatorCode ?? "");
            if (index < 0)
            {
                errors[entry.IndicatorCode ?? "?"] = [$"Không có chỉ tiêu mã {entry.IndicatorCode}."];
                continue;
            }
            var code = compiled.Codes[index];
            try
            {
                var action = Appraisal.ParseAction(entry.Action, code);
                (double Raw, string Json)? proposed = action is AppraisalAction.Accept or AppraisalAction.Return || entry.Value.ValueKind == JsonValueKind.Undefined
                    ? null
                    : compiled.Read(index, entry.Value);
                var verdict = Appraisal.Decide(code, action, assessment.Find(code)?.SelfOrNaN ?? double.NaN, proposed?.Raw, entry.Reason, entry.Message);
                verdicts.Add((code, verdict, proposed?.Json));
            }
            catch (DomainException e)
            {
                errors[code] = [e.Message];
            }
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors.First().Value[0], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (code, verdict, json) in verdicts)
        {
            assessment.ValueFor(code).Appraise(verdict, json, user.UserName, now);
        }
        db.Entry(assessment).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return await assessments.GetAsync(id, cancellationToken);
    }

    /// <summary>Finalises the appraisal: every indicator without the appraiser's word keeps the unit's value.</summary>
    public async Task<AssessmentDto> FinalizeAsync(int id, CancellationToken cancellationToken = default)
    {
        var assessment = await assessments.LoadAsync(id, tracking: true, cancellationToken);
        assessment.MoveTo(AssessmentStatus.Appraised, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        // The ranking's inputs changed: this instance's background service recomputes it now rather than at its next tick.
        results.Nudge();
        var result = await assessments.GetAsync(id, cancellationToken);
        await notifications.NotifyAsync(NotificationService.UnitStaff(assessment.UnitId), $"Bản tự đánh giá DTI năm {assessment.Framework.Year} đã được thẩm định",
            $"Điểm thẩm định: {Display.Number(result.AppraisedTotal ?? 0, 2)}/{Display.Number(result.ScaleMax)}. Kết quả xếp hạng được công khai khi cơ quan thường trực công bố.",
            $"/danh-gia/{id}", cancellationToken);
        return result;
    }
}
