using ThiDua.Core.Assessment;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

/// <summary>The DTI hub: frameworks, the unit's own assessments, the Secretariat's appraisal queue and imports.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(FrameworkService frameworks, AssessmentService assessments, SelfAssessmentService selfAssessment, AssessmentImportService import,
    ThiDuaDbContext db, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    public IReadOnlyList<AssessmentSummary> Mine { get; private set; } = [];
    public IReadOnlyList<FrameworkSummary> CanStart { get; private set; } = [];
    public IReadOnlyList<AssessmentSummary> Queue { get; private set; } = [];
    public string? UnitName { get; private set; }
    public bool IsSecretariat => user.ActsForEveryUnit;
    public ImportReport? Report { get; private set; }

    [BindProperty(SupportsGet = true, Name = "bo")]
    public string? FrameworkFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "tt")]
    public string? StatusFilter { get; set; } = "submitted";

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostStartAsync(string frameworkCode) =>
        RunAsync(async () =>
        {
            var created = await selfAssessment.CreateAsync(new CreateAssessmentRequest { FrameworkCode = frameworkCode, UnitCode = user.UnitCode ?? "" });
            return Redirect($"/danh-gia/{created.Id}");
        }, LoadAsync);

    public async Task<IActionResult> OnPostImportFrameworkAsync(IFormFile? file)
    {
        if (!IsSecretariat)
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            if (file is null)
            {
                throw DomainException.ForField("file", "Hãy chọn tệp XLSX.");
            }
            await using var stream = file.OpenReadStream();
            var created = await frameworks.ImportAsync(stream);
            TempData["Message"] = $"Đã nhập {created.Count} bộ chỉ số: {string.Join(", ", created.Select(c => c.Code))}.";
            return RedirectToPage();
        }, LoadAsync, e =>
        {
            // A workbook can hold many faults: the first twenty are listed, each on its line.
            ModelState.AddModelError(string.Empty, e.Message);
            foreach (var message in e.Errors.SelectMany(kv => kv.Value).Skip(1).Take(20))
            {
                ModelState.AddModelError(string.Empty, message);
            }
        });
    }

    public async Task<IActionResult> OnPostImportValuesAsync(IFormFile? file, bool dryRun)
    {
        if (!IsSecretariat)
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            using var buffer = await Uploads.BufferAsync(file, "Hãy chọn tệp CSV.");
            Report = await import.ImportAsync(buffer, dryRun);
            await LoadAsync();
            return Page();
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        Frameworks = (await frameworks.ListAsync(null, null, Paging.FirstLargest)).Items;
        if (user.UnitId is int unitId && user.IsUnitStaff)
        {
            var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId);
            UnitName = unit.Name;
            Mine = (await assessments.ListAsync(null, null, null, Paging.FirstLargest)).Items;
            var year = VietnamTime.Today(clock).Year;
            var taken = Mine.Select(a => a.FrameworkCode).ToHashSet();
            CanStart = Frameworks
                .Where(f => f.Year >= year - 1 && !taken.Contains(f.Code))
                .Where(f => FrameworkFit.TypeFits(unit.Type, f.UnitType))
                .Where(f => unit.Validity.Overlaps(new DateOnly(f.Year, 1, 1), new DateOnly(f.Year, 12, 31)))
                .ToList();
        }
        if (IsSecretariat)
        {
            Queue = (await assessments.ListAsync(string.IsNullOrWhiteSpace(FrameworkFilter) ? null : FrameworkFilter, null,
                string.IsNullOrWhiteSpace(StatusFilter) ? null : StatusFilter, Paging.FirstLargest)).Items;
        }
    }
}
