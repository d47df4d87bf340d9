using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Reward decisions (R13): numbered per issuing body and year ("05/QĐ-UBND", restarting every 1 January), dated and
/// signed; the nominations they name become rewards in the history. Who issues and when is
/// <see cref="DecisionRules"/>; who may record it is <see cref="IssueDecision"/>.
/// </summary>
public sealed class DecisionService(ThiDuaDbContext db, RewardRulesService rules, NotificationService notifications, CurrentUser user, TimeProvider clock)
{
    public async Task<DecisionDto> IssueAsync(DecisionRequest request, CancellationToken cancellationToken = default)
    {
        var ids = request.NominationIds.Distinct().ToList();
        var list = await db.Nominations.Include(n => n.Steps).Include(n => n.NomineeUnit).Include(n => n.ProposingUnit)
            .Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        var unknown = ids.Except(list.Select(n => n.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.ForField("nominationIds", $"Không có hồ sơ số: {string.Join(", ", unknown)}.");
        }
        var date = request.Date!.Value;
        var today = VietnamTime.Today(clock);
        DecisionRules.EnsureSigned(date, today);

        foreach (var award in list.Select(n => n.Award).Distinct())
        {
            RewardRoute.EnsureProvinceDecides(award);
        }
        var nominees = list.Select(n => new DecisionNominee(n.Id, n.Award, n.ProposingUnitId, n.Status, n.NoticeEnd)).ToList();
        var issuer = DecisionRules.IssuerOf(nominees);
        var issuingUnit = issuer.UnitId is int unitId
            ? list.First(n => n.ProposingUnitId == unitId).ProposingUnit
            : await db.Units.FirstAsync(u => u.Type == Core.Units.UnitType.Province, cancellationToken);
        await user.EnsureAsync(issuer, IssueDecision.Requirement, issuer.IsProvince
            ? "Quyết định khen thưởng của Chủ tịch UBND tỉnh do Ban Thi đua – Khen thưởng vào sổ."
            : $"Giấy khen của {issuingUnit.Name} do lãnh đạo đơn vị quyết định.");
        Issuers.EnsureExistsOn(issuingUnit.Name, issuingUnit.Validity, date);
        var ruleSets = new Dictionary<AwardLevel, RewardRuleSet>();
        foreach (var award in list.Select(n => n.Award).Distinct())
        {
            ruleSets[award] = await rules.InForceAsync(award, date, cancellationToken);
        }
        DecisionRules.EnsureInStep(issuer, nominees, ruleSets);
        var (stillNoticed, waiver) = DecisionRules.CheckNotice(nominees, date, today, request.NoticeWaiverReason);

        // The register is the body's (the province's People's Committee for the Chairman); its symbol is its abbreviation.
        var issuingBody = issuer.IsProvince ? DecisionRules.ProvinceBody : issuingUnit.Code;
        var abbreviation = issuingUnit.Abbreviation
            ?? throw DomainException.ForField("nominationIds", $"{issuingUnit.Name} chưa có chữ viết tắt trong ký hiệu văn bản; quản trị viên cập nhật ở thông tin đơn vị.");
        var suffix = DecisionRules.Suffix(abbreviation);
        int? explicitSequence = null;
        if (!string.IsNullOrWhiteSpace(request.Number))
        {
            explicitSequence = DecisionNumbers.Parse(request.Number, suffix)
                ?? throw DomainException.ForField("number", $"Số quyết định \"{request.Number}\" không đúng dạng \"05/{suffix}\".");
        }
        else if (!issuingUnit.KeepsRegisterInThiDua)
        {
            throw DomainException.ForField("number", $"Sổ đăng ký văn bản của {issuingUnit.Name} do văn thư cơ quan giữ: nhập số quyết định văn thư đã cấp (dạng \"05/{suffix}\").");
        }
        var baseSalary = await rules.BaseSalaryAsync(date, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = await SequenceAsync(issuingBody, date.Year, explicitSequence, suffix, cancellationToken);
        var decision = new RewardDecision
        {
            IssuingBody = issuingBody,
            Year = date.Year,
            Sequence = sequence,
            Number = DecisionNumbers.Format(sequence, suffix),
            Date = date,
            SignerName = request.SignerName.Trim(),
            SignerTitle = request.SignerTitle.Trim(),
            NoticeWaiverReason = waiver,
            IssuingUnitId = issuer.IsProvince ? null : issuingUnit.Id,
            Issuer = issuer.IsProvince ? $"Chủ tịch Ủy ban nhân dân {issuingUnit.Name.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}" : issuingUnit.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        var noticed = stillNoticed.Select(n => n.Id).ToHashSet();
        foreach (var nomination in list)
        {
            var reward = ToReward(nomination);
            (reward.MoneyCoefficient, reward.MoneyAmount) = Money(ruleSets[nomination.Award], nomination.NomineeKind, baseSalary);
            decision.Rewards.Add(reward);
            nomination.MoveTo(NominationStatus.Decided, user.UserName, decision.CreatedAt, DecisionRules.StepReason(decision.Number, date, noticed.Contains(nomination.Id), waiver));
        }
        db.Decisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique (issuing body, year, sequence) index: someone else took the number at the same moment.
            throw new ConflictException($"Số {decision.Number} vừa được dùng cho quyết định khác; hãy gửi lại.");
        }
        list.ForEach(n => n.DecisionId = decision.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var proposingUnit in list.Select(n => n.ProposingUnitId).Distinct())
        {
            await notifications.NotifyAsync(NotificationService.UnitStaff(proposingUnit), $"Quyết định khen thưởng số {decision.Number}",
                $"Ngày {date:dd/MM/yyyy}, {decision.SignerTitle} {decision.SignerName} ký.", $"/khen-thuong/quyet-dinh/{decision.Id}", cancellationToken);
        }
        return await GetAsync(decision.Id, cancellationToken);
    }

    public async Task<DecisionDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Rewards).ThenInclude(r => r.Unit)
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có quyết định số {id}.");
        return ToDto(decision).ForCaller(user);
    }

