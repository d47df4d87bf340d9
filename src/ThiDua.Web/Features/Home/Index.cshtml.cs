using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;

namespace ThiDua.Web.Features.Home;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(ThiDuaDbContext db, WorkList workList, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public int ActiveUnits { get; private set; }
    public int Communes { get; private set; }
    public int Departments { get; private set; }
    public int Clusters { get; private set; }
    public int OnNotice { get; private set; }
    public int RewardsThisYear { get; private set; }
    public int? WaitingForBoard { get; private set; }
    /// <summary>What waits for the signed-in user ("Việc cần làm"); empty for the public.</summary>
    public WorkListResult Work { get; private set; } = WorkListResult.Empty;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    /// <summary>The figures are the page for the public; below a signed-in user's work they step back.</summary>
    public string FigureClass => SignedIn ? "fs-5" : "fs-3";

    public async Task OnGetAsync()
    {
        Today = VietnamTime.Today(clock);
        var today = Today;
        var active = db.Units.Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today));
        ActiveUnits = await active.CountAsync();
        Communes = await active.CountAsync(u => u.Type == UnitType.Commune);
        Departments = await active.CountAsync(u => u.Type == UnitType.Department);
        Clusters = await db.Clusters.CountAsync(c => c.Year == today.Year);
        OnNotice = await db.Nominations.CountAsync(n => n.Status == NominationStatus.PubliclyNoticed && n.NoticeEnd >= today);
        RewardsThisYear = await db.Rewards.CountAsync(r => r.Decision.Year == today.Year);
        if (SignedIn)
        {
            Work = await workList.ForCurrentUserAsync(HttpContext.RequestAborted);
        }
        if (User.IsInRole(Roles.RewardBoard))
        {
            WaitingForBoard = await db.Nominations.CountAsync(n => n.Status == NominationStatus.Submitted && n.Award != AwardLevel.UnitCertificate);
        }
    }
}
