using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Core.Units;
using ThiDua.Data.Rewards;

namespace ThiDua.Web.Features.Rewards;

public sealed record RewardQuery(string? Q, int? Year, string? UnitCode, AwardLevel? Award, string? Decision, bool IncludePredecessors = false);

/// <summary>
/// The reward history (R13): every reward given stays searchable by person, unit, year, award and decision; a unit's
/// page also shows what its predecessors received before a merger; the 15 December statistics count the year's
/// rewards. Searches run in SQL on the names folded without diacritics.
/// </summary>
public sealed class RewardHistoryService(ThiDuaDbContext db, CurrentUser user)
{
    public async Task<PagedList<RewardDto>> SearchAsync(RewardQuery query, Paging paging, CancellationToken cancellationToken = default)
    {
        var rewards = await FilterAsync(query, cancellationToken);
        var page = await rewards.OrderByDescending(r => r.Decision.Date).ThenBy(r => r.Id)
            .ToPagedListAsync(paging, rows => rows.Include(r => r.Decision).Include(r => r.Unit), cancellationToken);
        return page.Select(r => ToDto(r, r.Decision).ForCaller(user));
    }

    /// <summary>Every reward the query finds, for a workbook or a unit's page (a unit has tens, the export is asked for).</summary>
    public async Task<IReadOnlyList<RewardDto>> AllAsync(RewardQuery query, CancellationToken cancellationToken = default)
    {
        var rewards = await FilterAsync(query, cancellationToken);
        var list = await rewards.Include(r => r.Decision).Include(r => r.Unit)
            .OrderByDescending(r => r.Decision.Date).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return list.Select(r => ToDto(r, r.Decision).ForCaller(user)).ToList();
    }

    /// <summary>The latest rewards decided since <paramref name="fromYear"/>, for the public page.</summary>
    public async Task<IReadOnlyList<RewardDto>> RecentAsync(int fromYear, int take, CancellationToken cancellationToken = default)
    {
        var list = await db.Rewards.AsNoTracking().Include(r => r.Decision).Include(r => r.Unit)
            .Where(r => r.Decision.Date >= new DateOnly(fromYear, 1, 1))
            .OrderByDescending(r => r.Decision.Date).ThenBy(r => r.Id).Take(take).ToListAsync(cancellationToken);
        return list.Select(r => ToDto(r, r.Decision).ForCaller(user)).ToList();
    }

    /// <summary>Rewards of a person: by full name, and birth date when known (names repeat).</summary>
    public async Task<IReadOnlyList<RewardDto>> PersonAsync(string fullName, DateOnly? dateOfBirth, CancellationToken cancellationToken = default)
    {
        var folded = TextSearch.Fold(fullName.Trim());
        var query = db.Rewards.AsNoTracking().Include(r => r.Decision).Include(r => r.Unit)
            .Where(r => r.PersonFullName != null && r.SearchName == folded);
        // Only those who may read birth dates narrow by one: for anyone else it would confirm a birth date it does not show.
        if (dateOfBirth is { } born && user.KeepsDossiers)
        {
            query = query.Where(r => r.PersonBirthDate == null || r.PersonBirthDate == born);
        }
        var list = await query.OrderByDescending(r => r.Decision.Date).ToListAsync(cancellationToken);
        return list.Select(r => ToDto(r, r.Decision).ForCaller(user)).ToList();
    }

    /// <summary>The 15 December statistics: rewards given in the year, by award and by kind of nominee, counted in SQL.</summary>
    public async Task<RewardStatistics> StatisticsAsync(int year, CancellationToken cancellationToken = default)
    {
        var ofYear = db.Rewards.AsNoTracking().Where(r => r.Decision.Year == year);
        var groups = await ofYear.GroupBy(r => new { r.Award, r.NomineeKind })
            .Select(g => new { g.Key.Award, g.Key.NomineeKind, Count = g.Count() }).ToListAsync(cancellationToken);
        var decisions = await ofYear.Select(r => r.DecisionId).Distinct().CountAsync(cancellationToken);
        // SQLite keeps decimals as text and cannot add them: the money is summed here, over the rewards that carry any.
        var money = (await ofYear.Where(r => r.MoneyAmount != null).Select(r => new { r.Award, r.NomineeKind, r.MoneyAmount }).ToListAsync(cancellationToken))
            .GroupBy(r => (r.Award, r.NomineeKind)).ToDictionary(g => g.Key, g => g.Sum(r => r.MoneyAmount!.Value));
        var byAward = groups.OrderBy(g => g.Award).ThenBy(g => g.NomineeKind)
            .Select(g => new RewardStatistic(g.Award, g.NomineeKind, g.Count) { Money = money.GetValueOrDefault((g.Award, g.NomineeKind)) }).ToList();
        return new RewardStatistics(year, decisions, byAward.Sum(g => g.Count), byAward);
    }

    public static RewardDto ToDto(Reward r, RewardDecision d) => new(r.Id, r.Award, r.Round, r.Year, r.NomineeKind, r.Unit?.Code, r.Unit?.Name,
        r.PersonFullName, r.PersonPosition, r.PersonOrganization, r.PersonBirthDate, d.Number, d.Date, d.SignerName, d.SignerTitle, r.Achievements)
    {
        Issuer = d.Issuer,
        MoneyCoefficient = r.MoneyCoefficient,
        MoneyAmount = r.MoneyAmount,
    };

    private async Task<IQueryable<Reward>> FilterAsync(RewardQuery query, CancellationToken cancellationToken)
    {
        var rewards = db.Rewards.AsNoTracking();
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
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // The person's or nominee's name as decided, the unit's current name, the person's organisation — all folded.
            var folded = TextSearch.Fold(query.Q.Trim());
            rewards = rewards.Where(r => r.SearchName.Contains(folded)
                || (r.Unit != null && r.Unit.SearchName.Contains(folded))
                || (r.SearchOrganization != null && r.SearchOrganization.Contains(folded)));
        }
        return rewards;
    }

    /// <summary>The unit, and with <paramref name="withPredecessors"/> every unit it came from, however many mergers back.</summary>
    private async Task<HashSet<int>> UnitIdsAsync(string code, bool withPredecessors, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {code}.");
        if (!withPredecessors)
        {
            return [unit.Id];
        }
        var links = (await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.SuccessorId, l => l.PredecessorId);
        return Lineage.WithPredecessors(unit.Id, links);
    }
}

public static class RewardPrivacy
{
    /// <summary>
    /// A person's birth date only for those who handle the dossier: the Reward Board, the Secretariat, Admin, and the staff
    /// of the unit the person belongs to; everyone else reads the reward without it.
    /// </summary>
    public static RewardDto ForCaller(this RewardDto reward, CurrentUser user) =>
        reward.PersonDateOfBirth is null || user.KeepsDossiers || (user.IsUnitStaff && user.UnitCode is { } own && own == reward.UnitCode)
            ? reward
            : reward with { PersonDateOfBirth = null };

    public static DecisionDto ForCaller(this DecisionDto decision, CurrentUser user) =>
        decision with { Rewards = decision.Rewards.Select(r => r.ForCaller(user)).ToList() };
}
