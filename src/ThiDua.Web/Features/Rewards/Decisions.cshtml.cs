using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>Reward decisions: the list, and the form that records one for the dossiers ready for it (R13).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecisionsModel(DecisionService decisions, Documents.RecordDocuments documents, NominationService nominations, RewardRulesService rules, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "hoSo")]
    public int? Preselected { get; set; }

    public IReadOnlyList<DecisionDto> Items { get; private set; } = [];
    public IReadOnlyList<NominationSummary> Ready { get; private set; } = [];
    public bool CanDecide { get; private set; }
    public bool IsBoard => user.HandlesRewards;
    public DateOnly Today => VietnamTime.Today(clock);
    public Dictionary<string, string?> Entered { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? number, DateOnly? date, string? signerName, string? signerTitle, List<int> nominationIds, string? noticeWaiverReason)
    {
        if (!await user.HasPolicyAsync(Policies.Decide))
        {
            return Forbid();
        }
        (Entered["number"], Entered["signerName"], Entered["signerTitle"], Entered["noticeWaiverReason"]) = (number, signerName, signerTitle, noticeWaiverReason);
        return await RunAsync(async () =>
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
            });
            var (_, pdf) = await documents.DecisionAsync(decision.Id);
            TempData["Message"] = pdf.State == ThiDua.Data.Documents.OfficialDocumentState.Failed
                ? $"Đã vào sổ quyết định số {decision.Number}. Chưa tạo được bản PDF: {pdf.Error}"
                : $"Đã vào sổ quyết định số {decision.Number}, kèm bản Word và bản PDF đã ký số.";
            return Redirect($"/khen-thuong/quyet-dinh/{decision.Id}");
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        Items = (await decisions.ListAsync(YearFilter, null, Paging.FirstLargest)).Items;
        CanDecide = await user.HasPolicyAsync(Policies.Decide);
        if (IsBoard)
        {
            // The dossiers the rule set in force lets the Chairman decide now; state awards are proposed, not decided here.
            var ready = new List<NominationSummary>();
            foreach (var status in new[] { NominationStatus.Received, NominationStatus.Voted, NominationStatus.PubliclyNoticed })
            {
                foreach (var n in (await nominations.ListAsync(new NominationFilter(Status: status), Paging.FirstLargest)).Items)
                {
                    if (n.Award != AwardLevel.StateAward && n.Award != AwardLevel.UnitCertificate && RewardRoute.ProvinceCanDecide(await rules.TodayAsync(n.Award), status))
                    {
                        ready.Add(n);
                    }
                }
            }
            Ready = ready;
        }
        else if (CanDecide && user.IsIn(Roles.UnitLeader))
        {
            Ready = (await nominations.ListAsync(new NominationFilter(Status: NominationStatus.Submitted, Award: AwardLevel.UnitCertificate, UnitCode: user.UnitCode), Paging.FirstLargest))
                .Items.Where(n => n.ProposingUnitCode == user.UnitCode).ToList();
        }
    }
}
