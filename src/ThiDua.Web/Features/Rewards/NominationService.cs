using ThiDua.Web.Features.Movements;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Data.Rewards;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Lodging a nomination and keeping its content (R10, R11): who is proposed, for which award of which round, by
/// which unit. The rules are Core's (<see cref="Rounds"/>, <see cref="NominationRules"/>); this service reads and
/// writes them.
/// </summary>
public sealed class NominationService(ThiDuaDbContext db, CurrentUser user, RewardRulesService rules, Calendar.CalendarService calendar, TimeProvider clock)
{
    public async Task<NominationDto> CreateAsync(NominationRequest request, CancellationToken cancellationToken = default)
    {
        var movement = await db.Movements.Include(m => m.Rounds).Include(m => m.Phases).AsSplitQuery().FirstOrDefaultAsync(m => m.Code == request.MovementCode, cancellationToken)
            ?? throw DomainException.ForField("movementCode", $"Không có phong trào mã {request.MovementCode}.");
        var nomination = Nomination.Draft(movement.Id, request.NomineeKind!.Value, user.UserName, clock.GetUtcNow().UtcDateTime);
        await ApplyAsync(nomination, movement, request, cancellationToken);
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(nomination.Id, cancellationToken);
    }

    public async Task<NominationDto> UpdateAsync(int id, NominationRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Steps).Include(n => n.Criteria).AsSplitQuery().FindTrackedAsync(id, cancellationToken);
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(id));
        await user.EnsureAsync(nomination.Scope(), NominationAccess.Prepare, "Bạn chỉ được thao tác trên dữ liệu của đơn vị mình.");
        Versions.EnsureCurrent(nomination.Version, expectedVersion);
        NominationRules.EnsureUnitCanEdit(nomination.Status);
        if (request.NomineeKind != nomination.NomineeKind)
        {
            throw DomainException.ForField("nomineeKind", "Không đổi được loại đối tượng của hồ sơ; hãy lập hồ sơ mới.");
        }
        var movement = await db.Movements.Include(m => m.Rounds).Include(m => m.Phases).AsSplitQuery().FirstOrDefaultAsync(m => m.Code == request.MovementCode, cancellationToken)
            ?? throw DomainException.ForField("movementCode", $"Không có phong trào mã {request.MovementCode}.");
        if (movement.Id != nomination.MovementId)
        {
            throw DomainException.ForField("movementCode", "Không đổi được phong trào của hồ sơ; hãy lập hồ sơ mới.");
        }
        await ApplyAsync(nomination, movement, request, cancellationToken);
        db.Entry(nomination).Property(n => n.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<NominationDto> GetAsync(int id, CancellationToken cancellationToken = default) =>
        NominationQueries.ToDto(await FindVisibleAsync(id, cancellationToken));

    /// <summary>The whole dossier, read-only, if the user may see it (404 otherwise, as for a missing one).</summary>
    public async Task<Nomination> FindVisibleAsync(int id, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Whole().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException(NominationQueries.NotFound(id));
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(id));
        return nomination;
    }

    /// <summary>A page of the dossiers the user may see, newest first, filtered and paged in SQL.</summary>
    public async Task<PagedList<NominationSummary>> ListAsync(NominationFilter filter, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Nominations.AsNoTracking().VisibleTo(user);
        if (filter.Status is { } status)
        {
            query = query.Where(n => n.Status == status);
        }
        if (filter.Award is { } award)
        {
            query = query.Where(n => n.Award == award);
        }
        if (filter.Round is { } round)
        {
            query = query.Where(n => n.Round == round);
        }
        if (filter.Year is int year)
        {
            query = query.Where(n => n.Year == year);
        }
        if (!string.IsNullOrWhiteSpace(filter.UnitCode))
        {
            var code = filter.UnitCode.Trim();
            query = query.Where(n => n.ProposingUnit.Code == code || (n.NomineeUnit != null && n.NomineeUnit.Code == code));
        }
        var page = await query.OrderByDescending(n => n.Id).ToSummaryPageAsync(db.NominationDocuments, paging, cancellationToken);
        return await WithDueDatesAsync(page, cancellationToken);
    }

    /// <summary>Each row's step time limit (the rule set in force today) and whether it has passed, so that lists can flag overdue dossiers.</summary>
    private async Task<PagedList<NominationSummary>> WithDueDatesAsync(PagedList<NominationSummary> page, CancellationToken cancellationToken)
    {
        if (page.Items.All(n => RewardRoute.WaitingStep(n.Status) is null))
        {
            return page;
        }
        var today = VietnamTime.Today(clock);
        var days = await calendar.WorkingDaysAsync(today.Year - 2, today.Year + 1, cancellationToken);
        var ruleSets = new Dictionary<AwardLevel, RewardRuleSet>();
        foreach (var award in page.Items.Select(n => n.Award).Distinct())
        {
            ruleSets[award] = await rules.TodayAsync(award, cancellationToken);
        }
        return page.Select(n =>
        {
            var since = n.StepSince is { } at ? DateOnly.FromDateTime(at.AddHours(7)) : (DateOnly?)null;
            var due = since is { } s && s.Year >= today.Year - 2 ? RewardRoute.DueBy(ruleSets[n.Award], n.Status, s, days) : null;
            return n with { StepDueBy = due, Overdue = due is { } d && today > d };
        });
    }

    /// <summary>The buttons a dossier's page shows this user, decided by the same rules the services enforce.</summary>
    public async Task<NominationActions> ActionsAsync(Nomination nomination)
    {
        var proposer = user.IsUnitStaff && user.UnitId == nomination.ProposingUnitId;
        var editable = NominationWorkflow.UnitCanEdit(nomination.Status);
        var canSubmit = await user.CanAsync(nomination.Scope(), NominationAccess.Submit);
        return new NominationActions(
            IsBoard: user.HandlesRewards,
            CanEdit: (proposer || user.HandlesRewards) && editable,
            CanSubmit: canSubmit && editable,
            CanDecideOwn: canSubmit && nomination.Award == AwardLevel.UnitCertificate && nomination.Status == NominationStatus.Submitted);
    }

    /// <summary>Applies the request's content to a draft (or a returned dossier), checking every rule of its round, award and nominee.</summary>
    private async Task ApplyAsync(Nomination nomination, ThiDua.Data.Movements.Movement movement, NominationRequest request, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var round = Rounds.Find(movement.ToRounds(), request.Round!.Value, request.Year, movement.Code);
        Rounds.EnsureNotFuture(round.Kind, round.Year, today);
        Rounds.EnsureAllows(round.Kind, request.Award!.Value);
        var ruleSet = await rules.TodayAsync(request.Award.Value, cancellationToken);
        nomination.ReviewRoundId = movement.Rounds.First(r => r.Code == round.Code).Id;
        (nomination.Round, nomination.Year, nomination.Award) = (round.Kind, round.Year, request.Award.Value);
        nomination.SetChecklist(ruleSet.CriteriaFor(nomination.NomineeKind));
        nomination.Achievements = request.Achievements.Trim().Normalize(System.Text.NormalizationForm.FormC);

        Unit? nominee = null;
        if (NominationRules.IsUnitNominee(nomination.NomineeKind))
        {
            nominee = await UnitAsync(request.UnitCode, "unitCode", cancellationToken)
                ?? throw DomainException.ForField("unitCode", "Hồ sơ tập thể, doanh nghiệp cần mã đơn vị được đề nghị.");
            NominationRules.EnsureNomineeFits(nomination.NomineeKind, nominee.Type, nominee.Name);
            SetPerson(nomination, null);
        }
        else
        {
            var person = request.Person ?? throw DomainException.ForField("person", "Hồ sơ cá nhân, đối tượng khác cần họ tên, chức vụ, nơi công tác của người được đề nghị.");
            SetPerson(nomination, NominationRules.CheckPerson(new NomineePerson(person.FullName, person.Position, person.Organization, person.DateOfBirth, person.Gender), today));
        }
        nomination.NomineeUnitId = nominee?.Id;
        nomination.NomineeUnit = nominee;

        // The proposing unit: named explicitly, else the nominee unit, else the caller's own unit.
        var proposing = await UnitAsync(request.ProposingUnitCode, "proposingUnitCode", cancellationToken)
            ?? (nomination.NomineeKind == NomineeKind.Unit ? nominee : null)
            ?? (user.UnitId is int own ? await db.Units.FirstAsync(u => u.Id == own, cancellationToken) : null)
            ?? throw DomainException.ForField("proposingUnitCode", "Cần mã đơn vị đề nghị.");
        await user.EnsureAsync(new NominationScope(proposing.Id, nominee?.Id), NominationAccess.Prepare, "Bạn chỉ được thao tác trên dữ liệu của đơn vị mình.");
        if (nomination.Award == AwardLevel.UnitCertificate && nominee is not null)
        {
            var parentType = nominee.ParentId is int parentId ? await db.Units.Where(u => u.Id == parentId).Select(u => (Core.Units.UnitType?)u.Type).FirstAsync(cancellationToken) : null;
            Issuers.EnsureCanAwardCollective(nominee.Name, nominee.Id, nominee.ParentId, parentType, proposing.Id);
        }
        nomination.ProposingUnitId = proposing.Id;
    }

    private static void SetPerson(Nomination nomination, NomineePerson? person)
    {
        nomination.PersonFullName = person?.FullName;
        nomination.PersonPosition = person?.Position;
        nomination.PersonOrganization = person?.Organization;
        nomination.PersonBirthDate = person?.DateOfBirth;
        nomination.PersonGender = person?.Gender;
    }

    private async Task<Unit?> UnitAsync(string? code, string field, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code)
            ? null
            : await db.Units.FirstOrDefaultAsync(u => u.Code == code.Trim(), cancellationToken) ?? throw DomainException.ForField(field, $"Không có đơn vị mã {code}.");
}

/// <summary>The nomination list's filters (<c>?status=&amp;award=&amp;round=&amp;year=&amp;unitCode=</c>), parsed from their API codes.</summary>
public sealed record NominationFilter(NominationStatus? Status = null, AwardLevel? Award = null, NominationRound? Round = null, int? Year = null, string? UnitCode = null)
{
    public static NominationFilter Parse(string? status, string? award, string? round, int? year, string? unitCode) => new(
        string.IsNullOrWhiteSpace(status) ? null : ApiCodes.Parse<NominationStatus>(status, "status"),
        string.IsNullOrWhiteSpace(award) ? null : ApiCodes.Parse<AwardLevel>(award, "award"),
        string.IsNullOrWhiteSpace(round) ? null : ApiCodes.Parse<NominationRound>(round, "round"),
        year, unitCode);
}
