using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>Council sessions (R13): the Board convenes one with received, eligible dossiers and the members who vote.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class CouncilModel(CouncilService council, NominationService nominations, CouncilRegistryService councils, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    /// <summary>The key of an ineligible dossier's faults in the council's refusal: "nomination:{id}".</summary>
    private const string Dossier = "nomination:";

    public IReadOnlyList<CouncilSessionDto> Sessions { get; private set; } = [];
    public IReadOnlyList<NominationSummary> Ready { get; private set; } = [];
    /// <summary>The province's standing council in its term today: every member of it counts in a session.</summary>
    public CouncilDto? StandingCouncil { get; private set; }
    public bool IsBoard => user.HandlesRewards;
    public DateOnly Today => VietnamTime.Today(clock);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(DateOnly? date, string? title, List<int> nominationIds, List<string> memberUserNames, double? thresholdPercent, double? quorumPercent)
    {
        if (!await user.HasPolicyAsync(Policies.RewardBoard))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            if (date is null)
            {
                throw DomainException.ForField("date", "Cần ngày họp.");
            }
            if (thresholdPercent is < 0 or > 100 || quorumPercent is < 0 or > 100)
            {
                throw DomainException.ForField("threshold", "Tỉ lệ là số từ 0 đến 100 (%).");
            }
            if (nominationIds.Count == 0)
            {
                throw DomainException.ForField("nominationIds", "Hãy chọn ít nhất một hồ sơ.");
            }
            var session = await council.CreateAsync(new CouncilSessionRequest
            {
                Date = date, Title = title, NominationIds = nominationIds, MemberUserNames = memberUserNames,
                Threshold = thresholdPercent / 100, Quorum = quorumPercent / 100,
            });
            TempData["Message"] = "Đã lập phiên họp; các thành viên được mời đã nhận thông báo bỏ phiếu.";
            return Redirect($"/khen-thuong/hoi-dong/{session.Id}");
        }, LoadAsync, e => ModelState.AddModelError(string.Empty, e.Errors.Keys.Any(k => k.StartsWith(Dossier, StringComparison.Ordinal))
            // Each ineligible dossier's failed rules, named by its number.
            ? $"{e.Message} {string.Join(" ", e.Errors.Select(kv => $"Hồ sơ {kv.Key[Dossier.Length..]}: {string.Join(" ", kv.Value)}"))}"
            : Describe(e)));
    }

    private async Task LoadAsync()
    {
        Sessions = (await council.ListAsync(Paging.FirstLargest)).Items;
        if (IsBoard)
        {
            Ready = (await nominations.ListAsync(new NominationFilter(Status: NominationStatus.Received), Paging.FirstLargest)).Items;
            StandingCouncil = await councils.ProvinceCouncilAsync(Today);
        }
    }
}
