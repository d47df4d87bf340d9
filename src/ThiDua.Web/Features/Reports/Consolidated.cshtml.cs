using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Targets;

namespace ThiDua.Web.Features.Reports;

/// <summary>The consolidated report of a year for the Provincial People's Committee (due 31/12), as a page and an XLSX.</summary>
[Authorize(Policy = Policies.ProvinceReader)]
public sealed class ConsolidatedModel(ConsolidatedReportBuilder builder, Documents.RecordDocuments records, Documents.DocumentService documents,
    CurrentUser user, TimeProvider clock) : CommandPageModel
{
    /// <summary>The report as an official document (Word draft, PDF, issuing) is for who writes it: the Secretariat, the Board, Admin.</summary>
    public bool ShowsDocuments => user.KeepsDossiers;

    public bool CanIssue => user.ActsForEveryUnit;

    /// <summary>The issued, signed PDF of the year's report, once there is one.</summary>
    public ThiDua.Data.Documents.OfficialDocument? Issued { get; private set; }

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

    public Task OnGetAsync() => LoadAsync();

    /// <summary>The Secretariat signs and issues the year's report: the PDF is rendered from the Word draft's last version.</summary>
    public async Task<IActionResult> OnPostIssueAsync(string? signerName, string? signerTitle)
    {
        if (!CanIssue)
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            var year = Year();
            var draft = await records.ConsolidatedReportAsync(MovementSeeder.Code, year, pdf: false);
            var pdf = await records.IssueAsync(draft.Id, new Documents.IssueRequest(signerName, signerTitle));
            TempData["Message"] = pdf.State == ThiDua.Data.Documents.OfficialDocumentState.Failed
                ? $"Đã ban hành bản Word; chưa tạo được bản PDF: {pdf.Error}"
                : $"Đã ký số và ban hành báo cáo tổng hợp năm {year}.";
            return Redirect($"/phong-trao/tong-hop?nam={year}");
        }, LoadAsync);
    }

    private int Year() => YearQuery is (>= 2022 and <= 2100) ? YearQuery.Value : VietnamTime.Today(clock).Year;

    private async Task LoadAsync()
    {
        var year = Year();
        Report = await builder.BuildAsync(MovementSeeder.Code, year, HttpContext.RequestAborted);
        Issued = await documents.IssuedAsync($"report:{MovementSeeder.Code}:{year}");
    }
}
