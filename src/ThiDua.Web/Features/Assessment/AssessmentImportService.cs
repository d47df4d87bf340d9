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

    /// <summary>The rows a file may have: a national file is 3,321 units × 300 indicators (996,300 rows); the size limit bounds it too.</summary>
    public const int MaxRows = 2_000_000;

    /// <summary>
    /// Checks (and unless <paramref name="dryRun"/>, writes) the CSV in <paramref name="csv"/>. The file is read twice,
    /// row by row, rather than held as rows: first for the codes it names (units and assessments are then read with one
    /// query each), then to check every row. A national file (a million rows) is checked without a query per unit and
    /// without loading any assessment's values.
    /// </summary>
    public async Task<ImportReport> ImportAsync(MemoryStream csv, bool dryRun, CancellationToken cancellationToken = default)
    {
        string[] columns = ["frameworkCode", "unitCode", "indicatorCode", "value"];
        Stream Pass() => new MemoryStream(csv.GetBuffer(), 0, (int)csv.Length, writable: false);

        // Pass 1: the codes the file names.
        var frameworkCodes = new HashSet<string>(StringComparer.Ordinal);
        var unitCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Each(Pass(), columns, MaxRows))
        {
            if (row.Error is null)
            {
                frameworkCodes.Add(row.Fields[0]);
                unitCodes.Add(row.Fields[1]);
            }
        }
        var frameworkCache = new Dictionary<string, (Framework, CompiledFramework)?>(StringComparer.OrdinalIgnoreCase);
        var foundFrameworks = await db.Frameworks.Where(f => frameworkCodes.Contains(f.Code)).ToListAsync(cancellationToken);
        var unitCodeList = unitCodes.ToList();
        // As each code was looked up before: the database's own comparison, the first spelling of a code decides.
        var foundUnits = await db.Units.Where(u => unitCodeList.Contains(u.Code)).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        var frameworkIds = foundFrameworks.Select(f => f.Id).ToList();
        var unitIds = foundUnits.Values.Select(u => u.Id).ToList();
        // The state of the assessments concerned (not their values): whether the unit may still edit them.
        var states = (await db.Assessments.AsNoTracking().Where(a => frameworkIds.Contains(a.FrameworkId) && unitIds.Contains(a.UnitId))
                .Select(a => new { a.Id, a.FrameworkId, a.UnitId, a.Status, a.Version }).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.FrameworkId, a.UnitId));

        // Pass 2: every row checked.
        var errors = new List<ImportRowError>();
        var unitCache = new Dictionary<string, Unit?>(StringComparer.OrdinalIgnoreCase);
        var mayEnter = new Dictionary<int, bool>();
        var accepted = new List<Accepted>();
        var acceptedPairs = new HashSet<(int, int)>();
        var lockedRows = new Dictionary<(int, int), List<int>>();
        var seen = new HashSet<(int, int, int)>();
        var rowCount = 0;
        var acceptedCount = 0;

        foreach (var row in CsvRows.Each(Pass(), columns, MaxRows))
        {
            rowCount++;
            if (row.Error is not null)
            {
                errors.Add(new ImportRowError(row.Number, row.Error));
                continue;
            }
            var (frameworkCode, unitCode, indicatorCode, text) = (row.Fields[0], row.Fields[1], row.Fields[2], row.Fields[3]);
            if (!frameworkCache.TryGetValue(frameworkCode, out var fw))
            {
                var found = foundFrameworks.FirstOrDefault(f => f.Code == frameworkCode);
                frameworkCache[frameworkCode] = fw = found is null ? null : (found, frameworks.Compiled(found));
            }
            if (fw is not var (framework, compiled))
            {
                errors.Add(new ImportRowError(row.Number, $"Không có bộ chỉ số mã {frameworkCode}."));
                continue;
            }
            if (!unitCache.TryGetValue(unitCode, out var unit))
            {
                unitCache[unitCode] = unit = foundUnits.GetValueOrDefault(unitCode);
            }
            if (unit is null)
            {
                errors.Add(new ImportRowError(row.Number, $"Không có đơn vị mã {unitCode}."));
                continue;
            }
            // Every row of an assessment the unit can no longer edit is refused — reported once the file is read, as before.
            var pair = (framework.Id, unit.Id);
            if (states.TryGetValue(pair, out var state) && !AssessmentWorkflow.UnitCanEdit(state.Status))
            {
                if (!lockedRows.TryGetValue(pair, out var numbers))
                {
                    lockedRows[pair] = numbers = [];
                }
                numbers.Add(row.Number);
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
            if (!seen.Add((framework.Id, unit.Id, index)))
            {
                errors.Add(new ImportRowError(row.Number, $"Chỉ tiêu {indicatorCode} của {unitCode} đã có ở một dòng trên."));
                continue;
            }
            try
            {
                FrameworkFit.Ensure(framework.Code, framework.UnitType, framework.Year, unit.Name, unit.Type, unit.Validity);
                var (raw, json) = compiled.ParseText(index, text);
                acceptedPairs.Add(pair);
                acceptedCount++;
                if (!dryRun)
                {
                    accepted.Add(new Accepted(framework, compiled, unit, index, raw, json));
                }
            }
            catch (DomainException e)
            {
                errors.Add(new ImportRowError(row.Number, e.Message));
            }
        }

        // Values may only go into assessments the unit can still edit.
        foreach (var (pair, numbers) in lockedRows.Where(l => acceptedPairs.Contains(l.Key)))
        {
            var (frameworkCode, unitCode) = (foundFrameworks.First(f => f.Id == pair.Item1).Code, foundUnits.Values.First(u => u.Id == pair.Item2).Code);
            errors.AddRange(numbers.Select(n => new ImportRowError(n, $"Đánh giá của {unitCode} theo {frameworkCode} đã gửi hoặc đã thẩm định: không nhập đè được.")));
        }

        var valid = rowCount - errors.Select(e => e.Row).Distinct().Count();
        if (dryRun || errors.Count > 0)
        {
            return new ImportReport(dryRun, rowCount, valid, 0, 0, errors.OrderBy(e => e.Row).ToList());
        }

        // The assessments written to, with their values, in one query (only those the file fills).
        var existingIds = accepted.Select(a => (a.Framework.Id, a.Unit.Id)).Distinct().Where(states.ContainsKey).Select(p => states[p].Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var byId = await db.Assessments.Include(a => a.Values).Where(a => existingIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var created = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in accepted.GroupBy(a => (a.Framework.Id, a.Unit.Id)))
        {
            if (!states.TryGetValue(group.Key, out var state) || !byId.TryGetValue(state.Id, out var assessment))
            {
                assessment = UnitAssessment.Start(group.First().Framework, group.First().Unit, user.UserName, now);
                db.Assessments.Add(assessment);
                created++;
            }
            var byCode = new Dictionary<string, AssessmentValue>(StringComparer.OrdinalIgnoreCase);
            assessment.Values.ForEach(v => byCode.TryAdd(v.IndicatorCode, v));
            foreach (var item in group)
            {
                var code = item.Compiled.Codes[item.Index];
                if (!byCode.TryGetValue(code, out var value))
                {
                    byCode[code] = value = assessment.ValueFor(code);
                }
                value.SetSelf(item.Json, item.Raw, user.UserName, now);
            }
            if (assessment.Id != 0)
            {
                db.Entry(assessment).State = EntityState.Modified;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(false, rowCount, valid, created, acceptedCount, []);
    }
}
