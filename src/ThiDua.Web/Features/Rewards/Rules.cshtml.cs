using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The reward rules in force on a day, each with its legal source and validity, every earlier version, and the standing
/// councils (ADR 015): what the Board applies, readable by everyone who takes part.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RulesModel(RewardRulesService rules, CouncilRegistryService councils, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ngay")]
    public DateOnly? Day { get; set; }

    public IReadOnlyList<RewardRuleDto> InForce { get; private set; } = [];
    public IReadOnlyList<RewardRuleDto> History { get; private set; } = [];
    public IReadOnlyList<CouncilDto> Councils { get; private set; } = [];
    public DateOnly Date => Day ?? VietnamTime.Today(clock);
    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        History = await rules.HistoryAsync();
        try
        {
            InForce = await rules.ValidOnAsync(null, Date);
        }
        catch (DomainException e)
        {
            Problem = e.Message;
        }
        if (await user.HasPolicyAsync(Policies.Council))
        {
            Councils = await councils.ListAsync();
        }
    }

    public static string IssuerName(IssuerLevel issuer) => issuer switch
    {
        IssuerLevel.UnitHead => "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã",
        IssuerLevel.Province => "Chủ tịch UBND tỉnh",
        _ => "Chủ tịch nước, Thủ tướng Chính phủ (tỉnh lập Tờ trình)",
    };

    public static string NoticeName(NoticeRuleDto notice) => notice.When switch
    {
        NoticeTiming.None => "Không bắt buộc",
        NoticeTiming.BeforeCouncil => $"Trước khi Hội đồng xét, {notice.WorkingDays} ngày làm việc",
        _ => $"Trước khi quyết định, {notice.WorkingDays} ngày làm việc",
    };

    public static string StepName(string step) => step switch
    {
        "receive" => "Tiếp nhận",
        "appraise" => "Thẩm định, trình",
        "decide" => "Quyết định",
        _ => step,
    };
}