    public async Task<PagedList<DecisionDto>> ListAsync(int? year, string? issuingBody, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Decisions.AsNoTracking();
        if (year is int y)
        {
            query = query.Where(d => d.Year == y);
        }
        if (!string.IsNullOrWhiteSpace(issuingBody))
        {
            var body = issuingBody.Trim();
            query = query.Where(d => d.IssuingBody == body);
        }
        var page = await query.OrderByDescending(d => d.Date).ThenByDescending(d => d.Sequence).ThenByDescending(d => d.Id)
            .ToPagedListAsync(paging, rows => rows.Include(d => d.Rewards).ThenInclude(r => r.Unit).AsSplitQuery(), cancellationToken);
        return page.Select(d => ToDto(d).ForCaller(user));
    }

    /// <summary>The number given (refused when taken), or the next of the issuing body's year.</summary>
    private async Task<int> SequenceAsync(string issuingBody, int year, int? given, string suffix, CancellationToken cancellationToken)
    {
        if (given is int number)
        {
            return await db.Decisions.AnyAsync(d => d.IssuingBody == issuingBody && d.Year == year && d.Sequence == number, cancellationToken)
                ? throw new ConflictException($"Số {DecisionNumbers.Format(number, suffix)} năm {year} đã được dùng cho quyết định khác.")
                : number;
        }
        return (await db.Decisions.Where(d => d.IssuingBody == issuingBody && d.Year == year).MaxAsync(d => d.Sequence, cancellationToken) ?? 0) + 1;
    }

    /// <summary>The award's coefficient for the kind of nominee × the base salary in force on the decision's date, to the đồng.</summary>
    public static (double? Coefficient, decimal? Amount) Money(RewardRuleSet rules, NomineeKind kind, decimal? baseSalary)
    {
        var coefficient = rules.Money.CoefficientFor(kind);
        return coefficient is { } c && baseSalary is { } salary ? (c, Math.Round((decimal)c * salary, 0, MidpointRounding.AwayFromZero)) : (coefficient, null);
    }

    public static Reward ToReward(Nomination n) => new()
    {
        NominationId = n.Id,
        Award = n.Award,
        Round = n.Round,
        Year = n.Year,
        NomineeKind = n.NomineeKind,
        UnitId = NominationRules.IsUnitNominee(n.NomineeKind) ? n.NomineeUnitId : n.ProposingUnitId,
        PersonFullName = n.PersonFullName,
        PersonPosition = n.PersonPosition,
        PersonOrganization = n.PersonOrganization,
        PersonBirthDate = n.PersonBirthDate,
        PersonGender = n.PersonGender,
        Achievements = n.Achievements,
        SearchName = TextSearch.Fold(n.PersonFullName ?? n.NomineeUnit?.Name ?? ""),
        SearchOrganization = n.PersonOrganization is null ? null : TextSearch.Fold(n.PersonOrganization),
    };

    public static DecisionDto ToDto(RewardDecision d) => new(d.Id, d.Number, d.IssuingBody, d.Date, d.SignerName, d.SignerTitle, d.DocumentId, d.DocxDocumentId,
        d.NoticeWaiverReason, d.Rewards.OrderBy(r => r.Id).Select(r => RewardHistoryService.ToDto(r, d)).ToList())
    {
        Issuer = d.Issuer,
        Central = d.Central,
        TotalMoney = d.Rewards.Any(r => r.MoneyAmount is not null) ? d.Rewards.Sum(r => r.MoneyAmount ?? 0) : null,
    };
}
