using ThiDua.Core.Units;

namespace ThiDua.Web.Features.Movements;

/// <summary>
/// The movement is the province's own: units of other provinces (the national dataset of <c>seed-national</c> puts
/// all 34 provinces' communes in one database) owe it nothing. The home province is the first Province unit (the one
/// the instance was set up for, as documents and decisions already take it); a unit belongs to another province when
/// its chain of stored parents reaches a different Province unit. A unit with no Province above it is the province's
/// own, as before.
/// </summary>
public static class OtherProvinces
{
    /// <summary>The ids of the units under another province than the home one (empty in a one-province database).</summary>
    public static async Task<HashSet<int>> UnitIdsAsync(ThiDuaDbContext db, CancellationToken cancellationToken)
    {
        var provinces = await db.Units.AsNoTracking().Where(u => u.Type == UnitType.Province).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        if (provinces.Count <= 1)
        {
            return [];
        }
        var home = provinces[0];
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
        var provinceSet = provinces.ToHashSet();
        var provinceOf = new Dictionary<int, int?>();
        int? ProvinceOf(int id)
        {
            if (provinceOf.TryGetValue(id, out var known))
            {
                return known;
            }
            // Walk up (guarding against a cycle), then remember the answer for every unit passed.
            var path = new List<int>();
            int? current = id, found = null;
            while (current is int c && path.Count <= parents.Count)
            {
                if (provinceSet.Contains(c))
                {
                    found = c;
                    break;
                }
                if (provinceOf.TryGetValue(c, out var cached))
                {
                    found = cached;
                    break;
                }
                path.Add(c);
                current = parents.GetValueOrDefault(c);
            }
            path.ForEach(p => provinceOf[p] = found);
            return found;
        }
        return parents.Keys.Where(id => ProvinceOf(id) is int p && p != home).ToHashSet();
    }
}
