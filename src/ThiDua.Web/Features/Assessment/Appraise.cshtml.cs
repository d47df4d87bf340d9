using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Data.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Appraisal: the unit's value and the evidence beside the appraiser's decision for each indicator — accept,
/// adjust (reason required) or ask for an explanation — then return the assessment or finalise it. Every change
/// is shown from the audit log: who, when, old and new value.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class AppraiseModel(AssessmentService assessments, AppraisalService appraisal, FrameworkService frameworks, ThiDuaDbContext db) : CommandPageModel
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
    public string StatusName => Assessment.Status.VietnameseName();

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostAppraiseAsync(int id) =>
        RunAsync(async () =>
        {
            var entries = await EntriesAsync(id);
            await appraisal.AppraiseAsync(id, entries);
            TempData["Message"] = entries.Count == 0 ? "Không có thay đổi." : $"Đã lưu ý kiến thẩm định cho {entries.Count} chỉ tiêu.";
            return Redirect($"/danh-gia/{id}/tham-dinh");
        }, () => LoadAsync(id), e =>
        {
            foreach (var (code, messages) in e.Errors)
            {
                Faults[code] = messages[0];
            }
            ModelState.AddModelError(string.Empty, e.Message);
        });

    public Task<IActionResult> OnPostReturnAsync(int id, string? returnMessage) =>
        RunAsync(() => string.IsNullOrWhiteSpace(returnMessage)
                ? throw DomainException.ForField("returnMessage", "Hãy nhập nội dung trả lại đơn vị.")
                : appraisal.ReturnAsync(id, returnMessage),
            "Đã trả lại đơn vị để giải trình.", $"/danh-gia/{id}/tham-dinh", () => LoadAsync(id));

    public Task<IActionResult> OnPostFinalizeAsync(int id) =>
        RunAsync(() => appraisal.FinalizeAsync(id), "Đã hoàn tất thẩm định; kết quả vào bảng xếp hạng.", $"/danh-gia/{id}/tham-dinh", () => LoadAsync(id));

    /// <summary>The appraiser's word on each indicator where a decision was chosen; an adjusted value is read as a person writes it.</summary>
    private async Task<List<AppraisalEntry>> EntriesAsync(int id)
    {
        var current = await assessments.GetAsync(id);
        var compiled = (await frameworks.CompiledAsync(current.FrameworkCode)).Compiled;
        var entries = new List<AppraisalEntry>();
        var faults = new Dictionary<string, string[]>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var (decision, value, message) = (Request.Form[$"d{i}"].ToString(), Request.Form[$"a{i}"].ToString(), Request.Form[$"m{i}"].ToString());
            (EnteredDecision[i], EnteredValue[i], EnteredMessage[i]) = (decision, value, message);
            var code = compiled.Codes[i];
            switch (decision)
            {
                case "accept":
                    entries.Add(new AppraisalEntry { IndicatorCode = code, Action = "accept", Reason = message });
                    break;
                case "return":
                    entries.Add(new AppraisalEntry { IndicatorCode = code, Action = "return", Message = message });
                    break;
                case "adjust":
                    var json = IndicatorText.ToJson(compiled.Kinds[i], value, percentBox: compiled.Kinds[i] == RuleKind.Ratio, out _);
                    if (json is null or "null")
                    {
                        faults[code] = [$"Chỉ tiêu {code}: hãy nhập giá trị điều chỉnh hợp lệ."];
                        continue;
                    }
                    entries.Add(new AppraisalEntry { IndicatorCode = code, Action = "adjust", Value = JsonDocument.Parse(json).RootElement.Clone(), Reason = message });
                    break;
            }
        }
        return faults.Count == 0 ? entries : throw new DomainException("Chưa lưu: có chỉ tiêu điều chỉnh thiếu giá trị hợp lệ.", faults);
    }

    private async Task LoadAsync(int id)
    {
        Assessment = await assessments.GetAsync(id);
        Compiled = (await frameworks.CompiledAsync(Assessment.FrameworkCode)).Compiled;
        CanAppraise = Assessment.Status == AssessmentStatus.Submitted;
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
        string[] shown = ["SelfValue", "Note", "UnitResponse", "AppraisedValue", "Decision", "AppraisalReason", "ReturnMessage"];
        return string.Join("; ", shown.Where(fields.ContainsKey).Select(k => $"{k}: {fields[k]}"));
    }
}
