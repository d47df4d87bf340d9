using ThiDua.Core.Movements;
using ThiDua.Core.Text;
using ThiDua.Core.Units;
using ThiDua.Data.Movements;
using ThiDua.Data.Units;
using ThiDua.Web.Features.Movements;
using ThiDua.Web.Features.Notifications;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Reports;

/// <summary>
/// Annual movement reports (R5): written by the unit, submitted by its leader before 15 December (Vietnam time),
/// returned by the Secretariat with a reason when incomplete. Late reports are accepted and marked late.
/// </summary>
public sealed class ReportService(ThiDuaDbContext db, NotificationService notifications, CurrentUser user, Calendar.CalendarService calendar, TimeProvider clock)
{
    public async Task<ReportDto> CreateAsync(CreateReportRequest request, CancellationToken cancellationToken = default)
    {
        var movement = await db.Movements.FirstOrDefaultAsync(m => m.Code == request.MovementCode, cancellationToken)
            ?? throw DomainException.ForField("movementCode", $"Không có phong trào mã {request.MovementCode}.");
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == request.UnitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {request.UnitCode}.");
        await user.EnsureAsync(unit.Id, UnitScope.Act);
        var year = request.Year!.Value;
        if (year < movement.StartDate.Year || year > VietnamTime.Today(clock).Year)
        {
            throw DomainException.ForField("year", $"Năm báo cáo phải từ {movement.StartDate.Year} đến năm nay.");
        }
        if (!unit.Validity.Overlaps(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
        {
            throw DomainException.ForField("year", $"{unit.Name} không có hiệu lực trong năm {year}.");
        }
        if (await db.AnnualReports.AnyAsync(r => r.MovementId == movement.Id && r.UnitId == unit.Id && r.Year == year, cancellationToken))
        {
            throw new ConflictException($"{unit.Name} đã có báo cáo năm {year}.");
        }
        var report = new AnnualReport
        {
            MovementId = movement.Id,
            UnitId = unit.Id,
            Year = year,
            Summary = Clean(request.Summary),
            Results = Clean(request.Results),
            DtiAndTasks = Clean(request.DtiAndTasks),
            Proposals = Clean(request.Proposals),
            Status = ReportStatus.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(report.Id, cancellationToken);
    }

    public async Task<ReportDto> UpdateAsync(int id, UpdateReportRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var report = await FindAsync(id, cancellationToken);
        await user.EnsureOnRecordAsync(report.UnitId, UnitScope.Act, NotFound(id));
        Versions.EnsureCurrent(report.Version, expectedVersion);
        ReportWorkflow.EnsureEditable(report.Status);
        report.Summary = Clean(request.Summary);
        report.Results = Clean(request.Results);
        report.DtiAndTasks = Clean(request.DtiAndTasks);
        report.Proposals = Clean(request.Proposals);
        db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ReportDto> AddAttachmentAsync(int id, Guid fileId, CancellationToken cancellationToken = default)
    {
        var report = await db.AnnualReports.Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
        await user.EnsureOnRecordAsync(report.UnitId, UnitScope.Act, NotFound(id));
        ReportWorkflow.EnsureEditable(report.Status);
        if (report.Attachments.All(a => a.FileId != fileId))
        {
            report.Attachments.Add(new ReportAttachment { FileId = fileId });
            db.Entry(report).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
        }
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The unit leader submits; the first submission's time decides whether the report was on time.</summary>
    public async Task<ReportDto> SubmitAsync(int id, CancellationToken cancellationToken = default)
    {
        var report = await FindAsync(id, cancellationToken);
        await user.EnsureOnRecordAsync(report.UnitId, UnitScope.Lead, NotFound(id), "Chỉ lãnh đạo đơn vị được gửi báo cáo của đơn vị mình.");
        ReportWorkflow.EnsureEditable(report.Status);
        if (string.IsNullOrWhiteSpace(report.Summary) || string.IsNullOrWhiteSpace(report.Results))
        {
            throw DomainException.ForField("summary", "Báo cáo cần ít nhất phần tóm tắt và kết quả thực hiện cam kết trước khi gửi.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = now;
        report.SubmittedBy = user.UserName;
        report.FirstSubmittedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        var unitName = await db.Units.Where(u => u.Id == report.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        await notifications.NotifyAsync(new Recipients([Roles.Secretariat]), $"{unitName} đã gửi báo cáo năm {report.Year}",
            $"Báo cáo kết quả thực hiện Phong trào thi đua năm {report.Year} của {unitName}.", $"/phong-trao/bao-cao/{report.Id}", cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ReportDto> ReturnAsync(int id, string reason, CancellationToken cancellationToken = default)
    {
        var report = await FindAsync(id, cancellationToken);
        ReportWorkflow.EnsureCanReturn(report.Status);
        report.Status = ReportStatus.Returned;
        report.ReturnReason = reason.Trim();
        report.ReturnedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(NotificationService.UnitStaff(report.UnitId), $"Báo cáo năm {report.Year} được trả lại để bổ sung",
            $"Lý do: {report.ReturnReason}", $"/phong-trao/bao-cao/{report.Id}", cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ReportDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var report = await Load().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
        await user.EnsureVisibleAsync(report.UnitId, NotFound(id));
        return ToDto(report);
    }

    public async Task<PagedList<ReportDto>> ListAsync(string? movementCode, int? year, string? unitCode, string? status, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.AnnualReports.AsNoTracking();
        if (user.ListScope is int own)
        {
            query = query.Where(r => r.UnitId == own);
        }
        if (!string.IsNullOrWhiteSpace(movementCode))
        {
            query = query.Where(r => r.Movement.Code == movementCode);
        }
        if (year is int y)
        {
            query = query.Where(r => r.Year == y);
        }
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            query = query.Where(r => r.Unit.Code == unitCode);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = ApiCodes.TryParse<ReportStatus>(status, out var s) ? s : throw DomainException.ForField("status", "Trạng thái phải là draft, submitted hoặc returned.");
            query = query.Where(r => r.Status == parsed);
        }
        var page = await query.OrderByDescending(r => r.Year).ThenBy(r => r.Unit.Code).ThenBy(r => r.Id)
            .ToPagedListAsync(paging, rows => rows.Include(r => r.Movement).Include(r => r.Unit).Include(r => r.Attachments).ThenInclude(a => a.File).AsSplitQuery(), cancellationToken);
        return page.Select(ToDto);
    }

    /// <summary>Every report of the year that a unit has sent (or that was sent and returned), for the consolidated report.</summary>
    public async Task<IReadOnlyList<ReportDto>> SentAsync(int movementId, int year, CancellationToken cancellationToken = default)
    {
        var list = await Load().Where(r => r.MovementId == movementId && r.Year == year && r.Status != ReportStatus.Draft)
            .OrderBy(r => r.Unit.Code).ToListAsync(cancellationToken);
        return list.Select(ToDto).ToList();
    }

    /// <summary>Who reported on time, late, or not at all, for the units expected to report in <paramref name="year"/>.</summary>
    public async Task<ReportStatusDto> StatusAsync(string movementCode, int? year, CancellationToken cancellationToken = default)
    {
        var movement = await db.Movements.AsNoTracking().FirstOrDefaultAsync(m => m.Code == movementCode, cancellationToken)
            ?? throw new NotFoundException($"Không có phong trào mã {movementCode}.");
        var y = year ?? VietnamTime.Today(clock).Year;
        if (y is < 2000 or > 2100)
        {
            throw DomainException.ForField("year", "Năm phải từ 2000 đến 2100.");
        }
        var planned = AnnualDay.Parse(movement.ReportDeadline).In(y);
        // The deadline's rule decides whether a day off moves it (ADR 015); on time is judged against the day it closes.
        var deadline = Deadlines.Effective(planned, movement.ReportDeadlineRule, await calendar.WorkingDaysAsync(y, y + 1, cancellationToken));
        var expected = await ExpectedAsync(movement, y, cancellationToken);
        var submitted = await db.AnnualReports.AsNoTracking()
            .Where(r => r.MovementId == movement.Id && r.Year == y && r.FirstSubmittedAt != null)
            .Select(r => new { r.UnitId, r.FirstSubmittedAt })
            .ToDictionaryAsync(r => r.UnitId, r => r.FirstSubmittedAt!.Value, cancellationToken);
        bool OnTime(Unit u) => submitted.TryGetValue(u.Id, out var at) && Deadlines.OnTime(at, deadline);
        bool Late(Unit u) => submitted.TryGetValue(u.Id, out var at) && !Deadlines.OnTime(at, deadline);
        List<string> Codes(IEnumerable<Unit> units) => units.Select(u => u.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        return new ReportStatusDto(movement.Code, y, planned, Deadlines.ClosesAtUtc(deadline),
            Codes(expected.Where(OnTime)), Codes(expected.Where(Late)), Codes(expected.Where(u => !submitted.ContainsKey(u.Id))),
            expected.GroupBy(u => u.Type).OrderBy(g => g.Key).Select(g => new ReportTypeStatus(g.Key.Code(), g.Count(), g.Count(OnTime), g.Count(Late), g.Count(u => !submitted.ContainsKey(u.Id)))).ToList())
        {
            DeadlineRule = movement.ReportDeadlineRule,
            EffectiveDeadline = deadline,
            DeadlineRuleText = Deadlines.Explain(planned, movement.ReportDeadlineRule, deadline),
        };
    }

    /// <summary>
    /// The units that owe a report for a year: the participant types valid on the deadline day (after the 2025
    /// reform, the new communes), and enterprises that registered for the movement — of the province only (<see cref="OtherProvinces"/>).
    /// </summary>
    public async Task<List<Unit>> ExpectedAsync(Movement movement, int year, CancellationToken cancellationToken)
    {
        var deadline = AnnualDay.Parse(movement.ReportDeadline).In(year);
        var enterprises = await db.Participations.Where(p => p.MovementId == movement.Id && p.RegisteredAt != null && p.Unit.Type == UnitType.Enterprise)
            .Select(p => p.UnitId).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => MovementService.Participants.Contains(u.Type) || enterprises.Contains(u.Id)).ToListAsync(cancellationToken);
        var outside = await OtherProvinces.UnitIdsAsync(db, cancellationToken);
        return units.Where(u => u.Validity.Contains(deadline) && !outside.Contains(u.Id)).ToList();
    }

    private static string NotFound(int id) => $"Không có báo cáo số {id}.";

    private async Task<AnnualReport> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException(NotFound(id));

    private IQueryable<AnnualReport> Load() => db.AnnualReports.AsNoTracking()
        .Include(r => r.Movement).Include(r => r.Unit).Include(r => r.Attachments).ThenInclude(a => a.File);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static ReportDto ToDto(AnnualReport r)
    {
        var deadline = AnnualDay.Parse(r.Movement.ReportDeadline).In(r.Year);
        return new ReportDto(r.Id, r.Movement.Code, r.Year, r.Unit.Code, r.Unit.Name, r.Status,
            r.Summary, r.Results, r.DtiAndTasks, r.Proposals, deadline, r.FirstSubmittedAt, r.SubmittedAt, r.SubmittedBy,
            r.FirstSubmittedAt is { } first ? Deadlines.OnTime(first, deadline) : null, r.ReturnReason,
            r.Attachments.Select(a => FileService.ToDto(a.File)).ToList(), r.Version);
    }
}
