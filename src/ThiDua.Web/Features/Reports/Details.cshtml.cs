using ThiDua.Core.Movements;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Reports;

/// <summary>One annual report: written by the unit, submitted by its leader, returned by the Secretariat with a reason.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(ReportService reports, FileService files, CurrentUser user) : CommandPageModel
{
    public ReportDto Report { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReturn { get; private set; }
    public Dictionary<string, string?> Entered { get; } = [];
    public string StatusName => Report.Status.VietnameseName();

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostSaveAsync(int id, int version, string? summary, string? results, string? dtiAndTasks, string? proposals) =>
        SaveAsync(id, version, summary, results, dtiAndTasks, proposals, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(int id, int version, string? summary, string? results, string? dtiAndTasks, string? proposals) =>
        SaveAsync(id, version, summary, results, dtiAndTasks, proposals, submit: true);

    public Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file) =>
        RunAsync(async () =>
        {
            var stored = await files.SaveAsync(file, FileTypes.Evidence, HttpContext.RequestAborted);
            await reports.AddAttachmentAsync(id, stored.Id);
        }, "Đã tải lên tài liệu.", $"/phong-trao/bao-cao/{id}", () => LoadAsync(id));

    public async Task<IActionResult> OnPostReturnAsync(int id, string? reason) =>
        await user.HasPolicyAsync(Policies.Secretariat)
            ? await RunAsync(() => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3
                    ? throw DomainException.ForField("reason", "Hãy nêu lý do trả lại.")
                    : reports.ReturnAsync(id, reason),
                "Đã trả lại báo cáo.", $"/phong-trao/bao-cao/{id}", () => LoadAsync(id))
            : Forbid();

    private Task<IActionResult> SaveAsync(int id, int version, string? summary, string? results, string? dtiAndTasks, string? proposals, bool submit)
    {
        (Entered["summary"], Entered["results"], Entered["dtiAndTasks"], Entered["proposals"]) = (summary, results, dtiAndTasks, proposals);
        return RunAsync(async () =>
        {
            await reports.UpdateAsync(id, new UpdateReportRequest { Summary = summary, Results = results, DtiAndTasks = dtiAndTasks, Proposals = proposals }, version);
            if (submit)
            {
                await reports.SubmitAsync(id);
            }
        }, submit ? "Đã gửi báo cáo." : "Đã lưu báo cáo.", $"/phong-trao/bao-cao/{id}", () => LoadAsync(id));
    }

    private async Task LoadAsync(int id)
    {
        Report = await reports.GetAsync(id);
        var own = user.IsUnitStaff && user.UnitCode == Report.UnitCode;
        CanEdit = own && Report.Status != ReportStatus.Submitted;
        CanSubmit = CanEdit && user.IsIn(Roles.UnitLeader);
        CanReturn = Report.Status == ReportStatus.Submitted && await user.HasPolicyAsync(Policies.Secretariat);
    }
}
