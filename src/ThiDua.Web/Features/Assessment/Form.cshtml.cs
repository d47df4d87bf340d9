using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// The self-assessment form: the framework's tree with the right input for each rule, evidence per indicator,
/// notes, answers to the appraiser's questions and the running score; saved as a draft, submitted by the leader.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FormModel(AssessmentService assessments, SelfAssessmentService selfAssessment, FrameworkService frameworks, FileService files, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    private static readonly JsonSerializerOptions RuleJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public AssessmentDto Assessment { get; private set; } = null!;
    public CompiledFramework Compiled { get; private set; } = null!;
    public FrameworkDefinition Definition => Compiled.Definition;
    public IReadOnlyList<ValueDto> Values { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public Dictionary<int, string> Entered { get; } = [];
    public Dictionary<int, string?> EnteredNotes { get; } = [];
    public Dictionary<string, string> Faults { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string RulesJson { get; private set; } = "{}";
    public string StatusName => Assessment.Status.VietnameseName();

    /// <summary>Whether indicator <paramref name="i"/> has a value in the form (typed and posted back, or saved).</summary>
    public bool HasValue(int i) =>
        Entered.TryGetValue(i, out var typed) ? !string.IsNullOrWhiteSpace(typed) : !string.IsNullOrWhiteSpace(ValueDisplay.ToText(Compiled.Kinds[i], Values[i].Value));

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostSaveAsync(int id, int version) =>
        RunAsync(async () =>
        {
            await SaveAsync(id, version);
            TempData["Message"] = "Đã lưu bản nháp.";
            return Redirect($"/danh-gia/{id}");
        }, () => LoadAsync(id), ShowFaults);

    public Task<IActionResult> OnPostSubmitAsync(int id, int version) =>
        RunAsync(async () =>
        {
            await SaveAsync(id, version);
            await selfAssessment.SubmitAsync(id);
            TempData["Message"] = "Đã gửi đánh giá tới cơ quan thường trực.";
            return Redirect($"/danh-gia/{id}");
        }, () => LoadAsync(id), ShowFaults);

    /// <summary>
    /// One indicator's evidence file. The page's script sends only the file (Accept: application/json) and gets the
    /// stored file back, so nothing typed is touched; without a script the upload button submits the whole form, and
    /// what was typed is saved as a draft first, so the reload loses nothing.
    /// </summary>
    public async Task<IActionResult> OnPostEvidenceAsync(int id, int index)
    {
        var assessment = await assessments.GetAsync(id);
        var compiled = (await frameworks.CompiledAsync(assessment.FrameworkCode)).Compiled;
        if (index < 0 || index >= compiled.IndicatorCount)
        {
            return BadRequest();
        }
        var code = compiled.Codes[index];
        var file = Request.Form.Files.GetFile($"f{index}") ?? Request.Form.Files.GetFile("file");
        if (WantsJson)
        {
            try
            {
                var stored = await UploadAsync(id, code, file);
                var after = await assessments.GetAsync(id);
                return new JsonResult(new
                {
                    message = $"Đã tải lên minh chứng cho chỉ tiêu {code}.",
                    index,
                    file = new { id = stored.Id, name = stored.FileName, size = $"{Display.Number(stored.Size / 1024.0, 0)} KB" },
                    previousVersion = assessment.Version,
                    version = after.Version,
                });
            }
            catch (Exception e) when (IsCorrectable(e))
            {
                return JsonFault(e);
            }
        }
        var withValues = Request.Form.ContainsKey("version") && int.TryParse(Request.Form["version"], out _);
        return await RunAsync(async () =>
        {
            if (withValues)
            {
                await SaveAsync(id, int.Parse(Request.Form["version"]!, System.Globalization.CultureInfo.InvariantCulture));
            }
            await UploadAsync(id, code, file);
            TempData["Message"] = withValues ? $"Đã lưu nháp và tải lên minh chứng cho chỉ tiêu {code}." : $"Đã tải lên minh chứng cho chỉ tiêu {code}.";
            return Redirect($"/danh-gia/{id}");
        }, () => LoadAsync(id), ShowFaults);
    }

    /// <summary>
    /// The page's autosave: the same reading and saving as "Lưu nháp", answered in JSON — the new version and the
    /// time (Vietnam) on success, 409 when someone saved a newer version (nothing is overwritten), 400 with each
    /// indicator's fault.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, int version)
    {
        try
        {
            var saved = await SaveAsync(id, version);
            var at = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
            return new JsonResult(new { version = saved.Version, savedAt = at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) });
        }
        catch (Exception e) when (IsCorrectable(e))
        {
            return JsonFault(e);
        }
    }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private JsonResult JsonFault(Exception e)
    {
        var status = ThiDua.Web.Infrastructure.Errors.ProblemDetailsExceptionHandler.Map(e)?.Status ?? StatusCodes.Status400BadRequest;
        var message = e is ConflictException
            ? "Đánh giá đã được lưu ở nơi khác với phiên bản mới hơn; giá trị bạn đang nhập chưa được lưu tự động để không ghi đè. Hãy ghi lại các giá trị, tải lại trang rồi nhập tiếp."
            : Describe(e);
        var faults = e is DomainException { Errors.Count: > 0 } domain ? domain.Errors.ToDictionary(kv => kv.Key, kv => kv.Value[0]) : null;
        return new JsonResult(new { message, faults }) { StatusCode = status };
    }

    private async Task<ThiDua.Data.Files.StoredFile> UploadAsync(int id, string code, IFormFile? file)
    {
        try
        {
            var stored = await files.SaveAsync(file, FileTypes.Evidence, HttpContext.RequestAborted);
            await selfAssessment.AddEvidenceAsync(id, code, stored.Id);
            return stored;
        }
        catch (Exception e) when (IsCorrectable(e))
        {
            // The page has many upload buttons: the message says which indicator's file was refused.
            throw new DomainException($"Chỉ tiêu {code}: {e.Message}");
        }
    }

    /// <summary>Reads every box of the form as its rule reads text and saves the values; faults go back to the form, by indicator.</summary>
    private async Task<AssessmentDto> SaveAsync(int id, int version)
    {
        var current = await assessments.GetAsync(id);
        var compiled = (await frameworks.CompiledAsync(current.FrameworkCode)).Compiled;
        var entries = new List<ValueEntry>();
        var faults = new Dictionary<string, string[]>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var text = Request.Form[$"v{i}"].ToString();
            Entered[i] = text;
            EnteredNotes[i] = Request.Form[$"n{i}"].ToString();
            var json = IndicatorText.ToJson(compiled.Kinds[i], text, percentBox: compiled.Kinds[i] == RuleKind.Ratio, out var error);
            if (json is null)
            {
                faults[compiled.Codes[i]] = [$"Chỉ tiêu {compiled.Codes[i]}: '{text}' không phải giá trị hợp lệ — {error}"];
                continue;
            }
            entries.Add(new ValueEntry
            {
                IndicatorCode = compiled.Codes[i],
                Value = JsonDocument.Parse(json).RootElement.Clone(),
                Note = EnteredNotes[i] ?? "",
                Response = Request.Form.ContainsKey($"r{i}") ? Request.Form[$"r{i}"].ToString() : null,
            });
        }
        if (faults.Count == 0)
        {
            try
            {
                return await selfAssessment.SaveValuesAsync(id, entries, version);
            }
            catch (DomainException e) when (e.Errors.Count > 0)
            {
                faults = e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value);
            }
        }
        throw new DomainException($"Chưa lưu: {faults.Count} chỉ tiêu có giá trị chưa đúng (tô đỏ bên dưới).", faults);
    }

    /// <summary>Each indicator's fault beside its box; the message above the form.</summary>
    private void ShowFaults(DomainException e)
    {
        foreach (var (code, messages) in e.Errors)
        {
            Faults[code] = messages[0];
        }
        ModelState.AddModelError(string.Empty, e.Message);
    }

    private async Task LoadAsync(int id)
    {
        Assessment = await assessments.GetAsync(id);
        Compiled = (await frameworks.CompiledAsync(Assessment.FrameworkCode)).Compiled;
        Values = Assessment.Values;
        var ownUnit = user.IsUnitStaff && user.UnitCode == Assessment.UnitCode;
        CanEdit = ownUnit && AssessmentWorkflow.UnitCanEdit(Assessment.Status);
        CanSubmit = CanEdit && user.IsIn(Roles.UnitLeader);
        // The browser scores what is typed with the rules of the API's framework document (wwwroot/js/indicator-values.js).
        RulesJson = JsonSerializer.Serialize(new
        {
            scale = Compiled.ScaleMax,
            bands = Compiled.Definition.Bands.OrderByDescending(b => b.MinFraction).Select(b => new { name = b.Name, min = b.MinFraction, css = Bands.CssClass(b.Name) }),
            indicators = Compiled.Definition.Indicators().Select(x => new
            {
                rule = x.Indicator.Rule,
                maxPoints = x.Indicator.MaxPoints,
                percentBox = Compiled.Kinds[Compiled.IndexOf(x.Indicator.Code)] == RuleKind.Ratio,
                saved = Values[Compiled.IndexOf(x.Indicator.Code)].Points ?? 0,
            }),
        }, RuleJson);
    }
}
