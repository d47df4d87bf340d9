using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Rewards;

/// <summary>One council session: the member's secret ballot, who has voted (never what), and after closing the tallies — the minutes' data.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class SessionModel(CouncilService council, IAuthorizationService authorization) : PageModel
{
    public CouncilSessionDto Session { get; private set; } = null!;
    public bool IsBoard { get; private set; }
    public bool CanVote { get; private set; }
    public bool HasVoted { get; private set; }

    public sealed class VoteRow
    {
        public int NominationId { get; set; }
        public BallotChoice? Choice { get; set; }
    }

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostVoteAsync(int id, List<VoteRow> votes)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CouncilVote)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            if (votes.Any(v => v.Choice is null))
            {
                throw DomainException.ForField("votes", "Hãy chọn Đồng ý, Không đồng ý hoặc Không biểu quyết cho từng hồ sơ.");
            }
            await council.VoteAsync(id, new BallotRequest { Votes = votes.Select(v => new VoteEntry { NominationId = v.NominationId, Choice = v.Choice }).ToList() }, User);
            TempData["Message"] = "Phiếu của bạn đã được ghi nhận. Lựa chọn không gắn với tên người bỏ phiếu.";
            return Redirect($"/khen-thuong/hoi-dong/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RewardBoard)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            await council.CloseAsync(id, User);
            TempData["Message"] = "Đã kết thúc bỏ phiếu.";
            return Redirect($"/khen-thuong/hoi-dong/{id}");
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(int id)
    {
        Session = await council.GetAsync(id, User);
        IsBoard = NominationService.Board.Any(User.IsInRole);
        var me = Session.Members.FirstOrDefault(m => m.UserName == User.Identity?.Name);
        HasVoted = me?.Voted == true;
        CanVote = me is not null && User.IsInRole(Roles.CouncilMember) && !me.Voted && !Session.Closed;
    }
}
