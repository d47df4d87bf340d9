using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Units;
using ThiDua.Web.Features.Assessment;

namespace ThiDua.Web.Features.Results;

/// <summary>One unit's result: its groups against the cohort average, its history (through lineage) and the explanation.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class UnitModel(ResultsService results, FrameworkService frameworks, ThiDuaDbContext db, CurrentUser user) : PageModel
{
    public sealed record HistoryRow(int Year, string FrameworkCode, string UnitName, bool Own, double Score100, string? Band, int Rank, int Of);

    public ResultsDto Results { get; private set; } = null!;
    public ResultItem Item { get; private set; } = null!;
    public ExplanationDto? Explanation { get; private set; }
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(string frameworkCode, string unitCode)
    {
        Results = await results.ForUserAsync(frameworkCode, HttpContext.RequestAborted);
        Item = Results.Items.FirstOrDefault(i => string.Equals(i.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"{unitCode} chưa có kết quả theo bộ chỉ số {frameworkCode}.");
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Code == Item.UnitCode);
        if (user.ReadsEveryUnit || user.UnitId == unit.Id)
        {
            Explanation = await results.ExplainAsync(frameworkCode, unitCode, HttpContext.RequestAborted);
        }
        History = await HistoryAsync(unit.Id, Results.UnitType);
        var scored = Results.GroupColumns.Select((g, k) => (g, k)).Where(x => x.g.Scored && x.g.Depth == 1).ToList();
        ChartJson = JsonSerializer.Serialize(new
        {
            unit = Item.UnitName,
            labels = scored.Select(x => x.g.Name),
            unitValues = scored.Select(x => Math.Round(Item.Groups[x.k].Value ?? 0, 4)),
            averages = scored.Select(x => Math.Round(Results.GroupAverages[x.k] ?? 0, 4)),
        });
    }

    /// <summary>The unit's results of every year with a framework of its type, and its predecessors' before it existed.</summary>
    private async Task<IReadOnlyList<HistoryRow>> HistoryAsync(int unitId, string unitType)
    {
        var lineage = await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync();
        var predecessors = lineage.ToLookup(l => l.SuccessorId, l => l.PredecessorId);
        var family = Lineage.WithPredecessors(unitId, predecessors);
        var codes = await db.Units.AsNoTracking().Where(u => family.Contains(u.Id)).Select(u => new { u.Id, u.Code }).ToListAsync();
        var codeSet = codes.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = codes.First(c => c.Id == unitId).Code;
        var rows = new List<HistoryRow>();
        foreach (var summary in (await frameworks.ListAsync(null, unitType, Paging.FirstLargest)).Items.OrderByDescending(f => f.Year))
        {
            ResultsDto table;
            try
            {
                table = await results.ForUserAsync(summary.Code, HttpContext.RequestAborted);
            }
            catch (NotFoundException)
            {
                continue;
            }
            rows.AddRange(table.Items.Where(i => codeSet.Contains(i.UnitCode))
                .Select(i => new HistoryRow(table.Year, table.FrameworkCode, i.UnitName, string.Equals(i.UnitCode, own, StringComparison.OrdinalIgnoreCase), i.Score100, i.Band, i.Rank, table.Items.Count)));
        }
        return rows;
    }
}
