using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Data;
using ThiDua.Data.Rewards;

namespace ThiDua.Web.Features.Rewards;

public sealed record RewardQuery(string? Q, int? Year, string? UnitCode, AwardLevel? Award, string? Decision, bool IncludePredecessors = false);

/// <summary>
/// The reward history (R13): every reward given stays searchable by person, unit, year, award and decision; a unit's
/// page also shows what its predecessors received before a merger; the 15 December statistics count the year's rewards.
/// </summary>
public sealed class RewardHistoryService(ThiDuaDbContext db)
{
    public async Task<IReadOnlyList<RewardDto>> SearchAsync(RewardQuery query, CancellationToken cancellationToken = default)
    {
        var rewards = db.Rewards.AsNoTracking().Include(r => r.Decision).Include(r => r.Unit).AsQueryable();
        if (query.Year is int year)
        {
            rewards = rewards.Where(r => r.Year == year);
        }
        if (query.Award is AwardLevel award)
        {
            rewards = rewards.Where(r => r.Award == award);
        }
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            var unitIds = await UnitIdsAsync(query.UnitCode.Trim(), query.IncludePredecessors, cancellationToken);
            rewards = rewards.Where(r => r.UnitId != null && unitIds.Contains(r.UnitId.Value));
        }
        if (!string.IsNullOrWhiteSpace(query.Decision))
        {
            var number = query.Decision.Trim();
            rewards = rewards.Where(r => r.Decision.Number == number || r.Decision.Number.StartsWith(number + "/"));
        }
        var list = await rewards.OrderByDescending(r => r.Decision.Date).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // The folded name is stored for people and units; the unit's current name is matched as well.
            var folded = TextSearch.Fold(query.Q.Trim());
            list = list.Where(r => r.SearchName.Contains(folded, StringComparison.Ordinal)
                || (r.Unit is not null && TextSearch.Fold(r.Unit.Name).Contains(folded, StringComparison.Ordinal))
                || (r.PersonOrganization is not null && TextSearch.Fold(r.PersonOrganization).Contains(folded, StringComparison.Ordinal))).ToList();
        }
        return list.Select(r => ToDto(r, r.Decision)).ToList();
    }

    /// <summary>Rewards of a person: by full name, and birth date when known (names repeat).</summary>
    public async Task<IReadOnlyList<RewardDto>> PersonAsync(string fullName, DateOnly? dateOfBirth, CancellationToken cancellationToken = default)
    {
        var folded = TextSearch.Fold(fullName.Trim());
        var list = await db.Rewards.AsNoTracking().Include(r => r.Decision).Include(r => r.Unit)
            .Where(r => r.PersonFullName != null && r.SearchName == folded)
            .OrderByDescending(r => r.Decision.Date).ToListAsync(cancellationToken);
        if (dateOfBirth is { } born)
        {
            list = list.Where(r => r.PersonBirthDate is null || r.PersonBirthDate == born).ToList();
        }
        return list.Select(r => ToDto(r, r.Decision)).ToList();
    }

    /// <summary>The 15 December statistics: rewards given in the year, by award and by kind of nominee.</summary>
    public async Task<RewardStatistics> StatisticsAsync(int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Rewards.AsNoTracking().Where(r => r.Decision.Year == year)
            .Select(r => new { r.Award, r.NomineeKind, r.DecisionId }).ToListAsync(cancellationToken);
        var byAward = rows.GroupBy(r => (r.Award, r.NomineeKind))
            .OrderBy(g => g.Key.Award).ThenBy(g => g.Key.NomineeKind)
            .Select(g => new RewardStatistic(g.Key.Award, g.Key.NomineeKind, g.Count())).ToList();
        return new RewardStatistics(year, rows.Select(r => r.DecisionId).Distinct().Count(), rows.Count, byAward);
    }

    public static byte[] Xlsx(IReadOnlyList<RewardDto> rewards)
    {
        var rows = rewards.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Số quyết định"] = r.DecisionNumber,
            ["Ngày quyết định"] = r.DecisionDate.ToString("dd/MM/yyyy", WebSetup.Vietnamese),
            ["Người ký"] = $"{r.SignerTitle} {r.SignerName}",
            ["Hình thức khen thưởng"] = r.Award.VietnameseName(),
            ["Đợt"] = r.Round == NominationRound.Annual ? $"Năm {r.Year}" : r.Round.VietnameseName(),
            ["Đối tượng"] = r.NomineeKind.VietnameseName(),
            ["Họ và tên"] = r.PersonFullName,
            ["Chức vụ"] = r.PersonPosition,
            ["Nơi công tác"] = r.PersonOrganization,
            ["Mã đơn vị"] = r.UnitCode,
            ["Đơn vị"] = r.UnitName,
            ["Thành tích"] = r.Achievements,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Khen thưởng"] = rows });
        return stream.ToArray();
    }

    public static byte[] StatisticsXlsx(RewardStatistics statistics)
    {
        var rows = statistics.ByAwardAndKind.Select(s => new Dictionary<string, object?>
        {
            ["Hình thức khen thưởng"] = s.Award.VietnameseName(),
            ["Đối tượng"] = s.NomineeKind.VietnameseName(),
            ["Số lượng"] = s.Count,
        }).ToList();
        rows.Add(new Dictionary<string, object?> { ["Hình thức khen thưởng"] = "Tổng cộng", ["Đối tượng"] = $"{statistics.Decisions} quyết định", ["Số lượng"] = statistics.Total });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [$"Thống kê {statistics.Year}"] = rows });
        return stream.ToArray();
    }

    public static RewardDto ToDto(Reward r, RewardDecision d) => new(r.Id, r.Award, r.Round, r.Year, r.NomineeKind, r.Unit?.Code, r.Unit?.Name,
        r.PersonFullName, r.PersonPosition, r.PersonOrganization, r.PersonBirthDate, d.Number, d.Date, d.SignerName, d.SignerTitle, r.Achievements);

    /// <summary>The unit, and with <paramref name="withPredecessors"/> every unit it came from, however many mergers back.</summary>
    private async Task<HashSet<int>> UnitIdsAsync(string code, bool withPredecessors, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {code}.");
        var ids = new HashSet<int> { unit.Id };
        if (!withPredecessors)
        {
            return ids;
        }
        var links = (await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.SuccessorId, l => l.PredecessorId);
        var queue = new Queue<int>(ids);
        while (queue.TryDequeue(out var id))
        {
            foreach (var predecessor in links[id].Where(ids.Add))
            {
                queue.Enqueue(predecessor);
            }
        }
        return ids;
    }
}
