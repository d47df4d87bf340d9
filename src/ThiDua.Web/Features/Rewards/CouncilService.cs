using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Data;
using ThiDua.Data.Accounts;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Notifications;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Council sessions and secret ballots (R13). A member votes once; the receipt (who voted, when) and the choices
/// (only counts per nomination, incremented atomically) are stored apart, so nothing — API, page, export or audit
/// log — can pair a member with a choice. Tallies are shown only after the session closes.
/// </summary>
public sealed class CouncilService(ThiDuaDbContext db, NominationService nominations, UserManager<ApplicationUser> users, NotificationService notifications, IConfiguration configuration, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The council's rules for an award: Rewards:Council:{Award}:… overrides Rewards:Council:…, defaults 2/3 and &gt; 50 % of those present.</summary>
    public CouncilRules DefaultRules(AwardLevel award)
    {
        double Setting(string name, double fallback) =>
            configuration.GetValue<double?>($"Rewards:Council:{award}:{name}") ?? configuration.GetValue<double?>($"Rewards:Council:{name}") ?? fallback;
        var passOfMembers = configuration.GetValue<bool?>($"Rewards:Council:{award}:PassOfMembers") ?? configuration.GetValue<bool?>("Rewards:Council:PassOfMembers") ?? false;
        return new CouncilRules(Setting("Quorum", 2.0 / 3), Setting("PassFraction", 0.5), passOfMembers);
    }

    public async Task<CouncilSessionDto> CreateAsync(CouncilSessionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var ids = request.NominationIds.Distinct().ToList();
        var list = await db.Nominations.Include(n => n.Steps).Include(n => n.Criteria).Include(n => n.NomineeUnit)
            .Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        var missing = ids.Except(list.Select(n => n.Id)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.ForField("nominationIds", $"Không có hồ sơ số: {string.Join(", ", missing)}.");
        }
        var notReady = list.Where(n => n.Status != NominationStatus.Received).Select(n => n.Id).ToList();
        if (notReady.Count > 0)
        {
            throw new ConflictException($"Chỉ đưa ra Hội đồng hồ sơ đã được Ban Thi đua – Khen thưởng tiếp nhận; chưa đủ điều kiện: {string.Join(", ", notReady)}.");
        }
        if (list.Select(n => n.Award).Distinct().Count() > 1)
        {
            throw DomainException.ForField("nominationIds", "Mỗi phiên họp xét một hình thức khen thưởng (túc số và tỉ lệ thông qua khác nhau theo hình thức).");
        }
        // What data can decide is not left to the vote: a nominee that fails a rule does not go to the council.
        var ineligible = (await nominations.EligibilityAsync(list, cancellationToken))
            .Where(e => !e.Value.Eligible)
            .ToDictionary(e => $"nomination:{e.Key}", e => e.Value.Reasons.Where(r => !r.Passed).Select(r => r.Detail).ToArray());
        if (ineligible.Count > 0)
        {
            throw new DomainException($"Hồ sơ chưa đủ điều kiện khen thưởng: {string.Join(", ", ineligible.Keys.Select(k => k[11..]))}.", ineligible);
        }

        var names = request.MemberUserNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var members = new List<ApplicationUser>();
        foreach (var name in names)
        {
            var member = await users.FindByNameAsync(name) ?? throw DomainException.ForField("memberUserNames", $"Không có người dùng {name}.");
            if (!await users.IsInRoleAsync(member, Roles.CouncilMember))
            {
                throw DomainException.ForField("memberUserNames", $"{member.FullName} ({name}) không phải thành viên Hội đồng Thi đua – Khen thưởng.");
            }
            members.Add(member);
        }
        if (members.Count == 0)
        {
            throw DomainException.ForField("memberUserNames", "Phiên họp cần ít nhất một thành viên.");
        }

        var rules = DefaultRules(list[0].Award);
        var session = new CouncilSession
        {
            Date = request.Date!.Value,
            Title = request.Title?.Trim(),
            QuorumFraction = request.Quorum ?? rules.QuorumFraction,
            PassFraction = request.Threshold ?? rules.PassFraction,
            PassOfMembers = request.PassOfMembers ?? rules.PassOfMembers,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.Identity?.Name,
            Members = members.Select(m => new CouncilSessionMember { UserId = m.Id }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var nomination in list)
        {
            nominations.Move(nomination, NominationStatus.SentToCouncil, user, $"Đưa ra phiên họp Hội đồng ngày {session.Date:dd/MM/yyyy}");
            nomination.CouncilSessionId = session.Id;
            db.BallotTallies.Add(new BallotTally { SessionId = session.Id, NominationId = nomination.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifications.NotifyAsync(new Recipients([Roles.CouncilMember]), $"Phiên họp Hội đồng ngày {session.Date:dd/MM/yyyy}",
            $"{list.Count} hồ sơ cần bỏ phiếu.", $"/khen-thuong/hoi-dong/{session.Id}", cancellationToken);
        return await GetAsync(session.Id, user, cancellationToken);
    }

    public async Task<CouncilSessionDto> GetAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(id, cancellationToken);
        EnsureCanSee(user, session);
        var voted = await db.BallotReceipts.AsNoTracking().Where(r => r.SessionId == id).Select(r => r.UserId).ToListAsync(cancellationToken);
        return ToDto(session, voted.ToHashSet());
    }

    public async Task<IReadOnlyList<CouncilSessionDto>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var sessions = await db.CouncilSessions.AsNoTracking().Include(s => s.Members).ThenInclude(m => m.User)
            .Include(s => s.Nominations).ThenInclude(n => n.NomineeUnit)
            .OrderByDescending(s => s.Date).ToListAsync(cancellationToken);
        var userId = users.GetUserId(user);
        var visible = sessions.Where(s => NominationService.Board.Any(user.IsInRole) || s.Members.Any(m => m.UserId == userId)).ToList();
        var ids = visible.Select(s => s.Id).ToList();
        var voted = (await db.BallotReceipts.AsNoTracking().Where(r => ids.Contains(r.SessionId)).Select(r => new { r.SessionId, r.UserId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.SessionId, r => r.UserId);
        return visible.Select(s => ToDto(s, voted[s.Id].ToHashSet())).ToList();
    }

    /// <summary>A member's ballot: one choice for each nomination of the session, once.</summary>
    public async Task VoteAsync(int id, BallotRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(id, cancellationToken);
        var userId = users.GetUserId(user)!;
        if (!user.IsInRole(Roles.CouncilMember) || session.Members.All(m => m.UserId != userId))
        {
            throw new ForbiddenException("Chỉ thành viên Hội đồng được mời dự phiên họp này mới bỏ phiếu.");
        }
        if (session.Closed)
        {
            throw new ConflictException("Phiên họp đã kết thúc bỏ phiếu.");
        }
        var expected = session.Nominations.Select(n => n.Id).ToHashSet();
        var votes = request.Votes;
        var unknown = votes.Where(v => !expected.Contains(v.NominationId!.Value)).Select(v => v.NominationId!.Value).ToList();
        var twice = votes.GroupBy(v => v.NominationId).Where(g => g.Count() > 1).Select(g => g.Key!.Value).ToList();
        var absent = expected.Except(votes.Select(v => v.NominationId!.Value)).ToList();
        if (unknown.Count > 0 || twice.Count > 0 || absent.Count > 0)
        {
            throw new DomainException("Phiếu phải có đúng một lựa chọn cho mỗi hồ sơ của phiên họp.", new Dictionary<string, string[]>
            {
                ["votes"] = [.. unknown.Select(n => $"Hồ sơ {n} không thuộc phiên họp."), .. twice.Select(n => $"Hồ sơ {n} được chọn hai lần."), .. absent.Select(n => $"Thiếu lựa chọn cho hồ sơ {n}.")],
            });
        }
        if (await db.BallotReceipts.AnyAsync(r => r.SessionId == id && r.UserId == userId, cancellationToken))
        {
            throw new ConflictException("Bạn đã bỏ phiếu trong phiên họp này; mỗi thành viên bỏ phiếu một lần.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BallotReceipts.Add(new BallotReceipt { SessionId = id, UserId = userId, At = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Bạn đã bỏ phiếu trong phiên họp này; mỗi thành viên bỏ phiếu một lần.");
        }
        // The choices only ever exist as counts; each is a single atomic increment, outside change tracking and the audit log.
        foreach (var vote in votes)
        {
            var nominationId = vote.NominationId!.Value;
            var tally = db.BallotTallies.Where(t => t.SessionId == id && t.NominationId == nominationId);
            _ = vote.Choice!.Value switch
            {
                BallotChoice.Yes => await tally.ExecuteUpdateAsync(s => s.SetProperty(t => t.Yes, t => t.Yes + 1), cancellationToken),
                BallotChoice.No => await tally.ExecuteUpdateAsync(s => s.SetProperty(t => t.No, t => t.No + 1), cancellationToken),
                _ => await tally.ExecuteUpdateAsync(s => s.SetProperty(t => t.Abstain, t => t.Abstain + 1), cancellationToken),
            };
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the vote: quorum, tallies, passed nominations (to "voted"), the others rejected; without quorum they go back to "received".</summary>
    public async Task<SessionResultDto> CloseAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var session = await db.CouncilSessions.Include(s => s.Members).Include(s => s.Nominations).ThenInclude(n => n.Steps)
            .Include(s => s.Nominations).ThenInclude(n => n.NomineeUnit)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có phiên họp số {id}.");
        if (session.Closed)
        {
            throw new ConflictException("Phiên họp đã kết thúc.");
        }
        var present = await db.BallotReceipts.CountAsync(r => r.SessionId == id, cancellationToken);
        var tallies = await db.BallotTallies.AsNoTracking().Where(t => t.SessionId == id).ToListAsync(cancellationToken);
        var rules = new CouncilRules(session.QuorumFraction, session.PassFraction, session.PassOfMembers);
        var result = Ballots.Close(session.Members.Count, present, tallies.Select(t => new Tally(t.NominationId, t.Yes, t.No, t.Abstain)).ToList(), rules);

        foreach (var nomination in session.Nominations)
        {
            var outcome = result.Results.First(r => r.NominationId == nomination.Id);
            if (!result.QuorumMet)
            {
                nominations.Move(nomination, NominationStatus.Received, user, $"Phiên họp không đủ túc số ({present}/{session.Members.Count} thành viên bỏ phiếu)");
                nomination.CouncilSessionId = null;
            }
            else if (outcome.Passed)
            {
                nominations.Move(nomination, NominationStatus.Voted, user, $"Hội đồng thông qua: {outcome.Yes} đồng ý, {outcome.No} không đồng ý, {outcome.Abstain} không biểu quyết");
            }
            else
            {
                nominations.Move(nomination, NominationStatus.Rejected, user, $"Hội đồng không thông qua: {outcome.Yes} đồng ý, {outcome.No} không đồng ý, {outcome.Abstain} không biểu quyết");
                nomination.RejectionReason = "Hội đồng không thông qua";
            }
        }
        var dto = ToResultDto(session, result);
        session.Closed = true;
        session.ClosedAt = clock.GetUtcNow().UtcDateTime;
        session.ClosedBy = user.Identity?.Name;
        session.ResultJson = JsonSerializer.Serialize(dto, Json);
        await db.SaveChangesAsync(cancellationToken);
        return dto;
    }

    private static SessionResultDto ToResultDto(CouncilSession session, SessionResult result) => new(
        result.Members, result.Present, result.QuorumMet, session.QuorumFraction, session.PassFraction, session.PassOfMembers,
        result.Results.Select(r => new TallyDto(r.NominationId, NominationService.NomineeName(session.Nominations.First(n => n.Id == r.NominationId)), r.Yes, r.No, r.Abstain, r.Passed)).ToList(),
        result.PassedNominations);

    private async Task<CouncilSession> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.CouncilSessions.AsNoTracking().Include(s => s.Members).ThenInclude(m => m.User)
            .Include(s => s.Nominations).ThenInclude(n => n.NomineeUnit)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có phiên họp số {id}.");

    private void EnsureCanSee(ClaimsPrincipal user, CouncilSession session)
    {
        var userId = users.GetUserId(user);
        if (!NominationService.Board.Any(user.IsInRole) && session.Members.All(m => m.UserId != userId))
        {
            throw new ForbiddenException("Chỉ Ban Thi đua – Khen thưởng và thành viên dự họp xem được phiên họp.");
        }
    }

    private static CouncilSessionDto ToDto(CouncilSession session, HashSet<string> voted)
    {
        // Tallies stay hidden until the session is closed; then they come from the closing record, not from the live counts.
        var result = session.ResultJson is null ? null : JsonSerializer.Deserialize<SessionResultDto>(session.ResultJson, Json);
        return new CouncilSessionDto(session.Id, session.Date, session.Title, session.Closed, session.QuorumFraction, session.PassFraction, session.PassOfMembers,
            session.Members.Select(m => new SessionMemberDto(m.User.UserName!, m.User.FullName, voted.Contains(m.UserId))).OrderBy(m => m.UserName, StringComparer.Ordinal).ToList(),
            session.Nominations.Select(n => new SessionNominationDto(n.Id, NominationService.NomineeName(n), n.Award, n.Status.Code())).ToList(),
            result, session.Version);
    }
}
