using ThiDua.Web.Features.Rewards;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// Public notice of the nominations the council passed, with a comment form the Reward Board reads, and the rewards
/// decided (R13: "công khai, minh bạch"). No login.
/// </summary>
[Authorize(Policy = Policies.Public)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ThiDua.Web.Infrastructure.Security.RateLimits.PublicComment)]
public sealed class RewardsModel(PublicNoticeService notices, RewardHistoryService history, TimeProvider clock) : CommandPageModel
{
    public IReadOnlyList<NoticeDto> Notices { get; private set; } = [];
    public IReadOnlyList<RewardDto> Recent { get; private set; } = [];
    public int? CommentedOn { get; private set; }
    public Dictionary<string, string?> Entered { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostCommentAsync(int nominationId, string? name, string? contact, string? body)
    {
        (Entered["name"], Entered["contact"], Entered["body"]) = (name, contact, body);
        CommentedOn = nominationId;
        return RunAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(body) || body.Trim().Length < 5)
            {
                throw DomainException.ForField("body", "Hãy viết ý kiến (ít nhất 5 ký tự).");
            }
            if (body.Length > 4000 || name?.Length > 256 || contact?.Length > 256)
            {
                throw DomainException.ForField("body", "Ý kiến dài quá 4.000 ký tự, hoặc họ tên, liên hệ dài quá 256 ký tự.");
            }
            await notices.CommentAsync(nominationId, new PublicCommentRequest { Name = name, Contact = contact, Body = body });
        }, "Cảm ơn bạn. Ý kiến đã được gửi tới Ban Thi đua – Khen thưởng tỉnh.", "/cong-khai/khen-thuong", LoadAsync);
    }

    private async Task LoadAsync()
    {
        Notices = await notices.OpenAsync();
        Recent = await history.RecentAsync(VietnamTime.Today(clock).Year - 1, take: 100);
    }
}
