using ThiDua.Data.Tasks;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Tasks;

/// <summary>
/// Tasks of Decision 1488/QĐ-UBND, Plans 59 and 60/KH-UBND (R9): assignment to units, progress reported by each
/// assignee, overdue flags. Completion per unit and phase is <see cref="TaskCompletionService"/>; bulk entry
/// <see cref="TaskImportService"/>.
/// </summary>
public sealed class TaskService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The assigning documents of section IV.1.1; others are accepted for later phases.</summary>
    public static readonly IReadOnlyList<string> KnownDocuments = ["1488/QĐ-UBND", "59/KH-UBND", "60/KH-UBND"];

    public async Task<TaskDto> CreateAsync(CreateTaskRequest request, CancellationToken cancellationToken = default)
    {
        var source = NormalizeDocument(request.SourceDocument);
        var code = request.Code.Trim();
        if (await db.Tasks.AnyAsync(t => t.SourceDocument == source && t.Code == code, cancellationToken))
        {
            throw new ConflictException($"Nhiệm vụ {code} của văn bản {source} đã có.");
        }
        var units = await AssigneesAsync(request.AssigneeUnitCodes, cancellationToken);
        CheckDue(request.DueDate!.Value);
        var task = new AssignedTask
        {
            SourceDocument = source,
            Code = code,
            Title = request.Title.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            DueDate = request.DueDate.Value,
            Illustrative = request.Illustrative,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
            Assignees = units.Select(u => new TaskAssignee { UnitId = u.Id }).ToList(),
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(task.Id, cancellationToken);
    }

    public async Task<TaskDto> UpdateAsync(int id, UpdateTaskRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.Include(t => t.Assignees).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        Versions.EnsureCurrent(task.Version, expectedVersion);
        var units = await AssigneesAsync(request.AssigneeUnitCodes, cancellationToken);
        CheckDue(request.DueDate!.Value);
        task.Title = request.Title.Trim().Normalize(System.Text.NormalizationForm.FormC);
        task.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        task.DueDate = request.DueDate.Value;
        task.Assignees.RemoveAll(a => !units.Any(u => u.Id == a.UnitId));
        foreach (var unit in units.Where(u => !task.Assignees.Any(a => a.UnitId == u.Id)))
        {
            task.Assignees.Add(new TaskAssignee { UnitId = unit.Id });
        }
        db.Entry(task).State = EntityState.Modified;
        db.Entry(task).Property(t => t.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<TaskDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var task = await Load().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        if (user.ListScope is int own && task.Assignees.All(a => a.UnitId != own))
        {
            throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        }
        return ToDto(task, VietnamTime.Today(clock), user.ListScope);
    }

    /// <summary>A page of tasks, filtered and paged in SQL; unit users see only the tasks assigned to their unit.</summary>
    /// <param name="overdue">With a value: only tasks that are (or are not) overdue for some assignee (for <paramref name="unitCode"/> when given).</param>
    public async Task<PagedList<TaskDto>> ListAsync(string? unitCode, string? sourceDocument, bool? overdue, string? phase, Paging paging, CancellationToken cancellationToken = default)
    {
        var window = Phases.Parse(phase);
        var query = db.Tasks.AsNoTracking().Where(t => t.DueDate >= window.From && t.DueDate <= window.To);
        if (user.ListScope is int own)
        {
            query = query.Where(t => t.Assignees.Any(a => a.UnitId == own));
        }
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            query = query.Where(t => t.Assignees.Any(a => a.Unit.Code == unitCode));
        }
        if (!string.IsNullOrWhiteSpace(sourceDocument))
        {
            var source = NormalizeDocument(sourceDocument);
            query = query.Where(t => t.SourceDocument == source);
        }
        var today = VietnamTime.Today(clock);
        if (overdue is bool wanted)
        {
            // Overdue for an assignee: past its due date and the assignee's latest report does not say completed.
            var scope = string.IsNullOrWhiteSpace(unitCode) ? null : unitCode;
            query = query.Where(t => (t.DueDate < today && t.Assignees.Any(a => (scope == null || a.Unit.Code == scope)
                && !t.Progress.Where(p => p.UnitId == a.UnitId).OrderByDescending(p => p.ReportedAt).ThenByDescending(p => p.Id).Select(p => p.Completed).FirstOrDefault())) == wanted);
        }
        var page = await query.OrderBy(t => t.DueDate).ThenBy(t => t.Code).ThenBy(t => t.Id).ToPagedListAsync(paging, rows => rows
            .Include(t => t.Assignees).ThenInclude(a => a.Unit)
            .Include(t => t.Progress).ThenInclude(p => p.Unit)
            .AsSplitQuery(), cancellationToken);
        return page.Select(t => ToDto(t, today, user.ListScope));
    }

    public async Task<ProgressDto> ReportAsync(int id, ProgressRequest request, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.Include(t => t.Assignees).ThenInclude(a => a.Unit).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        var assignee = task.Assignees.FirstOrDefault(a => string.Equals(a.Unit.Code, request.UnitCode.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw DomainException.ForField("unitCode", $"Nhiệm vụ {task.Code} không giao cho đơn vị {request.UnitCode}.");
        await user.EnsureAsync(assignee.UnitId, UnitScope.Act);
        var percent = request.Percent!.Value;
        if (request.Completed && percent < 100)
        {
            throw DomainException.ForField("percent", "Nhiệm vụ hoàn thành phải đạt 100 %.");
        }
        if (request.EvidenceFileId is Guid fileId)
        {
            var file = await db.Files.FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
            if (file is null || (file.UnitId is int owner && owner != assignee.UnitId))
            {
                throw DomainException.ForField("evidenceFileId", "Không có tệp minh chứng này (tải lên bằng POST /api/v1/files).");
            }
        }
        var report = new TaskProgressReport
        {
            TaskId = task.Id,
            UnitId = assignee.UnitId,
            Percent = percent,
            Completed = request.Completed || percent >= 100,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            EvidenceFileId = request.EvidenceFileId,
            ReportedAt = clock.GetUtcNow().UtcDateTime,
            ReportedBy = user.UserName,
        };
        db.TaskProgress.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new ProgressDto(assignee.Unit.Code, report.Percent, report.Completed, report.Note, report.EvidenceFileId, report.ReportedAt, report.ReportedBy);
    }

    public static string NormalizeDocument(string text)
    {
        var t = text.Trim().Normalize(System.Text.NormalizationForm.FormC);
        // "1488", "QĐ 1488", "1488/QD-UBND" all name Decision 1488/QĐ-UBND.
        foreach (var known in KnownDocuments)
        {
            var number = known.Split('/')[0];
            if (t == number || t.Replace("QD", "QĐ", StringComparison.OrdinalIgnoreCase).Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return t;
    }

    public static string PhaseOf(DateOnly due) => Phases.Of(due)?.Code ?? "other";

    private async Task<List<Unit>> AssigneesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            throw DomainException.ForField("assigneeUnitCodes", "Nhiệm vụ cần ít nhất một đơn vị được giao.");
        }
        var units = await db.Units.Where(u => wanted.Contains(u.Code)).ToListAsync(cancellationToken);
        var missing = wanted.Except(units.Select(u => u.Code), StringComparer.OrdinalIgnoreCase).ToList();
        return missing.Count > 0
            ? throw DomainException.ForField("assigneeUnitCodes", $"Không có đơn vị mã: {string.Join(", ", missing)}.")
            : units;
    }

    private static void CheckDue(DateOnly due)
    {
        if (due.Year is < 2000 or > 2100)
        {
            throw DomainException.ForField("dueDate", "Hạn hoàn thành phải trong khoảng năm 2000–2100.");
        }
    }

    private IQueryable<AssignedTask> Load() => db.Tasks.AsNoTracking()
        .Include(t => t.Assignees).ThenInclude(a => a.Unit)
        .Include(t => t.Progress).ThenInclude(p => p.Unit)
        .AsSplitQuery();

    /// <param name="scope">A unit-scoped caller's unit: a shared task shows only that unit's part — another unit's
    /// progress, notes, reporters and evidence are its own.</param>
    private static TaskDto ToDto(AssignedTask task, DateOnly today, int? scope = null)
    {
        var progress = task.Progress.Where(p => scope is not int own || p.UnitId == own).ToList();
        var latest = progress.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.ReportedAt).ThenBy(p => p.Id).Last());
        return new TaskDto(task.Id, task.SourceDocument, task.Code, task.Title, task.Description, task.DueDate, task.Illustrative, PhaseOf(task.DueDate),
            task.Assignees.Where(a => scope is not int own || a.UnitId == own).OrderBy(a => a.Unit.Code, StringComparer.Ordinal).Select(a =>
            {
                var report = latest.GetValueOrDefault(a.UnitId);
                var completed = report?.Completed ?? false;
                return new AssigneeDto(a.Unit.Code, a.Unit.Name, report?.Percent ?? 0, completed, !completed && task.DueDate < today, report?.ReportedAt, report?.Note);
            }).ToList(),
            progress.OrderBy(p => p.ReportedAt).Select(p => new ProgressDto(p.Unit.Code, p.Percent, p.Completed, p.Note, p.EvidenceFileId, p.ReportedAt, p.ReportedBy)).ToList(),
            task.Version);
    }
}
