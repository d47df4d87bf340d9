using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Assessment;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Units;
using ThiDua.Data;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Assessment;

/// <summary>The DTI hub: frameworks, the unit's own assessments, the Secretariat's appraisal queue and imports.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(FrameworkService frameworks, AssessmentService assessments, ThiDuaDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    public IReadOnlyList<AssessmentSummary> Mine { get; private set; } = [];
    public IReadOnlyList<FrameworkSummary> CanStart { get; private set; } = [];
    public IReadOnlyList<AssessmentSummary> Queue { get; private set; } = [];
    public string? UnitName { get; private set; }
    public bool IsSecretariat { get; private set; }
    public ImportReport? Report { get; private set; }

    [BindProperty(SupportsGet = true, Name = "bo")]
    public string? FrameworkFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "tt")]
    public string? StatusFilter { get; set; } = "submitted";

    public string StatusName(string status) =>
        Enum.TryParse<AssessmentStatus>(status, true, out var s) ? s.VietnameseName() : status;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStartAsync(string frameworkCode)
    {
        try
        {
            var created = await assessments.CreateAsync(new CreateAssessmentRequest { FrameworkCode = frameworkCode, UnitCode = User.UnitCode() ?? "" }, User);
            return Redirect($"/danh-gia/{created.Id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportFrameworkAsync(IFormFile? file)
    {
        if (!User.IsProvinceWide())
        {
            return Forbid();
        }
        try
        {
            if (file is null)
            {
                throw DomainException.ForField("file", "Hãy chọn tệp XLSX.");
            }
            await using var stream = file.OpenReadStream();
            var created = await frameworks.ImportAsync(stream, User);
            TempData["Message"] = $"Đã nhập {created.Count} bộ chỉ số: {string.Join(", ", created.Select(c => c.Code))}.";
            return RedirectToPage();
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            foreach (var message in (e as DomainException)?.Errors.SelectMany(kv => kv.Value).Skip(1).Take(20) ?? [])
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportValuesAsync(IFormFile? file, bool dryRun)
    {
        if (!User.IsProvinceWide())
        {
            return Forbid();
        }
        try
        {
            if (file is null)
            {
                throw DomainException.ForField("file", "Hãy chọn tệp CSV.");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            buffer.Position = 0;
            Report = await assessments.ImportAsync(buffer, dryRun, User);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Frameworks = await frameworks.ListAsync(null, null);
        IsSecretariat = User.IsProvinceWide();
        if (User.UnitId() is int unitId && Roles.UnitScoped.Any(User.IsInRole))
        {
            var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId);
            UnitName = unit.Name;
            Mine = await assessments.ListAsync(null, null, null, User);
            var year = VietnamTime.Today(clock).Year;
            var taken = Mine.Select(a => a.FrameworkCode).ToHashSet();
            CanStart = Frameworks
                .Where(f => f.Year >= year - 1 && !taken.Contains(f.Code))
                .Where(f => f.UnitType == unit.Type || (unit.Type == UnitType.MassOrg && f.UnitType == UnitType.Department))
                .Where(f => unit.Validity.Overlaps(new DateOnly(f.Year, 1, 1), new DateOnly(f.Year, 12, 31)))
                .ToList();
        }
        if (IsSecretariat)
        {
            Queue = await assessments.ListAsync(string.IsNullOrWhiteSpace(FrameworkFilter) ? null : FrameworkFilter, null,
                string.IsNullOrWhiteSpace(StatusFilter) ? null : StatusFilter, User);
        }
    }
}
