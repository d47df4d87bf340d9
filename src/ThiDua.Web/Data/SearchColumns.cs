using ThiDua.Core.Text;

namespace ThiDua.Web.Data;

/// <summary>
/// Fills the folded search columns of rows written before those columns existed (the 2026-11 migration adds them
/// empty: SQL cannot fold Vietnamese diacritics). New and changed rows get theirs from the DbContext on save; this
/// runs at every start and finds nothing to do once a database has been filled.
/// </summary>
public static class SearchColumns
{
    public static async Task BackfillAsync(ThiDuaDbContext db, CancellationToken cancellationToken)
    {
        // A derived column of an existing row, not a change anyone made: written without a version bump or an audit entry.
        foreach (var unit in await db.Units.AsNoTracking().Where(u => u.SearchName == "").Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
        {
            var folded = TextSearch.Fold(unit.Name);
            await db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SearchName, folded), cancellationToken);
        }
        foreach (var reward in await db.Rewards.AsNoTracking().Where(r => r.SearchOrganization == null && r.PersonOrganization != null)
            .Select(r => new { r.Id, r.PersonOrganization }).ToListAsync(cancellationToken))
        {
            var folded = TextSearch.Fold(reward.PersonOrganization!);
            await db.Rewards.Where(r => r.Id == reward.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SearchOrganization, folded), cancellationToken);
        }
    }
}
