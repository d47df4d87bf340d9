using ThiDua.Core.Movements;
using ThiDua.Core.Units;
using ThiDua.Web.Data.Seed;

namespace ThiDua.Web.Features.Reports;

/// <summary>Annual reports: the unit's own, and on time / late / missing per unit type for the year (R5).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ReportService reports, ThiDuaDbContext db, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearQuery { get; set; }

    public int Year { get; private set; }
    public ReportStatusDto Status { get; private set; } = null!;
    public IReadOnlyList<ReportDto> Mine { get; private set; } = [];
    public IReadOnlyList<ReportDto> All { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public string? UnitName { get; private set; }
    public bool CanStart { get; private set; }
    public bool ProvinceWide => user.ReadsEveryUnit;

    public string TypeName(string code) => UnitTypes.TryParse(code, out var t) ? t.VietnameseName() : code;

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostStartAsync(int year) =>
        RunAsync(async () =>
        {
            var report = await reports.CreateAsync(new CreateReportRequest { MovementCode = MovementSeeder.Code, Year = year, UnitCode = user.UnitCode ?? "" });
            return Redirect($"/phong-trao/bao-cao/{report.Id}");
        }, () =>
        {
            YearQuery = year;
            return LoadAsync();
        });

    private async Task LoadAsync()
    {
        Year = YearQuery is (>= 2022 and <= 2100) ? YearQuery.Value : VietnamTime.Today(clock).Year;
        Status = await reports.StatusAsync(MovementSeeder.Code, Year);
        if (user.UnitId is int unitId && user.IsUnitStaff)
        {
            UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync();
            Mine = (await reports.ListAsync(MovementSeeder.Code, null, null, null, Paging.FirstLargest)).Items;
            CanStart = !Mine.Any(r => r.Year == Year) && Year <= VietnamTime.Today(clock).Year;
        }
        if (ProvinceWide)
        {
            All = (await reports.ListAsync(MovementSeeder.Code, Year, null, null, Paging.FirstLargest)).Items;
            UnitNames = await db.Units.AsNoTracking().Where(u => Status.Missing.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name);
        }
    }
}
