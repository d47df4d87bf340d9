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
public sealed class DecisionService(ThiDuaDbContext db, NotificationService notifications, CurrentUser user, TimeProvider clock)
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

        var nominees = list.Select(n => new DecisionNominee(n.Id, n.Award, n.ProposingUnitId, n.Status, n.NoticeEnd)).ToList();
        var issuer = DecisionRules.IssuerOf(nominees);
        var issuingUnit = issuer.UnitId is int unitId ? list.First(n => n.ProposingUnitId == unitId).ProposingUnit : null;
        await user.EnsureAsync(issuer, IssueDecision.Requirement, issuingUnit is null
            ? "Quyết định khen thưởng của Chủ tịch UBND tỉnh do Ban Thi đua – Khen thưởng vào sổ."
            : $"Giấy khen của {issuingUnit.Name} do lãnh đạo đơn vị quyết định.");
        DecisionRules.EnsureInStep(issuer, nominees);
        var (stillNoticed, waiver) = DecisionRules.CheckNotice(nominees, date, today, request.NoticeWaiverReason);

        var issuingBody = issuingUnit?.Code ?? DecisionRules.ProvinceBody;
        var suffix = DecisionRules.Suffix(issuingBody);
        int? explicitSequence = null;
        if (!string.IsNullOrWhiteSpace(request.Number))
        {
            explicitSequence = DecisionNumbers.Parse(request.Number, suffix)
                ?? throw DomainException.ForField("number", $"Số quyết định \"{request.Number}\" không đúng dạng \"05/{suffix}\".");
        }

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
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        var noticed = stillNoticed.Select(n => n.Id).ToHashSet();
        foreach (var nomination in list)
        {
            decision.Rewards.Add(ToReward(nomination));
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
        return ToDto(decision);
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
        return page.Select(ToDto);
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
        return (await db.Decisions.Where(d => d.IssuingBody == issuingBody && d.Year == year).MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? 0) + 1;
    }

    private static Reward ToReward(Nomination n) => new()
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
        d.NoticeWaiverReason, d.Rewards.OrderBy(r => r.Id).Select(r => RewardHistoryService.ToDto(r, d)).ToList());
}
