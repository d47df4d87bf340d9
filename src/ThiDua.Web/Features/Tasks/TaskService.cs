using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Tasks;
using ThiDua.Data;
using ThiDua.Data.Tasks;
using ThiDua.Data.Units;
using ThiDua.Web.Infrastructure.Api;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Tasks;

/// <summary>
/// Tasks of Decision 1488/QĐ-UBND, Plans 59 and 60/KH-UBND (R9): assignment to units, progress reported by each
/// assignee, overdue flags and completion per unit and phase — what the mid-term and final reviews judge.
/// </summary>
public sealed class TaskService(ThiDuaDbContext db, TimeProvider clock)
{
    /// <summary>The assigning documents of section IV.1.1; others are accepted for later phases.</summary>
    public static readonly IReadOnlyList<string> KnownDocuments = ["1488/QĐ-UBND", "59/KH-UBND", "60/KH-UBND"];

    public async Task<TaskDto> CreateAsync(CreateTaskRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
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
            CreatedBy = user.Identity?.Name,
            Assignees = units.Select(u => new TaskAssignee { UnitId = u.Id }).ToList(),
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(task.Id, user, cancellationToken);
    }

    public async Task<TaskDto> UpdateAsync(int id, UpdateTaskRequest request, int expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default)
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
        return await GetAsync(id, user, cancellationToken);
    }

    public async Task<TaskDto> GetAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var task = await Load().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        if (!CanSee(user, task))
        {
            throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        }
        return ToDto(task, VietnamTime.Today(clock));
    }

    /// <summary>Tasks, filtered; unit users see only the tasks assigned to their unit.</summary>
    public async Task<IReadOnlyList<TaskDto>> ListAsync(string? unitCode, string? sourceDocument, bool? overdue, string? phase, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var window = Phases.Parse(phase);
        var query = Load();
        if (!Roles.ProvinceWide.Any(user.IsInRole))
        {
            var own = user.UnitId() ?? -1;
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
        var tasks = (await query.OrderBy(t => t.DueDate).ThenBy(t => t.Code).ToListAsync(cancellationToken))
            .Where(t => window.Contains(t.DueDate))
            .Select(t => ToDto(t, today))
            .ToList();
        if (overdue is bool wanted)
        {
            var scope = unitCode;
            tasks = tasks.Where(t => t.Assignees.Any(a => a.Overdue && (scope is null || a.UnitCode == scope)) == wanted).ToList();
        }
        return tasks;
    }

    public async Task<ProgressDto> ReportAsync(int id, ProgressRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.Include(t => t.Assignees).ThenInclude(a => a.Unit).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có nhiệm vụ số {id}.");
        var assignee = task.Assignees.FirstOrDefault(a => string.Equals(a.Unit.Code, request.UnitCode.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw DomainException.ForField("unitCode", $"Nhiệm vụ {task.Code} không giao cho đơn vị {request.UnitCode}.");
        user.EnsureCanActFor(assignee.UnitId);
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
            ReportedBy = user.Identity?.Name,
        };
        db.TaskProgress.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new ProgressDto(assignee.Unit.Code, report.Percent, report.Completed, report.Note, report.EvidenceFileId, report.ReportedAt, report.ReportedBy);
    }

    /// <summary>Completion of a unit's tasks due in a phase; a unit formed by merger answers for its predecessors' tasks too.</summary>
    public async Task<CompletionDto> CompletionAsync(string unitCode, string? phase, ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        var window = Phases.Parse(phase);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"Không có đơn vị mã {unitCode}.");
        if (user is not null && !user.CanActFor(unit.Id, [.. Roles.ProvinceWide]))
        {
            throw new ForbiddenException("Bạn chỉ xem được mức độ hoàn thành nhiệm vụ của đơn vị mình.");
        }
        var all = await CompletionForAllAsync(window, cancellationToken);
        return all.TryGetValue(unit.Id, out var completion) ? completion with { UnitCode = unit.Code } : new CompletionDto(unit.Code, window.Code, 0, 0, 0, null);
    }

    /// <summary>Completion of every unit that has tasks in the phase, computed in one pass.</summary>
    public async Task<Dictionary<int, CompletionDto>> CompletionForAllAsync(Phase window, CancellationToken cancellationToken = default)
    {
        var dueDates = await db.Tasks.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.DueDate, cancellationToken);
        var assignments = (await db.TaskAssignees.AsNoTracking().Select(a => new { a.TaskId, a.UnitId }).ToListAsync(cancellationToken))
            .Select(a => new { a.TaskId, a.UnitId, Due = dueDates[a.TaskId] })
            .ToList();
        var reports = await db.TaskProgress.AsNoTracking()
            .Select(p => new { p.TaskId, p.UnitId, p.Completed, p.Percent, p.ReportedAt, p.Id })
            .ToListAsync(cancellationToken);
        var latest = reports.GroupBy(r => (r.TaskId, r.UnitId)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id).Last());
        var lineage = await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken);
        var predecessors = lineage.ToLookup(l => l.SuccessorId, l => l.PredecessorId);
        var codes = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        var today = VietnamTime.Today(clock);

        var byUnit = assignments.ToLookup(a => a.UnitId);
        var result = new Dictionary<int, CompletionDto>();
        foreach (var unitId in codes.Keys)
        {
            var family = Ancestry(unitId, predecessors);
            var own = family.SelectMany(id => byUnit[id])
                .Select(a => latest.TryGetValue((a.TaskId, a.UnitId), out var r)
                    ? new Assignment(a.TaskId, a.UnitId, a.Due, r.Completed, r.Percent)
                    : new Assignment(a.TaskId, a.UnitId, a.Due, false, 0))
                .ToList();
            if (own.Count == 0)
            {
                continue;
            }
            // The successor may report a predecessor's task as completed too.
            var completedBySuccessor = own.Where(a => latest.TryGetValue((a.TaskId, unitId), out var r) && r.Completed).Select(a => a.TaskId).ToHashSet();
            var effective = own.Select(a => completedBySuccessor.Contains(a.TaskId) ? a with { Completed = true } : a);
            var completion = TaskCompletion.For(effective, window, today);
            if (completion.Assigned > 0)
            {
                result[unitId] = new CompletionDto(codes[unitId], window.Code, completion.Assigned, completion.Completed, completion.Overdue, completion.CompletionRate);
            }
        }
        return result;
    }

    /// <summary>
    /// Imports tasks from CSV or XLSX with columns sourceDocument, code, title, assigneeUnitCodes (separated by ';'),
    /// dueDate (yyyy-MM-dd or dd/MM/yyyy), description. Every row is checked; a dry run writes nothing, nor does a run with faults.
    /// </summary>
    public async Task<TaskImportReport> ImportAsync(Stream content, bool xlsx, bool dryRun, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        string[] columns = ["sourceDocument", "code", "title", "assigneeUnitCodes", "dueDate", "description"];
        IReadOnlyList<CsvRow> rows;
        if (xlsx)
        {
            try
            {
                rows = content.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
                    .Select((r, k) => new CsvRow(k + 2, columns.Select(c => Convert.ToString(r.FirstOrDefault(kv => string.Equals(kv.Key, c, StringComparison.OrdinalIgnoreCase)).Value, CultureInfo.InvariantCulture)?.Trim() ?? "").ToArray(), null))
                    .ToList();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
            {
                throw DomainException.ForField("file", "Tệp không phải bảng tính XLSX đọc được.");
            }
        }
        else
        {
            rows = CsvRows.Read(content, columns);
        }

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existing = (await db.Tasks.Select(t => new { t.SourceDocument, t.Code }).ToListAsync(cancellationToken)).Select(t => (t.SourceDocument, t.Code)).ToHashSet();
        var errors = new List<CsvRowError>();
        var accepted = new List<AssignedTask>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            var f = row.Fields;
            if (f.Take(5).Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(new CsvRowError(row.Number, "Thiếu một trong các cột bắt buộc: sourceDocument, code, title, assigneeUnitCodes, dueDate."));
                continue;
            }
            var source = NormalizeDocument(f[0]);
            if (!existing.Add((source, f[1])))
            {
                errors.Add(new CsvRowError(row.Number, $"Nhiệm vụ {f[1]} của văn bản {source} đã có."));
                continue;
            }
            if (!DateInput.TryParse(f[4], out var due) || due.Year is < 2000 or > 2100)
            {
                errors.Add(new CsvRowError(row.Number, $"Hạn '{f[4]}' không phải ngày (dd/MM/yyyy hoặc yyyy-MM-dd)."));
                continue;
            }
            var codes = f[3].Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = codes.Where(c => !units.ContainsKey(c)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new CsvRowError(row.Number, $"Không có đơn vị mã: {string.Join(", ", unknown)}."));
                continue;
            }
            accepted.Add(new AssignedTask
            {
                SourceDocument = source,
                Code = f[1],
                Title = f[2].Normalize(System.Text.NormalizationForm.FormC),
                Description = string.IsNullOrWhiteSpace(f[5]) ? null : f[5],
                DueDate = due,
                CreatedAt = now,
                CreatedBy = user.Identity?.Name,
                Assignees = codes.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => new TaskAssignee { UnitId = units[c].Id }).ToList(),
            });
        }
        if (dryRun || errors.Count > 0)
        {
            return new TaskImportReport(dryRun, rows.Count, 0, errors);
        }
        db.Tasks.AddRange(accepted);
        await db.SaveChangesAsync(cancellationToken);
        return new TaskImportReport(false, rows.Count, accepted.Count, []);
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

    public static string PhaseOf(DateOnly due) =>
        Phases.Midterm.Contains(due) ? Phases.Midterm.Code : Phases.Final.Contains(due) ? Phases.Final.Code : Phases.Next.Contains(due) ? Phases.Next.Code : "other";

    private static HashSet<int> Ancestry(int unitId, ILookup<int, int> predecessors)
    {
        var family = new HashSet<int> { unitId };
        var frontier = new Queue<int>([unitId]);
        while (frontier.Count > 0)
        {
            foreach (var p in predecessors[frontier.Dequeue()].Where(family.Add))
            {
                frontier.Enqueue(p);
            }
        }
        return family;
    }

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

    private static bool CanSee(ClaimsPrincipal user, AssignedTask task) =>
        Roles.ProvinceWide.Any(user.IsInRole) || task.Assignees.Any(a => a.UnitId == user.UnitId());

    private IQueryable<AssignedTask> Load() => db.Tasks.AsNoTracking()
        .Include(t => t.Assignees).ThenInclude(a => a.Unit)
        .Include(t => t.Progress).ThenInclude(p => p.Unit)
        .AsSplitQuery();

    private static TaskDto ToDto(AssignedTask task, DateOnly today)
    {
        var latest = task.Progress.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.ReportedAt).ThenBy(p => p.Id).Last());
        return new TaskDto(task.Id, task.SourceDocument, task.Code, task.Title, task.Description, task.DueDate, task.Illustrative, PhaseOf(task.DueDate),
            task.Assignees.OrderBy(a => a.Unit.Code, StringComparer.Ordinal).Select(a =>
            {
                var report = latest.GetValueOrDefault(a.UnitId);
                var completed = report?.Completed ?? false;
                return new AssigneeDto(a.Unit.Code, a.Unit.Name, report?.Percent ?? 0, completed, !completed && task.DueDate < today, report?.ReportedAt, report?.Note);
            }).ToList(),
            task.Progress.OrderBy(p => p.ReportedAt).Select(p => new ProgressDto(p.Unit.Code, p.Percent, p.Completed, p.Note, p.EvidenceFileId, p.ReportedAt, p.ReportedBy)).ToList(),
            task.Version);
    }
}
