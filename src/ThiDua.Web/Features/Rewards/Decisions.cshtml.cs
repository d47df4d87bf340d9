using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Rewards;

/// <summary>Reward decisions: the list, and the form that records one for the dossiers ready for it (R13).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecisionsModel(DecisionService decisions, NominationService nominations, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "hoSo")]
    public int? Preselected { get; set; }

    public IReadOnlyList<DecisionDto> Items { get; private set; } = [];
    public IReadOnlyList<NominationDto> Ready { get; private set; } = [];
    public bool CanDecide { get; private set; }
    public bool IsBoard { get; private set; }
    public DateOnly Today => VietnamTime.Today(clock);
    public Dictionary<string, string?> Entered { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? number, DateOnly? date, string? signerName, string? signerTitle, List<int> nominationIds, string? noticeWaiverReason)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Decide)).Succeeded)
        {
            return Forbid();
        }
        (Entered["number"], Entered["signerName"], Entered["signerTitle"], Entered["noticeWaiverReason"]) = (number, signerName, signerTitle, noticeWaiverReason);
        try
        {
            if (date is null)
            {
                throw DomainException.ForField("date", "Cần ngày quyết định.");
            }
            if (string.IsNullOrWhiteSpace(signerName) || string.IsNullOrWhiteSpace(signerTitle))
            {
                throw DomainException.ForField("signerName", "Cần họ tên và chức danh người ký.");
            }
            if (nominationIds.Count == 0)
            {
                throw DomainException.ForField("nominationIds", "Hãy chọn ít nhất một hồ sơ.");
            }
            var decision = await decisions.IssueAsync(new DecisionRequest
            {
                Number = number, Date = date, SignerName = signerName, SignerTitle = signerTitle, NominationIds = nominationIds, NoticeWaiverReason = noticeWaiverReason,
            }, User);
            TempData["Message"] = $"Đã vào sổ quyết định số {decision.Number}.";
            return Redirect($"/khen-thuong/quyet-dinh/{decision.Id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException or ForbiddenException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Items = await decisions.ListAsync(YearFilter, null);
        CanDecide = (await authorization.AuthorizeAsync(User, Policies.Decide)).Succeeded;
        IsBoard = NominationService.Board.Any(User.IsInRole);
        if (IsBoard)
        {
            Ready = await nominations.ListAsync(NominationStatus.PubliclyNoticed.Code(), null, null, null, null, User);
        }
        else if (CanDecide && User.IsInRole(Roles.UnitLeader))
        {
            Ready = (await nominations.ListAsync(NominationStatus.Submitted.Code(), "unit_certificate", null, null, null, User))
                .Where(n => n.ProposingUnitCode == User.UnitCode()).ToList();
        }
    }
}
