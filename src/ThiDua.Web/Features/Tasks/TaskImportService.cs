using System.Globalization;
using MiniExcelLibs;
using ThiDua.Data.Tasks;
using ThiDua.Web.Infrastructure;

namespace ThiDua.Web.Features.Tasks;

/// <summary>Tasks of the assigning documents entered in bulk from a CSV or XLSX table (R9), checked row by row.</summary>
public sealed class TaskImportService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Imports tasks from CSV or XLSX with columns sourceDocument, code, title, assigneeUnitCodes (separated by ';'),
    /// dueDate (yyyy-MM-dd or dd/MM/yyyy), description. Every row is checked; a dry run writes nothing, nor does a run with faults.
    /// </summary>
    public async Task<TaskImportReport> ImportAsync(Stream content, bool xlsx, bool dryRun, CancellationToken cancellationToken = default)
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
                errors.Add(new CsvRowError(row.Number, "Thiếu một trong các cột bắt buộc: văn bản giao, mã nhiệm vụ, nội dung, đơn vị được giao, hạn."));
                continue;
            }
            var source = TaskService.NormalizeDocument(f[0]);
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
                CreatedBy = user.UserName,
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
}
