using ThiDua.Core.Tasks;

namespace ThiDua.Web.Features.Tasks;

/// <summary>
/// How completely units carried out their tasks in a phase (R9), what the mid-term and final reviews judge; a unit
/// formed by a merger answers for its predecessors' tasks too (Core's <see cref="LineageCompletion"/>).
/// </summary>
public sealed class TaskCompletionService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>One unit's completion, for the unit itself or a province-wide reader (403 otherwise).</summary>
    public async Task<CompletionDto> ForUnitAsync(string unitCode, string? phase, CancellationToken cancellationToken = default)
    {
        var window = Phases.Parse(phase);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"Không có đơn vị mã {unitCode}.");
        await user.EnsureAsync(unit.Id, UnitScope.Read, "Bạn chỉ xem được mức độ hoàn thành nhiệm vụ của đơn vị mình.");
        var all = await ForAllAsync(window, cancellationToken);
        return all.TryGetValue(unit.Id, out var completion) ? Dto(unit.Code, window, completion) : new CompletionDto(unit.Code, window.Code, 0, 0, 0, null);
    }

    /// <summary>The completion of every unit in the phase, as API rows.</summary>
    public async Task<IReadOnlyList<CompletionDto>> ListAsync(Phase window, CancellationToken cancellationToken = default)
    {
        var all = await ForAllAsync(window, cancellationToken);
        var codes = await db.Units.AsNoTracking().Where(u => all.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        return all.Select(kv => Dto(codes[kv.Key], window, kv.Value)).OrderBy(c => c.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Completion of every unit that has tasks in the phase, by unit id, computed in one pass.</summary>
    public async Task<Dictionary<int, Completion>> ForAllAsync(Phase window, CancellationToken cancellationToken = default)
    {
        var assignments = await db.TaskAssignees.AsNoTracking()
            .Join(db.Tasks, a => a.TaskId, t => t.Id, (a, t) => new TaskAssignment(a.TaskId, a.UnitId, t.DueDate))
            .ToListAsync(cancellationToken);
        var reports = await db.TaskProgress.AsNoTracking()
            .Select(p => new { p.TaskId, p.UnitId, p.Completed, p.Percent, p.ReportedAt, p.Id })
            .ToListAsync(cancellationToken);
        var latest = reports.GroupBy(r => (r.TaskId, r.UnitId))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id).Select(r => new LatestProgress(r.TaskId, r.UnitId, r.Completed, r.Percent)).Last());
        var predecessors = (await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.SuccessorId, l => l.PredecessorId);
        var unitIds = await db.Units.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken);
        var byUnit = assignments.ToLookup(a => a.UnitId);
        var today = VietnamTime.Today(clock);

        var result = new Dictionary<int, Completion>();
        foreach (var unitId in unitIds)
        {
            var completion = LineageCompletion.For(unitId, predecessors, byUnit, latest, window, today);
            if (completion.Assigned > 0)
            {
                result[unitId] = completion;
            }
        }
        return result;
    }

    private static CompletionDto Dto(string unitCode, Phase window, Completion c) => new(unitCode, window.Code, c.Assigned, c.Completed, c.Overdue, c.CompletionRate);
}
