using ThiDua.Core.Movements;
using ThiDua.Core.Units;
using ThiDua.Data.Movements;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Movements;

/// <summary>The movement, its phases and milestones (R3), and units' launch and registration (R4).</summary>
public sealed class MovementService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The kinds of unit the movement expects to launch, register and report: all but the province and enterprises.</summary>
    public static readonly IReadOnlyList<UnitType> Participants = [UnitType.Department, UnitType.MassOrg, UnitType.District, UnitType.Commune];

    public async Task<PagedList<MovementDto>> ListAsync(Paging paging, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(clock);
        return (await Load().OrderByDescending(m => m.StartDate).ThenBy(m => m.Id).ToPagedListAsync(paging, cancellationToken)).Select(m => ToDto(m, today));
    }

    public async Task<MovementDto> GetAsync(string code, CancellationToken cancellationToken = default) =>
        ToDto(await FindAsync(code, tracking: false, cancellationToken), VietnamTime.Today(clock));

    public async Task<Movement> FindAsync(string code, bool tracking = true, CancellationToken cancellationToken = default)
    {
        var query = tracking ? db.Movements.Include(m => m.Phases).Include(m => m.Milestones).Include(m => m.Rounds).AsSplitQuery() : Load();
        return await query.FirstOrDefaultAsync(m => m.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có phong trào mã {code}.");
    }

    public async Task<MovementDto> CreateAsync(MovementRequest request, CancellationToken cancellationToken = default)
    {
        var code = request.Code.Trim();
        if (await db.Movements.AnyAsync(m => m.Code == code, cancellationToken))
        {
            throw new ConflictException($"Phong trào mã {code} đã có.");
        }
        var movement = new Movement { Code = code, Name = "" };
        Apply(movement, request);
        db.Movements.Add(movement);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken);
    }

    public async Task<MovementDto> UpdateAsync(string code, MovementRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var movement = await FindAsync(code, cancellationToken: cancellationToken);
        Versions.EnsureCurrent(movement.Version, expectedVersion);
        Apply(movement, request);
        movement.Code = code;
        db.Entry(movement).State = EntityState.Modified;
        db.Entry(movement).Property(m => m.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken);
    }

    public async Task<MilestoneDto> SaveMilestoneAsync(string movementCode, MilestoneRequest request, bool create, CancellationToken cancellationToken = default)
    {
        var movement = await FindAsync(movementCode, cancellationToken: cancellationToken);
        var code = request.Code.Trim();
        var milestone = movement.Milestones.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
        if (create && milestone is not null)
        {
            throw new ConflictException($"Mốc {code} đã có.");
        }
        if (!create)
        {
            milestone = milestone ?? throw new NotFoundException($"Không có mốc {code}.");
            Versions.EnsureCurrent(milestone.Version, request.Version ?? throw DomainException.ForField("version", "Cần version của mốc đã đọc."));
        }
        if (request.StartDate is { } start && start > request.DueDate)
        {
            throw DomainException.ForField("startDate", "Ngày bắt đầu phải trước hạn.");
        }
        if (request.PhaseCode is { Length: > 0 } phase && !movement.Phases.Any(p => p.Code == phase))
        {
            throw DomainException.ForField("phaseCode", $"Phong trào không có giai đoạn {phase}.");
        }
        if (milestone is null)
        {
            milestone = new Milestone { Code = code, Title = "" };
            movement.Milestones.Add(milestone);
        }
        milestone.Title = request.Title.Trim();
        milestone.Description = request.Description?.Trim();
        milestone.StartDate = request.StartDate;
        milestone.DueDate = request.DueDate!.Value;
        milestone.PhaseCode = string.IsNullOrWhiteSpace(request.PhaseCode) ? null : request.PhaseCode.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return MilestoneDto(milestone, VietnamTime.Today(clock));
    }

    /// <summary>Records that a unit launched the movement in its own scope (date, document, optional file).</summary>
    public async Task<ParticipationDto> LaunchAsync(string movementCode, LaunchRequest request, CancellationToken cancellationToken = default)
    {
        var (movement, unit) = await MovementAndUnitAsync(movementCode, request.UnitCode, cancellationToken);
        CheckLaunchDate(movement, request.LaunchedOn!.Value);
        await CheckFileAsync(request.LaunchFileId, unit, cancellationToken);
        var participation = await db.Participations.Include(p => p.Commitments)
            .FirstOrDefaultAsync(p => p.MovementId == movement.Id && p.UnitId == unit.Id, cancellationToken);
        if (participation is null)
        {
            participation = new Participation { MovementId = movement.Id, UnitId = unit.Id };
            db.Participations.Add(participation);
        }
        participation.LaunchedOn = request.LaunchedOn;
        participation.LaunchDocument = request.LaunchDocument.Trim();
        participation.LaunchFileId = request.LaunchFileId ?? participation.LaunchFileId;
        await db.SaveChangesAsync(cancellationToken);
        return await ParticipationAsync(movement.Id, unit, cancellationToken);
    }

    /// <summary>Registers a unit with its commitments (and its launch, if not yet recorded); a second registration is a conflict.</summary>
    public async Task<ParticipationDto> RegisterAsync(string movementCode, RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        var (movement, unit) = await MovementAndUnitAsync(movementCode, request.UnitCode, cancellationToken);
        CheckLaunchDate(movement, request.LaunchedOn!.Value);
        await CheckFileAsync(request.LaunchFileId, unit, cancellationToken);
        var commitments = request.Commitments.Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToList();
        if (commitments.Count == 0)
        {
            throw DomainException.ForField("commitments", "Đăng ký cần ít nhất một nội dung cam kết.");
        }
        if (commitments.Any(c => c.Length > 2000))
        {
            throw DomainException.ForField("commitments", "Mỗi nội dung cam kết tối đa 2.000 ký tự.");
        }
        var participation = await db.Participations.Include(p => p.Commitments)
            .FirstOrDefaultAsync(p => p.MovementId == movement.Id && p.UnitId == unit.Id, cancellationToken);
        if (participation?.RegisteredAt is not null)
        {
            throw new ConflictException($"{unit.Name} đã đăng ký thực hiện phong trào {movement.Code}.");
        }
        if (participation is null)
        {
            participation = new Participation { MovementId = movement.Id, UnitId = unit.Id };
            db.Participations.Add(participation);
        }
        participation.LaunchedOn = request.LaunchedOn;
        participation.LaunchDocument = string.IsNullOrWhiteSpace(request.LaunchDocument) ? participation.LaunchDocument : request.LaunchDocument.Trim();
        participation.LaunchFileId = request.LaunchFileId ?? participation.LaunchFileId;
        participation.RegisteredAt = clock.GetUtcNow().UtcDateTime;
        participation.RegisteredBy = user.UserName;
        participation.Commitments = commitments.Select((text, k) => new Commitment { Position = k + 1, Text = text.Normalize(System.Text.NormalizationForm.FormC) }).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return await ParticipationAsync(movement.Id, unit, cancellationToken);
    }

    public async Task<PagedList<ParticipationDto>> ParticipationsAsync(string movementCode, Paging paging, CancellationToken cancellationToken = default)
    {
        var movement = await FindAsync(movementCode, tracking: false, cancellationToken);
        var query = db.Participations.AsNoTracking().Where(p => p.MovementId == movement.Id);
        if (user.ListScope is int own)
        {
            query = query.Where(p => p.UnitId == own);
        }
        var page = await query.OrderBy(p => p.Unit.Code).ToPagedListAsync(paging, rows => rows.Include(p => p.Unit).Include(p => p.Commitments), cancellationToken);
        return page.Select(ToDto);
    }

    /// <summary>Who of the expected participants (units valid on <paramref name="asOf"/>) launched and registered.</summary>
    public async Task<RegistrationStatus> StatusAsync(string movementCode, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var movement = await FindAsync(movementCode, tracking: false, cancellationToken);
        var day = asOf ?? VietnamTime.Today(clock);
        var outside = await OtherProvinces.UnitIdsAsync(db, cancellationToken);
        var units = (await db.Units.AsNoTracking().Where(u => Participants.Contains(u.Type)).ToListAsync(cancellationToken))
            .Where(u => u.Validity.Contains(day) && !outside.Contains(u.Id)).ToList();
        var participations = await db.Participations.AsNoTracking().Where(p => p.MovementId == movement.Id)
            .Select(p => new { p.UnitId, Launched = p.LaunchedOn != null && p.LaunchedOn <= day, Registered = p.RegisteredAt != null })
            .ToDictionaryAsync(p => p.UnitId, cancellationToken);
        TypeStatus Summarize(string type, IReadOnlyCollection<Unit> group) => new(
            type, group.Count,
            group.Count(u => participations.TryGetValue(u.Id, out var p) && p.Launched),
            group.Count(u => participations.TryGetValue(u.Id, out var p) && p.Registered),
            group.Where(u => !participations.TryGetValue(u.Id, out var p) || !p.Registered).Select(u => u.Code).OrderBy(c => c, StringComparer.Ordinal).ToList());
        var all = Summarize("all", units);
        return new RegistrationStatus(day, all.Total, all.Launched, all.Registered, all.Missing,
            Participants.Select(t => Summarize(t.Code(), units.Where(u => u.Type == t).ToList())).Where(s => s.Total > 0).ToList());
    }

    private async Task<(Movement, Unit)> MovementAndUnitAsync(string movementCode, string unitCode, CancellationToken cancellationToken)
    {
        var movement = await db.Movements.FirstOrDefaultAsync(m => m.Code == movementCode, cancellationToken)
            ?? throw new NotFoundException($"Không có phong trào mã {movementCode}.");
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == unitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {unitCode}.");
        await user.EnsureAsync(unit.Id, UnitScope.Act);
        return (movement, unit);
    }

    private void CheckLaunchDate(Movement movement, DateOnly launchedOn)
    {
        var today = VietnamTime.Today(clock);
        if (launchedOn > today)
        {
            throw DomainException.ForField("launchedOn", $"Ngày phát động {launchedOn:dd/MM/yyyy} ở tương lai.");
        }
        if (movement.DecisionDate is { } issued && launchedOn < issued)
        {
            throw DomainException.ForField("launchedOn", $"Ngày phát động phải từ ngày ban hành kế hoạch ({issued:dd/MM/yyyy}).");
        }
    }

    private async Task CheckFileAsync(Guid? fileId, Unit unit, CancellationToken cancellationToken)
    {
        if (fileId is Guid id)
        {
            var file = await db.Files.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (file is null || (file.UnitId is int owner && owner != unit.Id))
            {
                throw DomainException.ForField("launchFileId", "Không có tệp này (tải lên bằng POST /api/v1/files).");
            }
        }
    }

    private async Task<ParticipationDto> ParticipationAsync(int movementId, Unit unit, CancellationToken cancellationToken)
    {
        var participation = await db.Participations.AsNoTracking().Include(p => p.Unit).Include(p => p.Commitments)
            .FirstAsync(p => p.MovementId == movementId && p.UnitId == unit.Id, cancellationToken);
        return ToDto(participation);
    }

    private static ParticipationDto ToDto(Participation p) => new(p.Unit.Code, p.Unit.Name, p.LaunchedOn, p.LaunchDocument, p.LaunchFileId, p.RegisteredAt, p.RegisteredBy,
        p.Commitments.OrderBy(c => c.Position).Select(c => c.Text).ToList(), p.Version);

    private static void Apply(Movement movement, MovementRequest request)
    {
        if (request.EndDate < request.StartDate)
        {
            throw DomainException.ForField("endDate", "Ngày kết thúc phải sau ngày bắt đầu.");
        }
        movement.Name = request.Name.Trim().Normalize(System.Text.NormalizationForm.FormC);
        movement.DecisionNumber = request.DecisionNumber?.Trim();
        movement.DecisionDate = request.DecisionDate;
        movement.StartDate = request.StartDate!.Value;
        movement.EndDate = request.EndDate!.Value;
        movement.ReportDeadline = AnnualDay.Parse(request.ReportDeadline ?? movement.ReportDeadline).ToString();
        movement.ConsolidatedDeadline = AnnualDay.Parse(request.ConsolidatedDeadline ?? movement.ConsolidatedDeadline).ToString();
        movement.Description = request.Description?.Trim();
        if (request.Phases is { } phases)
        {
            if (phases.Any(p => p.EndDate < p.StartDate))
            {
                throw DomainException.ForField("phases", "Mỗi giai đoạn phải kết thúc sau khi bắt đầu.");
            }
            if (phases.GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            {
                throw DomainException.ForField("phases", "Mã giai đoạn bị trùng.");
            }
            movement.Phases.Clear();
            movement.Phases.AddRange(phases.Select(p => new MovementPhase { Code = p.Code.Trim(), Name = p.Name.Trim(), StartDate = p.StartDate!.Value, EndDate = p.EndDate!.Value }));
        }
        movement.ReportDeadlineRule = request.ReportDeadlineRule ?? movement.ReportDeadlineRule;
        if (request.Rounds is { } rounds)
        {
            MovementRounds.Apply(movement, rounds);
        }
    }

    private IQueryable<Movement> Load() => db.Movements.AsNoTracking().Include(m => m.Phases).Include(m => m.Milestones).Include(m => m.Rounds).AsSplitQuery();

    private static MilestoneDto MilestoneDto(Milestone m, DateOnly today)
    {
        var state = today > m.DueDate ? "done" : (m.StartDate is { } s ? today >= s : today == m.DueDate) ? "current" : "upcoming";
        return new MilestoneDto(m.Code, m.Title, m.Description, m.StartDate, m.DueDate, m.PhaseCode, state, m.Version);
    }

    private static MovementDto ToDto(Movement m, DateOnly today)
    {
        var milestones = m.Milestones.OrderBy(x => x.StartDate ?? x.DueDate).ThenBy(x => x.DueDate).Select(x => MilestoneDto(x, today)).ToList();
        return new MovementDto(m.Code, m.Name, m.DecisionNumber, m.DecisionDate, m.StartDate, m.EndDate, m.ReportDeadline, m.ConsolidatedDeadline, m.Description,
            today,
            m.Phases.FirstOrDefault(p => p.StartDate <= today && today <= p.EndDate)?.Code,
            milestones.FirstOrDefault(x => x.State != "done"),
            m.Phases.OrderBy(p => p.StartDate).Select(p => new PhaseDto(p.Code, p.Name, p.StartDate, p.EndDate, p.StartDate <= today && today <= p.EndDate)).ToList(),
            milestones, m.Version)
        {
            ReportDeadlineRule = m.ReportDeadlineRule,
            Rounds = m.ToRounds().OrderBy(r => r.ReviewDate).ThenBy(r => r.Kind).Select(r => new RoundDto(r.Code, r.Kind, r.Year, r.ReviewDate, r.DtiYears, r.JudgedDtiYears,
                m.Rounds.First(x => x.Code == r.Code).TaskPhaseCode, r.TaskPhase.From, r.TaskPhase.To, r.Name)).ToList(),
        };
    }
}
