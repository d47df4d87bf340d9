using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Data;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Notifications;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Reward decisions (R13): numbered per issuing body and year ("05/QĐ-UBND", restarting every 1 January), dated and
/// signed; the nominations they name become rewards in the history. The Chairman's decisions follow the council and
/// the public notice; a unit's own certificates are decided by its leader from the submitted dossier.
/// </summary>
public sealed class DecisionService(ThiDuaDbContext db, NominationService nominations, NotificationService notifications, TimeProvider clock)
{
    /// <summary>The issuing body of the Chairman of the Provincial People's Committee.</summary>
    public const string Province = "UBND";

    public static string Suffix(string issuingBody) => $"QĐ-{issuingBody}";

    public async Task<DecisionDto> IssueAsync(DecisionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
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
        if (date > today)
        {
            throw DomainException.ForField("date", $"Ngày quyết định {date:dd/MM/yyyy} chưa đến; ghi quyết định sau khi đã ký.");
        }

        var issuingBody = IssuingBody(list, user);
        var ownAward = issuingBody != Province;
        var expected = ownAward ? NominationStatus.Submitted : NominationStatus.PubliclyNoticed;
        var outOfStep = list.Where(n => n.Status != expected).ToList();
        if (outOfStep.Count > 0)
        {
            throw new ConflictException(ownAward
                ? $"Chỉ quyết định được hồ sơ lãnh đạo đơn vị đã trình; hồ sơ {string.Join(", ", outOfStep.Select(n => $"{n.Id} ({n.Status.VietnameseName()})"))} chưa ở bước đó."
                : $"Chỉ quyết định được hồ sơ Hội đồng đã thông qua và đã công khai; hồ sơ {string.Join(", ", outOfStep.Select(n => $"{n.Id} ({n.Status.VietnameseName()})"))} chưa ở bước đó.");
        }

        // The public must have had its full time to comment, unless the Board records why it could not wait.
        var waiver = string.IsNullOrWhiteSpace(request.NoticeWaiverReason) ? null : request.NoticeWaiverReason.Trim();
        var stillNoticed = list.Where(n => n.NoticeEnd is { } end && (end >= today || end >= date)).ToList();
        if (stillNoticed.Count > 0 && waiver is null)
        {
            throw DomainException.ForField("noticeWaiverReason",
                $"Thời gian công khai chưa hết ({string.Join("; ", stillNoticed.Select(n => $"hồ sơ {n.Id} đến hết {n.NoticeEnd:dd/MM/yyyy}"))}); muốn quyết định trước phải ghi lý do (noticeWaiverReason).");
        }

        var suffix = Suffix(issuingBody);
        int? explicitSequence = null;
        if (!string.IsNullOrWhiteSpace(request.Number))
        {
            explicitSequence = DecisionNumbers.Parse(request.Number, suffix)
                ?? throw DomainException.ForField("number", $"Số quyết định \"{request.Number}\" không đúng dạng \"05/{suffix}\".");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int sequence;
        if (explicitSequence is int given)
        {
            if (await db.Decisions.AnyAsync(d => d.IssuingBody == issuingBody && d.Year == date.Year && d.Sequence == given, cancellationToken))
            {
                throw new ConflictException($"Số {DecisionNumbers.Format(given, suffix)} năm {date.Year} đã được dùng cho quyết định khác.");
            }
            sequence = given;
        }
        else
        {
            sequence = (await db.Decisions.Where(d => d.IssuingBody == issuingBody && d.Year == date.Year).MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? 0) + 1;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var decision = new RewardDecision
        {
            IssuingBody = issuingBody,
            Year = date.Year,
            Sequence = sequence,
            Number = DecisionNumbers.Format(sequence, suffix),
            Date = date,
            SignerName = request.SignerName.Trim(),
            SignerTitle = request.SignerTitle.Trim(),
            NoticeWaiverReason = stillNoticed.Count > 0 ? waiver : null,
            CreatedAt = now,
            CreatedBy = user.Identity?.Name,
        };
        foreach (var nomination in list)
        {
            decision.Rewards.Add(ToReward(nomination));
            nominations.Move(nomination, NominationStatus.Decided, user, $"Quyết định số {decision.Number} ngày {date:dd/MM/yyyy}"
                + (stillNoticed.Contains(nomination) ? $"; quyết định trước khi hết thời gian công khai: {waiver}" : ""));
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
        foreach (var nomination in list)
        {
            nomination.DecisionId = decision.Id;
        }
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

    public async Task<IReadOnlyList<DecisionDto>> ListAsync(int? year, string? issuingBody, CancellationToken cancellationToken = default)
    {
        var query = db.Decisions.AsNoTracking().Include(d => d.Rewards).ThenInclude(r => r.Unit).AsQueryable();
        if (year is int y)
        {
            query = query.Where(d => d.Year == y);
        }
        if (!string.IsNullOrWhiteSpace(issuingBody))
        {
            query = query.Where(d => d.IssuingBody == issuingBody.Trim());
        }
        var list = await query.OrderByDescending(d => d.Date).ThenByDescending(d => d.Sequence).ToListAsync(cancellationToken);
        return list.Select(ToDto).ToList();
    }

    /// <summary>
    /// Who issues: the Chairman ("UBND") for the Chairman's certificate and state-award proposals, signed in the
    /// system by the Reward Board; the proposing unit for its own certificates, by its leader. One decision is of one body.
    /// </summary>
    private static string IssuingBody(List<Nomination> list, ClaimsPrincipal user)
    {
        var own = list.Where(n => n.Award == AwardLevel.UnitCertificate).ToList();
        if (own.Count > 0 && own.Count < list.Count)
        {
            throw DomainException.ForField("nominationIds", "Một quyết định không gộp Giấy khen của đơn vị với Bằng khen của Chủ tịch UBND tỉnh.");
        }
        if (own.Count == 0)
        {
            if (!NominationService.Board.Any(user.IsInRole))
            {
                throw new ForbiddenException("Quyết định khen thưởng của Chủ tịch UBND tỉnh do Ban Thi đua – Khen thưởng vào sổ.");
            }
            return Province;
        }
        var units = own.Select(n => n.ProposingUnit).DistinctBy(u => u.Id).ToList();
        if (units.Count > 1)
        {
            throw DomainException.ForField("nominationIds", "Giấy khen của mỗi đơn vị do đơn vị đó quyết định; không gộp hồ sơ của nhiều đơn vị.");
        }
        var unit = units[0];
        if (!user.IsInRole(Roles.Admin) && !(user.IsInRole(Roles.UnitLeader) && user.UnitId() == unit.Id))
        {
            throw new ForbiddenException($"Giấy khen của {unit.Name} do lãnh đạo đơn vị quyết định.");
        }
        return unit.Code;
    }

    private static Reward ToReward(Nomination n) => new()
    {
        NominationId = n.Id,
        Award = n.Award,
        Round = n.Round,
        Year = n.Year,
        NomineeKind = n.NomineeKind,
        UnitId = n.NomineeKind is NomineeKind.Unit or NomineeKind.Enterprise ? n.NomineeUnitId : n.ProposingUnitId,
        PersonFullName = n.PersonFullName,
        PersonPosition = n.PersonPosition,
        PersonOrganization = n.PersonOrganization,
        PersonBirthDate = n.PersonBirthDate,
        PersonGender = n.PersonGender,
        Achievements = n.Achievements,
        SearchName = TextSearch.Fold(n.PersonFullName ?? n.NomineeUnit?.Name ?? ""),
    };

    public static DecisionDto ToDto(RewardDecision d) => new(d.Id, d.Number, d.IssuingBody, d.Date, d.SignerName, d.SignerTitle, d.DocumentId, d.DocxDocumentId,
        d.NoticeWaiverReason, d.Rewards.OrderBy(r => r.Id).Select(r => RewardHistoryService.ToDto(r, d)).ToList());
}
