using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Rewards;

/// <summary>A unit's rewards, with those of the units it was formed from (a merged commune keeps its history).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class UnitRewardsModel(RewardHistoryService history, ThiDuaDbContext db) : PageModel
{
    public string UnitName { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public IReadOnlyList<RewardDto> Own { get; private set; } = [];
    public IReadOnlyList<RewardDto> Predecessors { get; private set; } = [];

    public async Task OnGetAsync(string code)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code)
            ?? throw new NotFoundException($"Không có đơn vị mã {code}.");
        (UnitName, UnitCode) = (unit.Name, unit.Code);
        var all = await history.AllAsync(new RewardQuery(null, null, unit.Code, null, null, IncludePredecessors: true));
        Own = all.Where(r => r.UnitCode == unit.Code).ToList();
        Predecessors = all.Where(r => r.UnitCode != unit.Code).ToList();
    }
}
