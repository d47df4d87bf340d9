using ThiDua.Core.Assessment;
using ThiDua.Data.Assessment;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Bulk entry from CSV <c>frameworkCode,unitCode,indicatorCode,value</c> (DHIS2-style import): every row is checked;
/// a dry run reports each row's fault and writes nothing; a real run writes only if no row is faulty. A cell is read
/// as a person writes it (<see cref="IndicatorText"/>): "75,5", "75 %", "3/4", "có"; a bare ratio above 1 is refused.
/// </summary>
public sealed class AssessmentImportService(ThiDuaDbContext db, FrameworkService frameworks, CurrentUser user, TimeProvider clock)
{
    private sealed record Accepted(Framework Framework, CompiledFramework Compiled, Unit Unit, int Index, double Raw, string Json);

    public async Task<ImportReport> ImportAsync(Stream csv, bool dryRun, CancellationToken cancellationToken = default)
    {
        var rows = CsvRows.Read(csv, ["frameworkCode", "unitCode", "indicatorCode", "value"]);
        var errors = new List<ImportRowError>();
        var frameworkCache = new Dictionary<string, (Framework, CompiledFramework)?>(StringComparer.OrdinalIgnoreCase);
        var unitCache = new Dictionary<string, Unit?>(StringComparer.OrdinalIgnoreCase);
        var mayEnter = new Dictionary<int, bool>();
        var accepted = new List<Accepted>();
        var seen = new HashSet<(string, string, string)>();

        foreach (var row in rows)
        {
            if (row.Error is not null)
            {
                errors.Add(new ImportRowError(row.Number, row.Error));
                continue;
            }
            var (frameworkCode, unitCode, indicatorCode, text) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3]);
            if (!frameworkCache.TryGetValue(frameworkCode, out var fw))
            {
                var found = await db.Frameworks.FirstOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken);
                frameworkCache[frameworkCode] = fw = found is null ? null : (found, frameworks.Compiled(found));
            }
            if (fw is not var (framework, compiled))
            {
                errors.Add(new ImportRowError(row.Number, $"Không có bộ chỉ số mã {frameworkCode}."));
                continue;
            }
            if (!unitCache.TryGetValue(unitCode, out var unit))
            {
                unitCache[unitCode] = unit = await db.Units.FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken);
            }
            if (unit is null)
            {
                errors.Add(new ImportRowError(row.Number, $"Không có đơn vị mã {unitCode}."));
                continue;
            }
            if (!mayEnter.TryGetValue(unit.Id, out var allowed))
            {
                mayEnter[unit.Id] = allowed = await user.CanAsync(unit.Id, UnitScope.Act);
            }
            if (!allowed)
            {
                errors.Add(new ImportRowError(row.Number, $"Bạn không được nhập số liệu cho {unit.Name}."));
                continue;
            }
            var index = compiled.IndexOf(indicatorCode);
            if (index < 0)
            {
                errors.Add(new ImportRowError(row.Number, $"Bộ chỉ số {frameworkCode} không có chỉ tiêu mã {indicatorCode}."));
                continue;
            }
            if (!seen.Add((framework.Code, unit.Code, compiled.Codes[index])))
            {
                errors.Add(new ImportRowError(row.Number, $"Chỉ tiêu {indicatorCode} của {unitCode} đã có ở một dòng trên."));
                continue;
            }
            try
            {
                FrameworkFit.Ensure(framework.Code, framework.UnitType, framework.Year, unit.Name, unit.Type, unit.Validity);
                var (raw, json) = compiled.ParseText(index, text);
                accepted.Add(new Accepted(framework, compiled, unit, index, raw, json));
            }
            catch (DomainException e)
            {
                errors.Add(new ImportRowError(row.Number, e.Message));
            }
        }

        // Values may only go into assessments the unit can still edit.
        var frameworkIds = accepted.Select(a => a.Framework.Id).Distinct().ToList();
        var byPair = (await db.Assessments.Include(a => a.Values).Where(a => frameworkIds.Contains(a.FrameworkId)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.FrameworkId, a.UnitId));
        foreach (var group in accepted.GroupBy(a => (a.Framework.Id, a.Unit.Id)))
        {
            if (byPair.TryGetValue(group.Key, out var assessment) && !AssessmentWorkflow.UnitCanEdit(assessment.Status))
            {
                var (frameworkCode, unitCode) = (group.First().Framework.Code, group.First().Unit.Code);
                foreach (var row in rows.Where(r => r.Error is null && string.Equals(r.Fields[1], unitCode, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(r.Fields[0], frameworkCode, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new ImportRowError(row.Number, $"Đánh giá của {unitCode} theo {frameworkCode} đã gửi hoặc đã thẩm định: không nhập đè được."));
                }
            }
        }

        var valid = rows.Count - errors.Select(e => e.Row).Distinct().Count();
        if (dryRun || errors.Count > 0)
        {
            return new ImportReport(dryRun, rows.Count, valid, 0, 0, errors.OrderBy(e => e.Row).ToList());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in accepted.GroupBy(a => (a.Framework.Id, a.Unit.Id)))
        {
            if (!byPair.TryGetValue(group.Key, out var assessment))
            {
                assessment = UnitAssessment.Start(group.First().Framework, group.First().Unit, user.UserName, now);
                db.Assessments.Add(assessment);
                created++;
            }
            foreach (var item in group)
            {
                assessment.ValueFor(item.Compiled.Codes[item.Index]).SetSelf(item.Json, item.Raw, user.UserName, now);
            }
            if (assessment.Id != 0)
            {
                db.Entry(assessment).State = EntityState.Modified;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(false, rows.Count, valid, created, accepted.Count, []);
    }
}
