using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// Public notice of the nominations the council passed, with a comment form the Reward Board reads, and the rewards
/// decided (R13: "công khai, minh bạch"). No login.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class RewardsModel(NominationService nominations, RewardHistoryService history, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NoticeDto> Notices { get; private set; } = [];
    public IReadOnlyList<RewardDto> Recent { get; private set; } = [];
    public int? CommentedOn { get; private set; }
    public Dictionary<string, string?> Entered { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCommentAsync(int nominationId, string? name, string? contact, string? body)
    {
        (Entered["name"], Entered["contact"], Entered["body"]) = (name, contact, body);
        CommentedOn = nominationId;
        try
        {
            if (string.IsNullOrWhiteSpace(body) || body.Trim().Length < 5)
            {
                throw DomainException.ForField("body", "Hãy viết ý kiến (ít nhất 5 ký tự).");
            }
            if (body.Length > 4000 || name?.Length > 256 || contact?.Length > 256)
            {
                throw DomainException.ForField("body", "Ý kiến dài quá 4.000 ký tự, hoặc họ tên, liên hệ dài quá 256 ký tự.");
            }
            await nominations.CommentAsync(nominationId, new PublicCommentRequest { Name = name, Contact = contact, Body = body });
            TempData["Message"] = "Cảm ơn bạn. Ý kiến đã được gửi tới Ban Thi đua – Khen thưởng tỉnh.";
            return Redirect("/cong-khai/khen-thuong");
        }
        catch (Exception e) when (e is DomainException or ConflictException or NotFoundException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Notices = await nominations.NoticesAsync();
        var year = VietnamTime.Today(clock).Year;
        Recent = (await history.SearchAsync(new RewardQuery(null, null, null, null, null)))
            .Where(r => r.DecisionDate.Year >= year - 1).Take(100).ToList();
    }
}
