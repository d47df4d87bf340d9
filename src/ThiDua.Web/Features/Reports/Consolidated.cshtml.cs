using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Targets;

namespace ThiDua.Web.Features.Reports;

/// <summary>The consolidated report of a year for the Provincial People's Committee (due 31/12), as a page and an XLSX.</summary>
[Authorize(Policy = Policies.ProvinceReader)]
public sealed class ConsolidatedModel(ConsolidatedReportBuilder builder, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearQuery { get; set; }

    public ConsolidatedReportDto Report { get; private set; } = null!;

    public string StatusName(string code) => code switch
    {
        "achieved" => "Đã đạt",
        "on_track" => "Đúng tiến độ",
        "at_risk" => "Có nguy cơ chậm",
        "off_track" => "Chậm, không đạt",
        _ => "Chưa có số liệu",
    };

    public async Task OnGetAsync()
    {
        var year = YearQuery is (>= 2022 and <= 2100) ? YearQuery.Value : VietnamTime.Today(clock).Year;
        Report = await builder.BuildAsync(MovementSeeder.Code, year, HttpContext.RequestAborted);
    }
}
