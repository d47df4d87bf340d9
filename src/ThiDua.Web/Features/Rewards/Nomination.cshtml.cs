using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>One dossier: eligibility with reasons, typed documents with versions, the route with every step, and the action each role may take next.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NominationModel(
    NominationService nominations,
    DossierService dossier,
    BoardReviewService review,
    EligibilityService eligibility,
    PublicNoticeService notice,
    StateProposalService stateProposals,
    Documents.RecordDocuments documents,
    Initiatives.NominationEvidence evidence,
    CurrentUser user,
    TimeProvider clock) : CommandPageModel
{
    public NominationDto Nomination { get; private set; } = null!;
    public EligibilityDto Eligibility { get; private set; } = null!;
    public IReadOnlyList<PublicCommentDto> Comments { get; private set; } = [];
    /// <summary>Published initiatives and models linked as evidence, and those of its units that may still be.</summary>
    public Initiatives.NominationEvidenceView Evidence { get; private set; } = new([], [], false);
    public NominationActions Actions { get; private set; } = new(false, false, false, false);
    public bool IsBoard => Actions.IsBoard;
    public bool CanEdit => Actions.CanEdit;

    /// <summary>Who keeps the dossier may download the Tờ trình drafted from it (docs/decisions/020).</summary>
    public bool CanDraftProposal { get; private set; }
    public bool CanSubmit => Actions.CanSubmit;
    public bool CanDecideOwn => Actions.CanDecideOwn;
    public string? EnteredAchievements { get; private set; }
    public DateOnly Today => VietnamTime.Today(clock);

    public sealed class CriterionRow
    {
        public string Code { get; set; } = "";
        public bool Checked { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(int id) => await LoadAsync(id, markCommentsRead: true);

    public Task<IActionResult> OnPostUploadAsync(int id, string? kind, IFormFile? file) =>
        CommandAsync(id, "Đã tải lên tài liệu.", () => dossier.AddDocumentAsync(id, RewardsApi.ParseKind(kind), file));

    public Task<IActionResult> OnPostSaveAsync(int id, int version, string? achievements)
    {
        EnteredAchievements = achievements;
        return CommandAsync(id, "Đã lưu.", async () =>
        {
            var n = await nominations.GetAsync(id);
            await nominations.UpdateAsync(id, new NominationRequest
            {
                MovementCode = n.MovementCode, Round = n.Round, Year = n.Year, NomineeKind = n.NomineeKind, UnitCode = n.UnitCode, ProposingUnitCode = n.ProposingUnitCode,
                Person = n.Person is { } p ? new PersonRequest { FullName = p.FullName, Position = p.Position, Organization = p.Organization, DateOfBirth = p.DateOfBirth, Gender = p.Gender } : null,
                Award = n.Award, Achievements = achievements ?? "",
            }, version);
        });
    }

    public Task<IActionResult> OnPostSubmitAsync(int id) =>
        CommandAsync(id, "Đã trình hồ sơ.", () => dossier.SubmitAsync(id));

    public Task<IActionResult> OnPostReceiveAsync(int id) =>
        BoardAsync(id, "Đã tiếp nhận hồ sơ.", () => review.ReceiveAsync(id));

    public Task<IActionResult> OnPostReturnAsync(int id, string? reason) =>
        BoardAsync(id, "Đã trả lại hồ sơ cho đơn vị.", () => review.ReturnAsync(id, Reason(reason)));

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason) =>
        BoardAsync(id, "Đã ghi không khen thưởng.", () => review.RejectAsync(id, Reason(reason)));

    public Task<IActionResult> OnPostNoticeAsync(int id, int? workingDays) =>
        BoardAsync(id, "Đã đưa hồ sơ ra công khai lấy ý kiến.", () => notice.StartAsync(id, workingDays));

    /// <summary>The province's Tờ trình proposing this state award to the central level.</summary>
    public Task<IActionResult> OnPostProposeAsync(int id, DateOnly? date, string? signerName, string? signerTitle) =>
        BoardAsync(id, "Đã lập Tờ trình đề nghị cấp trên khen thưởng, kèm bản Word và bản PDF đã ký số.", async () =>
        {
            var proposal = await stateProposals.ProposeAsync(new StateProposalRequest
            {
                Date = date ?? throw DomainException.ForField("date", "Cần ngày ký Tờ trình."),
                SignerName = Required(signerName, "signerName", "Cần họ tên người ký."),
                SignerTitle = Required(signerTitle, "signerTitle", "Cần chức danh người ký."),
                NominationIds = [id],
            });
            await documents.StateProposalAsync(proposal.Id);
        });

    /// <summary>The President's or the Prime Minister's decision on the proposal, as it arrived.</summary>
    public Task<IActionResult> OnPostCentralDecisionAsync(int id, string? number, DateOnly? date, string? issuer, bool granted) =>
        BoardAsync(id, granted ? "Đã ghi nhận quyết định khen thưởng của cấp trên." : "Đã ghi nhận cấp trên không khen thưởng.", () => stateProposals.RecordCentralDecisionAsync(id, new CentralDecisionRequest
        {
            Number = Required(number, "number", "Cần số quyết định của cấp trên."),
            Date = date ?? throw DomainException.ForField("date", "Cần ngày quyết định."),
            Issuer = Required(issuer, "issuer", "Cần cấp quyết định (Chủ tịch nước, Thủ tướng Chính phủ)."),
            Granted = granted,
        }, nominations));

    public Task<IActionResult> OnPostLinkInitiativeAsync(int id, int? initiativeId) =>
        CommandAsync(id, "Đã thêm sáng kiến, mô hình làm minh chứng.", () => evidence.LinkAsync(id,
            initiativeId ?? throw DomainException.ForField("initiativeId", "Hãy chọn sáng kiến, mô hình.")));

    public Task<IActionResult> OnPostUnlinkInitiativeAsync(int id, int initiativeId) =>
        CommandAsync(id, "Đã bỏ sáng kiến, mô hình khỏi hồ sơ.", () => evidence.UnlinkAsync(id, initiativeId));

    public Task<IActionResult> OnPostCriteriaAsync(int id, List<CriterionRow> criteria) =>
        BoardAsync(id, "Đã ghi kết quả xét tiêu chí.", () => review.SetCriteriaAsync(id,
            criteria.Select(c => new CriterionEntry { Code = c.Code, Checked = c.Checked, Note = c.Note }).ToList()));

    private async Task<IActionResult> BoardAsync(int id, string message, Func<Task> command) =>
        await user.HasPolicyAsync(Policies.RewardBoard) ? await CommandAsync(id, message, command) : Forbid();

    private Task<IActionResult> CommandAsync(int id, string message, Func<Task> command) =>
        RunAsync(command, message, $"/khen-thuong/{id}", () => LoadAsync(id, markCommentsRead: false));

    private static string Required(string? text, string field, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw DomainException.ForField(field, message) : text.Trim();

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3 ? throw DomainException.ForField("reason", "Hãy nêu lý do.") : reason.Trim();

    private async Task LoadAsync(int id, bool markCommentsRead)
    {
        // One read of the dossier serves what it shows, whether it is eligible and what this user may do with it.
        var nomination = await nominations.FindVisibleAsync(id);
        Nomination = NominationQueries.ToDto(nomination);
        Eligibility = await eligibility.ForAsync(nomination);
        Actions = await nominations.ActionsAsync(nomination);
        CanDraftProposal = await user.CanAsync(nomination.Scope(), NominationAccess.Prepare);
        // Evidence is kept like the documents: the unit while it may edit, the Board until the dossier is closed.
        var keepsEvidence = Actions.CanEdit || (IsBoard && nomination.Status is not (NominationStatus.Decided or NominationStatus.Rejected));
        Evidence = new(await evidence.ListAsync(id), keepsEvidence ? await evidence.CandidatesAsync(id) : [], keepsEvidence);
        if (IsBoard)
        {
            Comments = await notice.CommentsAsync(id, markCommentsRead);
        }
    }
}
