using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Data.Assessment;
using ThiDua.Web.Features.Admin;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Appraisal: the unit's value and the evidence beside the appraiser's decision for each indicator — accept,
/// adjust (reason required) or ask for an explanation — then return the assessment or finalise it. Every change
/// is shown from the audit log: who, when, old and new value.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class AppraiseModel(AssessmentService assessments, AppraisalService appraisal, FrameworkService frameworks, ThiDuaDbContext db) : CommandPageModel
{
    public sealed record ValueChange(DateTime At, string? UserName, string IndicatorCode, IReadOnlyList<FieldChange> Changes);

    public AssessmentDto Assessment { get; private set; } = null!;
    public CompiledFramework Compiled { get; private set; } = null!;
    public bool CanAppraise { get; private set; }
    public IReadOnlyList<ValueChange> ValueHistory { get; private set; } = [];

    /// <summary>Who is who in the histories: full names by user name ("system" is shown as "Hệ thống").</summary>
    public IReadOnlyDictionary<string, string> FullNames { get; private set; } = new Dictionary<string, string>();
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
        var indicators = Compiled.Definition.Indicators().ToDictionary(x => x.Indicator.Code, x => x.Indicator, StringComparer.OrdinalIgnoreCase);
        ValueHistory = entries.Select(e =>
        {
            var code = keys[e.EntityKey];
            string? Describe(string field, JsonElement value) =>
                field is "SelfValue" or "AppraisedValue" && indicators.TryGetValue(code, out var indicator) ? ValueDisplay.Describe(indicator, value) : null;
            return new ValueChange(e.At, e.UserName, code, AuditChanges.Describe(db.Model, e.EntityType, e.Before, e.After, Shown, Describe));
        }).Where(c => c.Changes.Count > 0).ToList();
        var people = ValueHistory.Select(h => h.UserName).Concat(Assessment.History.Select(h => h.UserName)).OfType<string>().Distinct().ToList();
        FullNames = await db.Users.AsNoTracking().Where(u => people.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName);
    }

    /// <summary>The fields of a value a person follows; the raw copies and the bookkeeping stay in the audit log.</summary>
    private static readonly string[] Shown = ["SelfValue", "Note", "UnitResponse", "AppraisedValue", "Decision", "AppraisalReason", "ReturnMessage"];
}
