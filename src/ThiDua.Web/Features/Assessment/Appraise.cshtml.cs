using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;
using ThiDua.Data;
using ThiDua.Data.Assessment;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Appraisal: the unit's value and the evidence beside the appraiser's decision for each indicator — accept,
/// adjust (reason required) or ask for an explanation — then return the assessment or finalise it. Every change
/// is shown from the audit log: who, when, old and new value.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class AppraiseModel(AssessmentService assessments, FrameworkService frameworks, ThiDuaDbContext db) : PageModel
{
    public sealed record ValueChange(DateTime At, string? UserName, string IndicatorCode, string? Before, string? After);

    public AssessmentDto Assessment { get; private set; } = null!;
    public CompiledFramework Compiled { get; private set; } = null!;
    public bool CanAppraise { get; private set; }
    public IReadOnlyList<ValueChange> ValueHistory { get; private set; } = [];
    public Dictionary<int, string> EnteredDecision { get; } = [];
    public Dictionary<int, string> EnteredValue { get; } = [];
    public Dictionary<int, string> EnteredMessage { get; } = [];
    public Dictionary<string, string> Faults { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string StatusName => Enum.TryParse<AssessmentStatus>(Assessment.Status, true, out var s) ? s.VietnameseName() : Assessment.Status;

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAppraiseAsync(int id)
    {
        var current = await assessments.GetAsync(id, User);
        var compiled = (await frameworks.CompiledAsync(current.FrameworkCode)).Compiled;
        var entries = new List<AppraisalEntry>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var decision = Request.Form[$"d{i}"].ToString();
            var value = Request.Form[$"a{i}"].ToString();
            var message = Request.Form[$"m{i}"].ToString();
            EnteredDecision[i] = decision;
            EnteredValue[i] = value;
            EnteredMessage[i] = message;
            switch (decision)
            {
                case "":
                    continue;
                case "accept":
                    entries.Add(new AppraisalEntry { IndicatorCode = compiled.Codes[i], Action = "accept", Reason = message });
                    break;
                case "return":
                    entries.Add(new AppraisalEntry { IndicatorCode = compiled.Codes[i], Action = "return", Message = message });
                    break;
                case "adjust":
                    var json = FormValues.ToJson(compiled.Kinds[i], value);
                    if (json is null or "null")
                    {
                        Faults[compiled.Codes[i]] = $"Chỉ tiêu {compiled.Codes[i]}: hãy nhập giá trị điều chỉnh hợp lệ.";
                        continue;
                    }
                    entries.Add(new AppraisalEntry { IndicatorCode = compiled.Codes[i], Action = "adjust", Value = JsonDocument.Parse(json).RootElement.Clone(), Reason = message });
                    break;
            }
        }
        if (Faults.Count == 0)
        {
            try
            {
                await assessments.AppraiseAsync(id, entries, User);
                TempData["Message"] = entries.Count == 0 ? "Không có thay đổi." : $"Đã lưu ý kiến thẩm định cho {entries.Count} chỉ tiêu.";
                return Redirect($"/danh-gia/{id}/tham-dinh");
            }
            catch (DomainException e)
            {
                foreach (var (code, messages) in e.Errors)
                {
                    Faults[code] = messages[0];
                }
                ModelState.AddModelError(string.Empty, e.Message);
            }
            catch (ConflictException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, "Chưa lưu: có chỉ tiêu điều chỉnh thiếu giá trị hợp lệ.");
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, string? returnMessage)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(returnMessage))
            {
                throw DomainException.ForField("returnMessage", "Hãy nhập nội dung trả lại đơn vị.");
            }
            await assessments.ReturnAsync(id, returnMessage, User);
            TempData["Message"] = "Đã trả lại đơn vị để giải trình.";
            return Redirect($"/danh-gia/{id}/tham-dinh");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostFinalizeAsync(int id)
    {
        try
        {
            await assessments.FinalizeAsync(id, User);
            TempData["Message"] = "Đã hoàn tất thẩm định; kết quả vào bảng xếp hạng.";
            return Redirect($"/danh-gia/{id}/tham-dinh");
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(int id)
    {
        Assessment = await assessments.GetAsync(id, User);
        Compiled = (await frameworks.CompiledAsync(Assessment.FrameworkCode)).Compiled;
        CanAppraise = Assessment.Status == "submitted";
        var values = await db.AssessmentValues.AsNoTracking().Where(v => v.AssessmentId == id).Select(v => new { v.Id, v.IndicatorCode }).ToListAsync();
        var keys = values.ToDictionary(v => v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), v => v.IndicatorCode);
        var keyList = keys.Keys.ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(AssessmentValue) && keyList.Contains(e.EntityKey))
            .OrderByDescending(e => e.Sequence).Take(200)
            .ToListAsync();
        ValueHistory = entries.Select(e => new ValueChange(e.At, e.UserName, keys[e.EntityKey], Brief(e.Before), Brief(e.After))).ToList();
    }

    /// <summary>The audit JSON without bookkeeping fields, for reading.</summary>
    private static string? Brief(string? json)
    {
        if (json is null)
        {
            return null;
        }
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        string[] shown = ["SelfValue", "SelfPoints", "Note", "UnitResponse", "AppraisedValue", "AppraisedPoints", "Decision", "AppraisalReason", "ReturnMessage"];
        return string.Join("; ", shown.Where(fields.ContainsKey).Select(k => $"{k}: {fields[k]}"));
    }
}
