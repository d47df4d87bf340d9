using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Web.Infrastructure.Auth;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Rewards;

/// <summary>One dossier: eligibility with reasons, typed documents with versions, the route with every step, and the action each role may take next.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NominationModel(NominationService nominations, IAuthorizationService authorization) : PageModel
{
    public NominationDto Nomination { get; private set; } = null!;
    public EligibilityDto Eligibility { get; private set; } = null!;
    public IReadOnlyList<PublicCommentDto> Comments { get; private set; } = [];
    public bool IsBoard { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanDecideOwn { get; private set; }
    public string? EnteredAchievements { get; private set; }

    public sealed class CriterionRow
    {
        public string Code { get; set; } = "";
        public bool Checked { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(int id) => await LoadAsync(id, markCommentsRead: true);

    public Task<IActionResult> OnPostUploadAsync(int id, string? kind, IFormFile? file) =>
        ActAsync(id, "Đã tải lên tài liệu.", () => nominations.AddDocumentAsync(id, RewardsApi.ParseKind(kind), file, User));

    public Task<IActionResult> OnPostSaveAsync(int id, int version, string? achievements)
    {
        EnteredAchievements = achievements;
        return ActAsync(id, "Đã lưu.", async () =>
        {
            var n = await nominations.GetAsync(id, User);
            return await nominations.UpdateAsync(id, new NominationRequest
            {
                MovementCode = n.MovementCode, Round = n.Round, Year = n.Year, NomineeKind = n.NomineeKind, UnitCode = n.UnitCode, ProposingUnitCode = n.ProposingUnitCode,
                Person = n.Person is { } p ? new PersonRequest { FullName = p.FullName, Position = p.Position, Organization = p.Organization, DateOfBirth = p.DateOfBirth, Gender = p.Gender } : null,
                Award = n.Award, Achievements = achievements ?? "",
            }, version, User);
        });
    }

    public Task<IActionResult> OnPostSubmitAsync(int id) =>
        ActAsync(id, "Đã trình hồ sơ.", () => nominations.SubmitAsync(id, User));

    public Task<IActionResult> OnPostReceiveAsync(int id) =>
        BoardAsync(id, "Đã tiếp nhận hồ sơ.", () => nominations.ReceiveAsync(id, User));

    public Task<IActionResult> OnPostReturnAsync(int id, string? reason) =>
        BoardAsync(id, "Đã trả lại hồ sơ cho đơn vị.", () => nominations.ReturnAsync(id, Reason(reason), User));

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason) =>
        BoardAsync(id, "Đã ghi không khen thưởng.", () => nominations.RejectAsync(id, Reason(reason), User));

    public Task<IActionResult> OnPostNoticeAsync(int id, int? workingDays) =>
        BoardAsync(id, "Đã đưa hồ sơ ra công khai lấy ý kiến.", () => nominations.StartNoticeAsync(id, workingDays, User));

    public Task<IActionResult> OnPostCriteriaAsync(int id, List<CriterionRow> criteria) =>
        BoardAsync(id, "Đã ghi kết quả xét tiêu chí.", () => nominations.SetCriteriaAsync(id,
            criteria.Select(c => new CriterionEntry { Code = c.Code, Checked = c.Checked, Note = c.Note }).ToList(), User));

    private async Task<IActionResult> BoardAsync<T>(int id, string message, Func<Task<T>> action)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RewardBoard)).Succeeded)
        {
            return Forbid();
        }
        return await ActAsync(id, message, action);
    }

    private async Task<IActionResult> ActAsync<T>(int id, string message, Func<Task<T>> action)
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return Redirect($"/khen-thuong/{id}");
        }
        catch (Exception e) when (e is DomainException or ConflictException or FileRejectedException)
        {
            ModelState.AddModelError(string.Empty, e is DomainException { Errors.Count: > 0 } d && d.Errors.Values.SelectMany(v => v).Any(v => v != e.Message)
                ? $"{e.Message} {string.Join(" ", d.Errors.Values.SelectMany(v => v).Where(v => v != e.Message))}"
                : e.Message);
        }
        await LoadAsync(id, markCommentsRead: false);
        return Page();
    }

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3 ? throw DomainException.ForField("reason", "Hãy nêu lý do.") : reason.Trim();

    private async Task LoadAsync(int id, bool markCommentsRead)
    {
        Nomination = await nominations.GetAsync(id, User);
        Eligibility = await nominations.EligibilityAsync(id, User);
        IsBoard = NominationService.Board.Any(User.IsInRole);
        var proposer = User.UnitCode() == Nomination.ProposingUnitCode && Roles.UnitScoped.Any(User.IsInRole);
        var status = RewardDisplay.Status(Nomination.Status);
        CanEdit = (proposer || IsBoard) && status is { } s && NominationWorkflow.UnitCanEdit(s);
        CanSubmit = proposer && User.IsInRole(Roles.UnitLeader) && CanEdit;
        CanDecideOwn = proposer && User.IsInRole(Roles.UnitLeader) && Nomination.Award == AwardLevel.UnitCertificate && status == NominationStatus.Submitted;
        if (IsBoard)
        {
            Comments = await nominations.CommentsAsync(id, markCommentsRead, User);
        }
    }
}
