using ThiDua.Core.Units;
using ThiDua.Data.Assessment;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Rewards;

namespace ThiDua.Web.Features.Public;

/// <summary>A year's result of a unit, or of one it came from, as published.</summary>
public sealed record PublicHistoryRow(int Year, string FrameworkCode, string FrameworkName, string UnitCode, string UnitName, bool Own, double Score100, string? Band,
    int Rank, int Of, UncertaintyItem Uncertainty);

/// <summary>A unit as the public sees it: name, type, dates, where it came from and went, results and rewards.</summary>
public sealed record PublicUnitProfile(string Code, string Name, UnitType Type, DateOnly ValidFrom, DateOnly? ValidTo,
    IReadOnlyList<(string Code, string Name)> Predecessors, IReadOnlyList<(string Code, string Name)> Successors,
    IReadOnlyList<PublicHistoryRow> History, IReadOnlyList<RewardDto> Rewards);

/// <summary>
/// What the public portal reads (R16): only published rankings — through <see cref="ResultsService.PublishedAsync"/>,
/// never the live computation the staff see — and the rewards decided. Other areas' public pages may call it.
/// </summary>
public sealed class PortalService([FromKeyedServices(DatabaseSetup.ReadsKey)] ThiDuaDbContext db, ResultsService results, RewardHistoryService rewards)
{
    /// <summary>Every framework with a publication, newest year first.</summary>
    public async Task<IReadOnlyList<Framework>> PublishedFrameworksAsync(CancellationToken cancellationToken = default)
    {
        var published = db.ResultPublications.Select(p => p.FrameworkId);
        return await db.Frameworks.AsNoTracking().Where(f => published.Contains(f.Id))
            .OrderByDescending(f => f.Year).ThenBy(f => f.UnitType).ThenByDescending(f => f.Revision).ToListAsync(cancellationToken);
    }

    /// <summary>The latest published ranking of each unit type (departments, mass organisations, districts, communes).</summary>
    public async Task<IReadOnlyList<ResultsDto>> LatestRankingsAsync(CancellationToken cancellationToken = default)
    {
        var latest = (await PublishedFrameworksAsync(cancellationToken)).GroupBy(f => f.UnitType).OrderBy(g => g.Key).Select(g => g.First());
        var tables = new List<ResultsDto>();
        foreach (var framework in latest)
        {
            if (await results.PublishedAsync(framework, cancellationToken) is { } table)
            {
                tables.Add(table);
            }
        }
        return tables;
    }

    /// <summary>The published ranking of a framework, or null when it has none.</summary>
    public async Task<ResultsDto?> PublishedAsync(string frameworkCode, CancellationToken cancellationToken = default)
    {
        var framework = await db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken);
        return framework is null ? null : await results.PublishedAsync(framework, cancellationToken);
    }

    /// <summary>
    /// A unit's public profile, or null when there is no such unit. Its history runs through lineage: a merged commune
    /// shows the published results of the communes it came from, marked as theirs.
    /// </summary>
    public async Task<PublicUnitProfile?> UnitAsync(string code, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code.Trim(), cancellationToken);
        if (unit is null)
        {
            return null;
        }
        var lineage = await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken);
        var family = Lineage.WithPredecessors(unit.Id, lineage.ToLookup(l => l.SuccessorId, l => l.PredecessorId));
        var direct = lineage.Where(l => l.SuccessorId == unit.Id).Select(l => l.PredecessorId)
            .Concat(lineage.Where(l => l.PredecessorId == unit.Id).Select(l => l.SuccessorId)).ToList();
        var names = await db.Units.AsNoTracking().Where(u => family.Contains(u.Id) || direct.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(cancellationToken);
        (string, string) Named(int id) => names.Where(n => n.Id == id).Select(n => (n.Code, n.Name)).First();
        var predecessors = lineage.Where(l => l.SuccessorId == unit.Id).Select(l => Named(l.PredecessorId)).ToList();
        var successors = lineage.Where(l => l.PredecessorId == unit.Id).Select(l => Named(l.SuccessorId)).ToList();
        var codes = names.Where(n => family.Contains(n.Id)).Select(n => n.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The family's rows of every latest publication, looked up by unit in the published rows (ADR 025).
        var history = (await results.PublishedRowsOfUnitsAsync(codes, cancellationToken))
            .Select(r => new PublicHistoryRow(r.Framework.Year, r.Framework.Code, r.Framework.Name, r.Item.UnitCode, r.Item.UnitName,
                string.Equals(r.Item.UnitCode, unit.Code, StringComparison.OrdinalIgnoreCase), r.Item.Score100, r.Item.Band, r.Item.Rank, r.Of, r.Item.Uncertainty))
            .ToList();
        var decided = await rewards.AllAsync(new RewardQuery(null, null, unit.Code, null, null, IncludePredecessors: true), cancellationToken);
        return new PublicUnitProfile(unit.Code, unit.Name, unit.Type, unit.ValidFrom, unit.ValidTo, predecessors, successors,
            history.OrderByDescending(h => h.Year).ThenBy(h => h.UnitName, StringComparer.Ordinal).ToList(), decided);
    }
}
