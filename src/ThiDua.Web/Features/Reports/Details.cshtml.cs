using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Errors;
using ThiDua.Core.Movements;
using ThiDua.Web.Infrastructure.Auth;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Reports;

/// <summary>One annual report: written by the unit, submitted by its leader, returned by the Secretariat with a reason.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(ReportService reports, FileService files, IAuthorizationService authorization) : PageModel
{
    public ReportDto Report { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReturn { get; private set; }
    public Dictionary<string, string?> Entered { get; } = [];
    public string StatusName => Enum.TryParse<ReportStatus>(Report.Status, true, out var s) ? s.VietnameseName() : Report.Status;

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostSaveAsync(int id, int version, string? summary, string? results, string? dtiAndTasks, string? proposals) =>
        SaveAsync(id, version, summary, results, dtiAndTasks, proposals, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(int id, int version, string? summary, string? results, string? dtiAndTasks, string? proposals) =>
        SaveAsync(id, version, summary, results, dtiAndTasks, proposals, submit: true);

    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file)
    {
        try
        {
            var stored = await files.SaveAsync(file, FileTypes.Evidence, User, HttpContext.RequestAborted);
            await reports.AddAttachmentAsync(id, stored.Id, User);
            TempData["Message"] = "Đã tải lên tài liệu.";
            return Redirect($"/phong-trao/bao-cao/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException or FileRejectedException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, string? reason)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Secretariat)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3)
            {
                throw DomainException.ForField("reason", "Hãy nêu lý do trả lại.");
            }
            await reports.ReturnAsync(id, reason, User);
            TempData["Message"] = "Đã trả lại báo cáo.";
            return Redirect($"/phong-trao/bao-cao/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(int id, int version, string? summary, string? results, string? dtiAndTasks, string? proposals, bool submit)
    {
        (Entered["summary"], Entered["results"], Entered["dtiAndTasks"], Entered["proposals"]) = (summary, results, dtiAndTasks, proposals);
        try
        {
            await reports.UpdateAsync(id, new UpdateReportRequest { Summary = summary, Results = results, DtiAndTasks = dtiAndTasks, Proposals = proposals }, version, User);
            if (submit)
            {
                await reports.SubmitAsync(id, User);
            }
            TempData["Message"] = submit ? "Đã gửi báo cáo." : "Đã lưu báo cáo.";
            return Redirect($"/phong-trao/bao-cao/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(int id)
    {
        Report = await reports.GetAsync(id, User);
        var own = Roles.UnitScoped.Any(User.IsInRole) && User.UnitCode() == Report.UnitCode;
        CanEdit = own && Report.Status != "submitted";
        CanSubmit = CanEdit && User.IsInRole(Roles.UnitLeader);
        CanReturn = Report.Status == "submitted" && (await authorization.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
    }
}
