using ThiDua.Core.Units;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Movements;

/// <summary>Registration status with the units still missing (R4), and the unit's own launch and registration form.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RegistrationModel(MovementService movements, FileService files, ThiDuaDbContext db, CurrentUser user) : CommandPageModel
{
    public RegistrationStatus Status { get; private set; } = null!;
    public ParticipationDto? Own { get; private set; }
    public string? UnitName { get; private set; }
    public bool CanRegister { get; private set; }
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public string? EnteredDate { get; private set; }
    public string? EnteredDocument { get; private set; }
    public string? EnteredCommitments { get; private set; }

    public string TypeName(string code) => UnitTypes.TryParse(code, out var t) ? t.VietnameseName() : code;

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostLaunchAsync(string? launchedOn, string? launchDocument, string? commitments, IFormFile? file) =>
        SaveAsync(launchedOn, launchDocument, commitments, file, register: false);

    public Task<IActionResult> OnPostRegisterAsync(string? launchedOn, string? launchDocument, string? commitments, IFormFile? file) =>
        SaveAsync(launchedOn, launchDocument, commitments, file, register: true);

    private async Task<IActionResult> SaveAsync(string? launchedOn, string? launchDocument, string? commitments, IFormFile? file, bool register)
    {
        (EnteredDate, EnteredDocument, EnteredCommitments) = (launchedOn, launchDocument, commitments);
        return await RunAsync(async () =>
        {
            if (!DateInput.TryParse(launchedOn, out var date))
            {
                throw DomainException.ForField("launchedOn", "Ngày phát động phải có dạng ngày/tháng/năm.");
            }
            Guid? fileId = file is { Length: > 0 } ? (await files.SaveAsync(file, FileTypes.Documents, HttpContext.RequestAborted)).Id : null;
            var unitCode = user.UnitCode ?? throw new ForbiddenException("Chỉ cán bộ, lãnh đạo đơn vị đăng ký cho đơn vị mình.");
            if (register)
            {
                await movements.RegisterAsync(MovementSeeder.Code, new RegistrationRequest
                {
                    UnitCode = unitCode,
                    LaunchedOn = date,
                    LaunchDocument = launchDocument,
                    LaunchFileId = fileId,
                    Commitments = (commitments ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                });
                TempData["Message"] = "Đã ghi nhận phát động và đăng ký thực hiện phong trào.";
            }
            else
            {
                await movements.LaunchAsync(MovementSeeder.Code, new LaunchRequest { UnitCode = unitCode, LaunchedOn = date, LaunchDocument = launchDocument ?? "", LaunchFileId = fileId });
                TempData["Message"] = "Đã ghi nhận phát động phong trào.";
            }
            return RedirectToPage();
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        Status = await movements.StatusAsync(MovementSeeder.Code, null);
        UnitNames = await db.Units.AsNoTracking().Where(u => Status.Missing.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name);
        if (user.UnitId is int unitId && user.IsUnitStaff)
        {
            UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync();
            Own = (await movements.ParticipationsAsync(MovementSeeder.Code, new Paging(1, 1))).Items is [var own, ..] ? own : null;
            CanRegister = Own?.RegisteredAt is null;
        }
    }
}
