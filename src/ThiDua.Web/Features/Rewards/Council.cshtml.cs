using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Data.Accounts;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Rewards;

/// <summary>Council sessions (R13): the Board convenes one with received, eligible dossiers and the members who vote.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class CouncilModel(CouncilService council, NominationService nominations, UserManager<ApplicationUser> users, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CouncilSessionDto> Sessions { get; private set; } = [];
    public IReadOnlyList<NominationDto> Ready { get; private set; } = [];
    public IReadOnlyList<ApplicationUser> Members { get; private set; } = [];
    public bool IsBoard { get; private set; }
    public DateOnly Today => VietnamTime.Today(clock);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(DateOnly? date, string? title, List<int> nominationIds, List<string> memberUserNames, double? thresholdPercent, double? quorumPercent)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RewardBoard)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            if (date is null)
            {
                throw DomainException.ForField("date", "Cần ngày họp.");
            }
            if (thresholdPercent is < 0 or > 100 || quorumPercent is < 0 or > 100)
            {
                throw DomainException.ForField("threshold", "Tỉ lệ là số từ 0 đến 100 (%).");
            }
            if (nominationIds.Count == 0 || memberUserNames.Count == 0)
            {
                throw DomainException.ForField("nominationIds", "Hãy chọn ít nhất một hồ sơ và một thành viên.");
            }
            var session = await council.CreateAsync(new CouncilSessionRequest
            {
                Date = date, Title = title, NominationIds = nominationIds, MemberUserNames = memberUserNames,
                Threshold = thresholdPercent / 100, Quorum = quorumPercent / 100,
            }, User);
            TempData["Message"] = "Đã lập phiên họp; các thành viên được mời đã nhận thông báo bỏ phiếu.";
            return Redirect($"/khen-thuong/hoi-dong/{session.Id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e is DomainException d && d.Errors.Keys.Any(k => k.StartsWith("nomination:", StringComparison.Ordinal))
                ? $"{e.Message} {string.Join(" ", d.Errors.Select(kv => $"Hồ sơ {kv.Key[11..]}: {string.Join(" ", kv.Value)}"))}"
                : e.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        IsBoard = NominationService.Board.Any(User.IsInRole);
        Sessions = await council.ListAsync(User);
        if (IsBoard)
        {
            Ready = await nominations.ListAsync("received", null, null, null, null, User);
            Members = (await users.GetUsersInRoleAsync(Roles.CouncilMember)).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
        }
    }
}
