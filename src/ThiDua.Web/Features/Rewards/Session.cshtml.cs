using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>One council session: the member's secret ballot, who has voted (never what), and after closing the tallies — the minutes' data.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class SessionModel(CouncilService council, CurrentUser user) : CommandPageModel
{
    public CouncilSessionDto Session { get; private set; } = null!;
    public bool IsBoard => user.HandlesRewards;
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
        if (!await user.HasPolicyAsync(Policies.CouncilVote))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            if (votes.Any(v => v.Choice is null))
            {
                throw DomainException.ForField("votes", "Hãy chọn Đồng ý, Không đồng ý hoặc Không biểu quyết cho từng hồ sơ.");
            }
            await council.VoteAsync(id, new BallotRequest { Votes = votes.Select(v => new VoteEntry { NominationId = v.NominationId, Choice = v.Choice }).ToList() });
        }, "Phiếu của bạn đã được ghi nhận. Lựa chọn không gắn với tên người bỏ phiếu.", $"/khen-thuong/hoi-dong/{id}", () => LoadAsync(id));
    }

    public async Task<IActionResult> OnPostCloseAsync(int id) =>
        await user.HasPolicyAsync(Policies.RewardBoard)
            ? await RunAsync(() => council.CloseAsync(id), "Đã kết thúc bỏ phiếu.", $"/khen-thuong/hoi-dong/{id}", () => LoadAsync(id))
            : Forbid();

    private async Task LoadAsync(int id)
    {
        Session = await council.GetAsync(id);
        var me = Session.Members.FirstOrDefault(m => m.UserName == user.UserName);
        HasVoted = me?.Voted == true;
        CanVote = me is not null && user.IsIn(Roles.CouncilMember) && !me.Voted && !Session.Closed;
    }
}
