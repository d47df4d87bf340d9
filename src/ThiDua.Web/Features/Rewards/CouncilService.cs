using System.Text.Json;
using ThiDua.Core.Rewards;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Council sessions and secret ballots (R13). A member votes once; the receipt (who voted, when) and the choices
/// (only counts per nomination, incremented atomically) are stored apart, so nothing — API, page, export or audit
/// log — can pair a member with a choice. Tallies are shown only after the session closes.
/// </summary>
public sealed class CouncilService(ThiDuaDbContext db, EligibilityService eligibility, CouncilRegistryService councils, RewardRulesService rules,
    NotificationService notifications, NominationNotices notices, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string NotFound(int id) => $"Không có phiên họp số {id}.";

    public async Task<CouncilSessionDto> CreateAsync(CouncilSessionRequest request, CancellationToken cancellationToken = default)
    {
        var ids = request.NominationIds.Distinct().ToList();
        var list = await db.Nominations.Include(n => n.Steps).Include(n => n.Criteria).Include(n => n.NomineeUnit)
            .AsSplitQuery().Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        var missing = ids.Except(list.Select(n => n.Id)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.ForField("nominationIds", $"Không có hồ sơ số: {string.Join(", ", missing)}.");
        }
        if (list.Select(n => n.Award).Distinct().Count() > 1)
        {
            throw DomainException.ForField("nominationIds", "Mỗi phiên họp xét một hình thức khen thưởng (túc số và tỉ lệ thông qua khác nhau theo hình thức).");
        }
        var date = request.Date!.Value;
        var today = VietnamTime.Today(clock);
        var ruleSet = await rules.InForceAsync(list[0].Award, date, cancellationToken);
        foreach (var nomination in list)
        {
            try
            {
                RewardRoute.EnsureCanGoToCouncil(ruleSet, nomination.Status, nomination.NoticeEnd, today);
            }
            catch (ConflictException ex)
            {
                throw new ConflictException($"Hồ sơ {nomination.Id}: {ex.Message}");
            }
        }
        // What data can decide is not left to the vote: a nominee that fails a rule does not go to the council.
        var ineligible = (await eligibility.ForAsync(list, cancellationToken))
            .Where(e => !e.Value.Eligible)
            .ToDictionary(e => $"nomination:{e.Key}", e => e.Value.Reasons.Where(r => !r.Passed).Select(r => r.Detail).ToArray());
        if (ineligible.Count > 0)
        {
            throw new DomainException($"Hồ sơ chưa đủ điều kiện khen thưởng: {string.Join(", ", ineligible.Keys.Select(k => k["nomination:".Length..]))}.", ineligible);
        }
        var council = await councils.ForSessionAsync(request.CouncilCode, date, cancellationToken);
        await EnsureInvitedAreMembersAsync(council, request.MemberUserNames, cancellationToken);
        var shares = ruleSet.Council;
        if (request.Threshold is { } threshold && threshold < shares.PassFraction - 1e-9)
        {
            throw DomainException.ForField("threshold", $"Tỷ lệ thông qua của {ruleSet.Award.VietnameseName()} theo quy định là {shares.PassFraction:P0} tổng số thành viên; phiên họp không hạ thấp được.");
        }
        if (request.Quorum is { } quorum && quorum < shares.QuorumFraction - 1e-9)
        {
            throw DomainException.ForField("quorum", $"Túc số theo quy định là {shares.QuorumFraction:P0} tổng số thành viên; phiên họp không hạ thấp được.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new CouncilSession
        {
            Date = date,
            Title = request.Title?.Trim(),
            CouncilId = council.Id,
            QuorumFraction = request.Quorum ?? shares.QuorumFraction,
            PassFraction = request.Threshold ?? shares.PassFraction,
            PassOfMembers = shares.PassOfMembers,
            CreatedAt = now,
            CreatedBy = user.UserName,
            // Every member of the council counts: those who do not vote are recorded as absent, not left out.
            Members = council.Members.Select(m => new CouncilSessionMember { UserId = m.UserId }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var nomination in list)
        {
            nomination.MoveTo(NominationStatus.SentToCouncil, user.UserName, now, $"Đưa ra phiên họp Hội đồng ngày {session.Date:dd/MM/yyyy}");
            nomination.CouncilSessionId = session.Id;
            db.BallotTallies.Add(new BallotTally { SessionId = session.Id, NominationId = nomination.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Only the members who sit in this session vote in it; members of other councils have nothing to do.
        await notifications.NotifyAsync(new Recipients([Roles.CouncilMember]) { UserIds = session.Members.Select(m => m.UserId).ToList() },
            $"Phiên họp Hội đồng ngày {session.Date:dd/MM/yyyy}", $"{list.Count} hồ sơ cần bỏ phiếu.", $"/khen-thuong/hoi-dong/{session.Id}", cancellationToken);
        return await GetAsync(session.Id, cancellationToken);
    }

    public async Task<CouncilSessionDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(id, cancellationToken);
        await user.EnsureAsync(Membership(session), CouncilSessionAccess.See, "Chỉ Ban Thi đua – Khen thưởng và thành viên dự họp xem được phiên họp.");
        var voted = await db.BallotReceipts.AsNoTracking().Where(r => r.SessionId == id).Select(r => r.UserId).ToListAsync(cancellationToken);
        return ToDto(session, voted.ToHashSet());
    }

    /// <summary>The sessions the user sees, newest first: all of them for the Board, their own for a member.</summary>
    public async Task<PagedList<CouncilSessionDto>> ListAsync(Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.CouncilSessions.AsNoTracking();
        if (!user.HandlesRewards)
        {
            var me = user.Id ?? "";
            query = query.Where(s => s.Members.Any(m => m.UserId == me));
        }
        var page = await query.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).ToPagedListAsync(paging, rows => rows
            .Include(s => s.Members).ThenInclude(m => m.User)
            .Include(s => s.Nominations).ThenInclude(n => n.NomineeUnit)
            .AsSplitQuery(), cancellationToken);
        var ids = page.Items.Select(s => s.Id).ToList();
        var voted = (await db.BallotReceipts.AsNoTracking().Where(r => ids.Contains(r.SessionId)).Select(r => new { r.SessionId, r.UserId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.SessionId, r => r.UserId);
        return page.Select(s => ToDto(s, voted[s.Id].ToHashSet()));
    }

    /// <summary>A member's ballot: one choice for each nomination of the session, once.</summary>
    public async Task VoteAsync(int id, BallotRequest request, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(id, cancellationToken);
        await user.EnsureAsync(Membership(session), CouncilSessionAccess.Vote, "Chỉ thành viên Hội đồng được mời dự phiên họp này mới bỏ phiếu.");
        var userId = user.Id!;
        if (session.Closed)
        {
            throw new ConflictException("Phiên họp đã kết thúc bỏ phiếu.");
        }
        var votes = Ballots.EnsureComplete(request.Votes.Select(v => (v.NominationId!.Value, v.Choice!.Value)).ToList(), session.Nominations.Select(n => n.Id).ToHashSet());
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
        foreach (var (nominationId, choice) in votes)
        {
            var tally = db.BallotTallies.Where(t => t.SessionId == id && t.NominationId == nominationId);
            _ = choice switch
            {
                BallotChoice.Yes => await tally.ExecuteUpdateAsync(s => s.SetProperty(t => t.Yes, t => t.Yes + 1), cancellationToken),
                BallotChoice.No => await tally.ExecuteUpdateAsync(s => s.SetProperty(t => t.No, t => t.No + 1), cancellationToken),
                _ => await tally.ExecuteUpdateAsync(s => s.SetProperty(t => t.Abstain, t => t.Abstain + 1), cancellationToken),
            };
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the vote: quorum, tallies, and what that does to each nomination (<see cref="CouncilOutcome"/>).</summary>
    public async Task<SessionResultDto> CloseAsync(int id, CancellationToken cancellationToken = default)
    {
        var session = await db.CouncilSessions.Include(s => s.Members).ThenInclude(m => m.User).Include(s => s.Nominations).ThenInclude(n => n.Steps)
            .Include(s => s.Nominations).ThenInclude(n => n.NomineeUnit)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
        if (session.Closed)
        {
            throw new ConflictException("Phiên họp đã kết thúc.");
        }
        var voters = (await db.BallotReceipts.Where(r => r.SessionId == id).Select(r => r.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var present = voters.Count;
        var absent = session.Members.Where(m => !voters.Contains(m.UserId)).Select(m => m.User.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var tallies = await db.BallotTallies.AsNoTracking().Where(t => t.SessionId == id).ToListAsync(cancellationToken);
        var rules = new CouncilRules(session.QuorumFraction, session.PassFraction, session.PassOfMembers);
        var result = Ballots.Close(session.Members.Count, present, tallies.Select(t => new Tally(t.NominationId, t.Yes, t.No, t.Abstain)).ToList(), rules);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var nomination in session.Nominations)
        {
            nomination.Apply(CouncilOutcome.Of(result, result.Results.First(r => r.NominationId == nomination.Id)), user.UserName, now);
        }
        var dto = new SessionResultDto(result.Members, result.Present, result.QuorumMet, session.QuorumFraction, session.PassFraction, session.PassOfMembers,
            result.Results.Select(r => new TallyDto(r.NominationId, session.Nominations.First(n => n.Id == r.NominationId).NomineeName, r.Yes, r.No, r.Abstain, r.Passed)).ToList(),
            result.PassedNominations) { Absent = absent };
        session.Closed = true;
        session.ClosedAt = now;
        session.ClosedBy = user.UserName;
        session.ResultJson = JsonSerializer.Serialize(dto, Json);
        await db.SaveChangesAsync(cancellationToken);
        // Passed or not, the proposing unit learns it; a session without quorum decided nothing, so there is nothing to tell.
        foreach (var nomination in session.Nominations.Where(n => n.Status is NominationStatus.Voted or NominationStatus.Rejected))
        {
            await notices.StepAsync(nomination, nomination.Steps[^1].Reason, cancellationToken);
        }
        return dto;
    }

    /// <summary>The members the Board names for a session must all sit on its council (400 naming each who does not).</summary>
    private async Task EnsureInvitedAreMembersAsync(Council council, IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        var names = userNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            return;
        }
        var memberIds = council.Members.Select(m => m.UserId).ToHashSet();
        var upper = names.Select(n => n.ToUpperInvariant()).ToList();
        var found = await db.Users.AsNoTracking().Where(u => upper.Contains(u.NormalizedUserName!)).Select(u => new { u.Id, u.NormalizedUserName }).ToListAsync(cancellationToken);
        var outsiders = names.Where(n => found.FirstOrDefault(f => string.Equals(f.NormalizedUserName, n, StringComparison.OrdinalIgnoreCase)) is not { } f || !memberIds.Contains(f.Id)).ToList();
        if (outsiders.Count > 0)
        {
            throw DomainException.ForField("memberUserNames", $"{string.Join(", ", outsiders)} không phải thành viên {council.Name}.");
        }
    }

    private static SessionMembership Membership(CouncilSession session) => new(session.Members.Select(m => m.UserId).ToList());

    private async Task<CouncilSession> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.CouncilSessions.AsNoTracking().Include(s => s.Members).ThenInclude(m => m.User)
            .Include(s => s.Nominations).ThenInclude(n => n.NomineeUnit)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));

    private static CouncilSessionDto ToDto(CouncilSession session, HashSet<string> voted)
    {
        // Tallies stay hidden until the session is closed; then they come from the closing record, not from the live counts.
        var result = session.ResultJson is null ? null : JsonSerializer.Deserialize<SessionResultDto>(session.ResultJson, Json);
        return new CouncilSessionDto(session.Id, session.Date, session.Title, session.Closed, session.QuorumFraction, session.PassFraction, session.PassOfMembers,
            session.Members.Select(m => new SessionMemberDto(m.User.UserName!, m.User.FullName, voted.Contains(m.UserId))).OrderBy(m => m.UserName, StringComparer.Ordinal).ToList(),
            session.Nominations.Select(n => new SessionNominationDto(n.Id, n.NomineeName, n.Award, n.Status)).ToList(),
            result, session.Version);
    }
}
