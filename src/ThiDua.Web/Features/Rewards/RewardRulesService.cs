using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Rewards;
using ThiDua.Data.Rewards;
using ThiDua.Web.Data.Seed;

namespace ThiDua.Web.Features.Rewards;

public sealed record NoticeRuleDto(NoticeTiming When, int WorkingDays);

public sealed record MoneyRuleDto(double? PersonCoefficient, double? CollectiveCoefficient);

/// <summary>A rule set as the API shows it (API.md "Rules in force").</summary>
public sealed record RewardRuleDto(AwardLevel Award, DateOnly ValidFrom, DateOnly? ValidTo, string Source, IssuerLevel Issuer, bool RequiresCouncil,
    NoticeRuleDto Notice, double QuorumFraction, double PassFraction, bool PassOfMembers, IReadOnlyList<DocumentKind> RequiredDocuments,
    IReadOnlyList<RewardCriteria.Item> Criteria, IReadOnlyDictionary<string, int> StepTimeLimits, MoneyRuleDto Money)
{
    public static RewardRuleDto From(RewardRuleSet s) => new(s.Award, s.ValidFrom, s.ValidTo, s.Source, s.Issuer, s.RequiresCouncil,
        new NoticeRuleDto(s.NoticeWhen, s.NoticeWorkingDays), s.QuorumFraction, s.PassFraction, s.PassOfMembers, s.RequiredDocuments, s.Criteria,
        s.StepTimeLimits, new MoneyRuleDto(s.Money.PersonCoefficient, s.Money.CollectiveCoefficient));
}

public sealed class NoticeRuleRequest
{
    [Required]
    public NoticeTiming? When { get; init; }

    [Range(0, 60)]
    public int WorkingDays { get; init; } = PublicNotice.DefaultWorkingDays;
}

public sealed class MoneyRuleRequest
{
    public double? PersonCoefficient { get; init; }

    public double? CollectiveCoefficient { get; init; }
}

public sealed class CriterionRuleRequest
{
    /// <summary>"unit:doan-ket": the kind of nominee (or "*"), a colon and the item's code.</summary>
    [Required, StringLength(64, MinimumLength = 3)]
    public string Code { get; init; } = "";

    [Required, StringLength(1000, MinimumLength = 3)]
    public string Text { get; init; } = "";

    public bool Mandatory { get; init; }
}

/// <summary>A new dated version of an award's rules; the version in force before it ends the day before.</summary>
public sealed class RewardRuleRequest
{
    [Required]
    public AwardLevel? Award { get; init; }

    [Required]
    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    [Required, StringLength(2000, MinimumLength = 5)]
    public string Source { get; init; } = "";

    [Required]
    public IssuerLevel? Issuer { get; init; }

    public bool RequiresCouncil { get; init; }

    [Required]
    public NoticeRuleRequest? Notice { get; init; }

    [Range(0.01, 1)]
    public double QuorumFraction { get; init; } = 2.0 / 3;

    [Range(0.01, 1)]
    public double PassFraction { get; init; } = 0.7;

    public bool PassOfMembers { get; init; } = true;

    public List<DocumentKind> RequiredDocuments { get; init; } = [];

    public List<CriterionRuleRequest> Criteria { get; init; } = [];

    public Dictionary<string, int> StepTimeLimits { get; init; } = [];

    public MoneyRuleRequest? Money { get; init; }
}

