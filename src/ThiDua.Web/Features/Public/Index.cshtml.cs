using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Targets;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Initiatives;
using ThiDua.Web.Features.Movements;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Features.Targets;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// The portal's home page for a citizen: what the movement is, where the province stands (the latest published
/// rankings, the targets on and off track, the province's national DTI rank) and what is new.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(PortalService portal, TargetService targets, MovementService movements, PublicNoticeService notices,
    RewardHistoryService rewards, PublishedInitiatives initiatives, TimeProvider clock) : PageModel
{
    /// <summary>The target of the province's national DTI rank (Resolution 09: among the top 3).</summary>
    public const string NationalRankTarget = "DTI-TOP3";

    public MovementDto Movement { get; private set; } = null!;
    public IReadOnlyList<ResultsDto> Rankings { get; private set; } = [];
    public IReadOnlyList<TargetDto> Targets { get; private set; } = [];
    public TargetDto? NationalRank { get; private set; }
    public int Ahead { get; private set; }
    public int Behind { get; private set; }
    public int Unmeasured { get; private set; }
    public IReadOnlyList<NoticeDto> Notices { get; private set; } = [];
    public IReadOnlyList<RewardDto> Rewards { get; private set; } = [];

    /// <summary>Featured initiatives first (for the provincial media centre), then the newest published.</summary>
    public IReadOnlyList<OpenInitiativeDto> Initiatives { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Movement = await movements.GetAsync(MovementSeeder.Code, ct);
        Rankings = await portal.LatestRankingsAsync(ct);
        Targets = await targets.AllAsync(VietnamTime.Today(clock).Year, ct);
        NationalRank = Targets.FirstOrDefault(t => t.Code == NationalRankTarget);
        Ahead = Targets.Count(t => t.Status is TargetStatus.Achieved or TargetStatus.OnTrack);
        Behind = Targets.Count(t => t.Status is TargetStatus.AtRisk or TargetStatus.OffTrack);
        Unmeasured = Targets.Count - Ahead - Behind;
        Notices = await notices.OpenAsync(ct);
        Rewards = await rewards.RecentAsync(VietnamTime.Today(clock).Year - 1, take: 5, ct);
        Initiatives = (await initiatives.ListAsync(null, null, null, null, null, Paging.From(1, 5), ct)).Items;
    }
}
