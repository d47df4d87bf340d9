using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;
using ThiDua.Web.Infrastructure.Auth;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// The self-assessment form: the framework's tree with the right input for each rule, evidence per indicator,
/// notes, answers to the appraiser's questions and the running score; saved as a draft, submitted by the leader.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FormModel(AssessmentService assessments, FrameworkService frameworks, FileService files) : PageModel
{
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
    public string StatusName => StatusNameOf(Assessment.Status);

    public string StatusNameOf(string status) => Enum.TryParse<AssessmentStatus>(status, true, out var s) ? s.VietnameseName() : status;

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostSaveAsync(int id, int version)
    {
        if (await SaveAsync(id, version))
        {
            TempData["Message"] = "Đã lưu bản nháp.";
            return Redirect($"/danh-gia/{id}");
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int version)
    {
        if (await SaveAsync(id, version))
        {
            try
            {
                await assessments.SubmitAsync(id, User);
                TempData["Message"] = "Đã gửi đánh giá tới cơ quan thường trực.";
                return Redirect($"/danh-gia/{id}");
            }
            catch (Exception e) when (e is DomainException or ConflictException)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostEvidenceAsync(int id, int index, IFormFile? file)
    {
        var assessment = await assessments.GetAsync(id, User);
        var compiled = (await frameworks.CompiledAsync(assessment.FrameworkCode)).Compiled;
        if (index < 0 || index >= compiled.IndicatorCount)
        {
            return BadRequest();
        }
        try
        {
            var stored = await files.SaveAsync(file, FileTypes.Evidence, User, HttpContext.RequestAborted);
            await assessments.AddEvidenceAsync(id, compiled.Codes[index], stored.Id, User);
            TempData["Message"] = $"Đã tải lên minh chứng cho chỉ tiêu {compiled.Codes[index]}.";
            return Redirect($"/danh-gia/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException or FileRejectedException)
        {
            ModelState.AddModelError(string.Empty, $"Chỉ tiêu {compiled.Codes[index]}: {e.Message}");
        }
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Reads every box of the form, turns it into the API's values and saves them; faults go back to the form, by indicator.</summary>
    private async Task<bool> SaveAsync(int id, int version)
    {
        var current = await assessments.GetAsync(id, User);
        var compiled = (await frameworks.CompiledAsync(current.FrameworkCode)).Compiled;
        var entries = new List<ValueEntry>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var text = Request.Form[$"v{i}"].ToString();
            Entered[i] = text;
            EnteredNotes[i] = Request.Form[$"n{i}"].ToString();
            var json = FormValues.ToJson(compiled.Kinds[i], text);
            if (json is null)
            {
                Faults[compiled.Codes[i]] = $"Chỉ tiêu {compiled.Codes[i]}: '{text}' không phải giá trị hợp lệ.";
                continue;
            }
            var response = Request.Form.ContainsKey($"r{i}") ? Request.Form[$"r{i}"].ToString() : null;
            entries.Add(new ValueEntry
            {
                IndicatorCode = compiled.Codes[i],
                Value = JsonDocument.Parse(json).RootElement.Clone(),
                Note = EnteredNotes[i] ?? "",
                Response = response,
            });
        }
        if (Faults.Count == 0)
        {
            try
            {
                await assessments.SaveValuesAsync(id, entries, version, User);
                return true;
            }
            catch (DomainException e)
            {
                foreach (var (code, messages) in e.Errors)
                {
                    Faults[code] = messages[0];
                }
                if (e.Errors.Count == 0)
                {
                    ModelState.AddModelError(string.Empty, e.Message);
                }
            }
            catch (ConflictException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }
        ModelState.AddModelError(string.Empty, Faults.Count > 0 ? $"Chưa lưu: {Faults.Count} chỉ tiêu có giá trị chưa đúng (tô đỏ bên dưới)." : "Chưa lưu được.");
        return false;
    }

    private async Task LoadAsync(int id)
    {
        Assessment = await assessments.GetAsync(id, User);
        Compiled = (await frameworks.CompiledAsync(Assessment.FrameworkCode)).Compiled;
        Values = Assessment.Values;
        var ownUnit = Roles.UnitScoped.Any(User.IsInRole) && User.UnitCode() == Assessment.UnitCode;
        CanEdit = ownUnit && Assessment.Status is "draft" or "returned";
        CanSubmit = CanEdit && User.IsInRole(Roles.UnitLeader);
        RulesJson = JsonSerializer.Serialize(new
        {
            scale = Compiled.ScaleMax,
            bands = Compiled.Definition.Bands.OrderByDescending(b => b.MinFraction).Select(b => new { name = b.Name, min = b.MinFraction, css = Bands.CssClass(b.Name) }),
            indicators = Compiled.Definition.Indicators().Select(x => new
            {
                kind = x.Indicator.Rule.Kind,
                max = x.Indicator.MaxPoints,
                steps = x.Indicator.Rule.Steps?.OrderBy(s => s.Min).Select(s => new[] { s.Min, s.Points }),
                low = x.Indicator.Rule.Low,
                high = x.Indicator.Rule.High,
                down = x.Indicator.Rule.Direction == "down",
                options = x.Indicator.Rule.Options?.ToDictionary(o => o.Code, o => o.Points),
                saved = Values[Compiled.IndexOf(x.Indicator.Code)].Points ?? 0,
            }),
        });
    }
}