/// <summary>
/// The reward rules in force (R10–R13) as dated data: read by date for every step that depends on them (council shares,
/// notice, documents, checklist, money), added as new versions by the Admin and the Reward Board. Also the base salary
/// by date, the unit of reward money.
/// </summary>
public sealed class RewardRulesService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    private List<RewardRuleSet>? _sets;

    public async Task<IReadOnlyList<RewardRuleSet>> AllAsync(CancellationToken cancellationToken = default) =>
        _sets ??= (await db.RewardRules.AsNoTracking().OrderBy(r => r.Award).ThenBy(r => r.ValidFrom).ToListAsync(cancellationToken)).Select(RewardRuleSeeder.FromRow).ToList();

    /// <summary>The set of <paramref name="award"/> valid on <paramref name="day"/> (400 when none is).</summary>
    public async Task<RewardRuleSet> InForceAsync(AwardLevel award, DateOnly day, CancellationToken cancellationToken = default) =>
        RewardRuleSet.InForce(await AllAsync(cancellationToken), award, day);

    /// <summary>The set in force today.</summary>
    public Task<RewardRuleSet> TodayAsync(AwardLevel award, CancellationToken cancellationToken = default) =>
        InForceAsync(award, VietnamTime.Today(clock), cancellationToken);

    /// <summary>The sets valid on <paramref name="date"/> (today by default), of one award or all.</summary>
    public async Task<IReadOnlyList<RewardRuleDto>> ValidOnAsync(AwardLevel? award, DateOnly? date, CancellationToken cancellationToken = default)
    {
        var day = date ?? VietnamTime.Today(clock);
        var all = await AllAsync(cancellationToken);
        var awards = award is { } a ? [a] : Enum.GetValues<AwardLevel>();
        return awards.Select(w => RewardRuleSet.InForce(all, w, day)).Select(RewardRuleDto.From).ToList();
    }

    /// <summary>Every version of every award, oldest first: the history of the rules.</summary>
    public async Task<IReadOnlyList<RewardRuleDto>> HistoryAsync(CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).Select(RewardRuleDto.From).ToList();

    public async Task<RewardRuleDto> AddAsync(RewardRuleRequest request, CancellationToken cancellationToken = default)
    {
        var set = new RewardRuleSet(request.Award!.Value, request.ValidFrom!.Value, request.ValidTo, request.Source.Trim(), request.Issuer!.Value,
            request.RequiresCouncil, request.Notice!.When!.Value, request.Notice.WorkingDays, request.QuorumFraction, request.PassFraction, request.PassOfMembers,
            request.RequiredDocuments.Distinct().ToList(),
            request.Criteria.Select(c => new RewardCriteria.Item(c.Code.Trim(), c.Text.Trim(), c.Mandatory)).ToList(),
            request.StepTimeLimits, new MoneyRule(request.Money?.PersonCoefficient, request.Money?.CollectiveCoefficient));
        var faults = set.Faults();
        if (faults.Count > 0)
        {
            throw new DomainException("Bộ quy tắc khen thưởng chưa hợp lệ.", faults);
        }
        var rows = await db.RewardRules.Where(r => r.Award == set.Award).ToListAsync(cancellationToken);
        if (rows.Any(r => r.ValidFrom >= set.ValidFrom))
        {
            throw new ConflictException($"Đã có bộ quy tắc \"{set.Award.VietnameseName()}\" hiệu lực từ ngày {set.ValidFrom:dd/MM/yyyy} trở về sau; phiên bản mới phải bắt đầu sau phiên bản cuối.");
        }
        // The version in force until now ends the day before the new one begins.
        foreach (var open in rows.Where(r => r.ValidTo is null || r.ValidTo >= set.ValidFrom))
        {
            open.ValidTo = set.ValidFrom.AddDays(-1);
        }
        db.RewardRules.Add(RewardRuleSeeder.ToRow(set, clock.GetUtcNow().UtcDateTime, user.UserName));
        await db.SaveChangesAsync(cancellationToken);
        _sets = null;
        return RewardRuleDto.From(set);
    }

    /// <summary>The base salary in force on <paramref name="day"/>; null before the first one recorded.</summary>
    public async Task<decimal?> BaseSalaryAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        await db.BaseSalaries.AsNoTracking().Where(b => b.ValidFrom <= day).OrderByDescending(b => b.ValidFrom).Select(b => (decimal?)b.Amount).FirstOrDefaultAsync(cancellationToken);
}
