using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Tasks;

/// <summary>"My unit's tasks" for reporters and leaders (with progress reports), the province-wide view for the Secretariat.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(TaskService tasks, TaskCompletionService completion, TaskImportService import, FileService files, ThiDuaDbContext db, CurrentUser user, ThiDua.Web.Features.Units.UnitService units, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "gd")]
    public string? PhaseCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "vb")]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "dv")]
    public string? UnitFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "qh")]
    public bool OverdueOnly { get; set; }

    public Phase Phase { get; private set; } = Phases.All;
    public bool ProvinceWide => user.ReadsEveryUnit;
    public bool CanManage { get; private set; }
    public bool CanReport => user.IsUnitStaff;
    public string? UnitCode => user.UnitCode;
    public string? UnitName { get; private set; }
    public IReadOnlyList<TaskDto> Tasks { get; private set; } = [];
    public CompletionDto? Completion { get; private set; }
    public IReadOnlyList<CompletionDto> AllCompletion { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public TaskImportReport? Report { get; private set; }
    public IReadOnlyList<ThiDua.Web.Features.Units.UnitChoice> UnitChoices { get; private set; } = [];
    public List<string> ChosenUnits { get; private set; } = [];
    public ThiDua.Web.Features.Units.UnitPicker AssigneePicker => new("n-units", "Units", "Các đơn vị được giao", UnitChoices, ChosenUnits);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostReportAsync(int taskId, string? percent, bool completed, string? note, IFormFile? file) =>
        RunAsync(async () =>
        {
            if (!double.TryParse(percent?.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || value is < 0 or > 100)
            {
                throw DomainException.ForField("percent", "Phần trăm hoàn thành phải là số từ 0 đến 100.");
            }
            Guid? evidence = file is { Length: > 0 } ? (await files.SaveAsync(file, FileTypes.Evidence, HttpContext.RequestAborted)).Id : null;
            await tasks.ReportAsync(taskId, new ProgressRequest { UnitCode = user.UnitCode ?? "", Percent = value, Completed = completed, Note = note, EvidenceFileId = evidence });
            TempData["Message"] = "Đã gửi báo cáo tiến độ.";
            return RedirectToPage();
        }, LoadAsync);

    public async Task<IActionResult> OnPostCreateAsync(string? sourceDocument, string? code, string? title, string? dueDate, [FromForm(Name = "Units")] string[]? assignees)
    {
        if (!await user.HasPolicyAsync(Policies.Secretariat))
        {
            return Forbid();
        }
        ChosenUnits = ThiDua.Web.Features.Units.UnitPicker.Codes(assignees);
        return await RunAsync(async () =>
        {
            if (!DateInput.TryParse(dueDate, out var due))
            {
                throw DomainException.ForField("dueDate", "Hạn phải có dạng ngày/tháng/năm.");
            }
            await tasks.CreateAsync(new CreateTaskRequest
            {
                SourceDocument = sourceDocument ?? "",
                Code = code ?? "",
                Title = title ?? "",
                DueDate = due,
                AssigneeUnitCodes = ChosenUnits,
            });
            TempData["Message"] = $"Đã thêm nhiệm vụ {code}.";
            return RedirectToPage();
        }, LoadAsync);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool dryRun)
    {
        if (!await user.HasPolicyAsync(Policies.Secretariat))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            using var buffer = await Uploads.BufferAsync(file, "Hãy chọn tệp CSV hoặc XLSX.");
            Report = await import.ImportAsync(buffer, FileTypes.Detect(buffer.ToArray()) == FileTypes.Xlsx, dryRun);
            await LoadAsync();
            return Page();
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        try
        {
            Phase = Phases.Parse(PhaseCode);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("gd", e.Message);
        }
        CanManage = await user.HasPolicyAsync(Policies.Secretariat);
        if (CanManage)
        {
            UnitChoices = await ThiDua.Web.Features.Units.UnitPicker.ValidAsync(units, VietnamTime.Today(clock));
        }
        if (!ProvinceWide && UnitCode is not null)
        {
            UnitName = await db.Units.Where(u => u.Code == UnitCode).Select(u => u.Name).FirstOrDefaultAsync();
            Completion = await completion.ForUnitAsync(UnitCode, Phase.Code);
        }
        Tasks = (await tasks.ListAsync(ProvinceWide ? (string.IsNullOrWhiteSpace(UnitFilter) ? null : UnitFilter) : null,
            string.IsNullOrWhiteSpace(Source) ? null : Source, OverdueOnly ? true : null, Phase.Code, Paging.FirstLargest)).Items;
        if (ProvinceWide)
        {
            AllCompletion = (await completion.ListAsync(Phase)).OrderBy(c => c.CompletionRate ?? 1).ThenBy(c => c.UnitCode, StringComparer.Ordinal).ToList();
            var codes = AllCompletion.Select(c => c.UnitCode).ToList();
            UnitNames = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name);
        }
    }
}
