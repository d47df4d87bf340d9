using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;
using ThiDua.Core.Units;
using ThiDua.Data;
using ThiDua.Data.Assessment;
using ThiDua.Data.Units;
using ThiDua.Web.Infrastructure.Api;
using ThiDua.Web.Infrastructure.Auth;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Self-assessment, appraisal and bulk entry (R6). Unit reporters and leaders fill their own unit's form; its
/// leader submits and the values lock; the Secretariat accepts, adjusts (with a reason) or returns each value and
/// finalises. Every value change is audited with its old and new value.
/// </summary>
public sealed class AssessmentService(ThiDuaDbContext db, FrameworkService frameworks, TimeProvider clock)
{
    private static readonly string[] ProvinceReaders = [.. Roles.ProvinceWide];

    public async Task<AssessmentCreated> CreateAsync(CreateAssessmentRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(request.FrameworkCode, cancellationToken);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == request.UnitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {request.UnitCode}.");
        user.EnsureCanActFor(unit.Id);
        EnsureFits(framework, unit);
        if (await db.Assessments.AnyAsync(a => a.FrameworkId == framework.Id && a.UnitId == unit.Id, cancellationToken))
        {
            throw new ConflictException($"{unit.Name} đã có đánh giá theo bộ chỉ số {framework.Code}.");
        }
        var assessment = NewAssessment(framework, unit, user);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return new AssessmentCreated(assessment.Id, "draft", framework.Code, unit.Code, assessment.Version);
    }

    public async Task<AssessmentDto> GetAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: false, cancellationToken);
        EnsureCanRead(user, assessment);
        return await ToDtoAsync(assessment, cancellationToken);
    }

    public async Task<IReadOnlyList<AssessmentSummary>> ListAsync(string? frameworkCode, string? unitCode, string? status, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Assessments.AsNoTracking().Include(a => a.Framework).Include(a => a.Unit).AsQueryable();
        if (!ProvinceReaders.Any(user.IsInRole))
        {
            var own = user.UnitId() ?? -1;
            query = query.Where(a => a.UnitId == own);
        }
        if (!string.IsNullOrWhiteSpace(frameworkCode))
        {
            query = query.Where(a => a.Framework.Code == frameworkCode);
        }
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            query = query.Where(a => a.Unit.Code == unitCode);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = Enum.TryParse<AssessmentStatus>(status, ignoreCase: true, out var s) ? s
                : throw DomainException.ForField("status", "Trạng thái không hợp lệ; dùng draft, submitted, returned hoặc appraised.");
            query = query.Where(a => a.Status == parsed);
        }
        var list = await query.OrderBy(a => a.Framework.Code).ThenBy(a => a.Unit.Code).ToListAsync(cancellationToken);
        var ids = list.Select(a => a.Id).ToList();
        var totals = await db.AssessmentValues.Where(v => ids.Contains(v.AssessmentId))
            .GroupBy(v => v.AssessmentId)
            .Select(g => new { g.Key, Self = g.Sum(v => v.SelfPoints ?? 0), Appraised = g.Sum(v => v.AppraisedPoints ?? 0) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        return list.Select(a => new AssessmentSummary(a.Id, a.Framework.Code, a.Unit.Code, a.Unit.Name, StatusCode(a.Status),
            totals.TryGetValue(a.Id, out var t) ? t.Self : 0,
            a.Status == AssessmentStatus.Appraised && totals.TryGetValue(a.Id, out var t2) ? t2.Appraised : null,
            a.SubmittedAt, a.Version)).ToList();
    }

    /// <summary>Saves some of the unit's values (a draft); all entries are checked first and nothing is saved if one is wrong.</summary>
    public async Task<AssessmentDto> SaveValuesAsync(int id, IReadOnlyList<ValueEntry> entries, int? expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: true, cancellationToken);
        EnsureUnitRole(user, assessment);
        if (expectedVersion is int v)
        {
            Versions.EnsureCurrent(assessment.Version, v);
        }
        AssessmentWorkflow.EnsureUnitCanEdit(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);

        var errors = new Dictionary<string, string[]>();
        var parsed = new List<(ValueEntry Entry, int Index, double Raw)>();
        foreach (var entry in entries)
        {
            var index = compiled.IndexOf(entry.IndicatorCode ?? "");
            if (index < 0)
            {
                errors[entry.IndicatorCode ?? "?"] = [$"Bộ chỉ số {assessment.Framework.Code} không có chỉ tiêu mã {entry.IndicatorCode}."];
                continue;
            }
            try
            {
                parsed.Add((entry, index, compiled.ParseValue(index, entry.Value)));
            }
            catch (DomainException e)
            {
                errors[compiled.Codes[index]] = [e.Message];
            }
        }
        var fileIds = entries.SelectMany(e => e.EvidenceFileIds ?? []).Distinct().ToList();
        var files = await db.Files.Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var (entry, index, _) in parsed)
        {
            foreach (var fileId in entry.EvidenceFileIds ?? [])
            {
                if (!files.TryGetValue(fileId, out var file) || (file.UnitId is int owner && owner != assessment.UnitId))
                {
                    errors[compiled.Codes[index]] = [$"Chỉ tiêu {compiled.Codes[index]}: không có tệp minh chứng {fileId} (tải lên bằng POST /api/v1/files)."];
                }
            }
        }
        if (entries.GroupBy(e => e.IndicatorCode, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors[duplicate.Key] = [$"Chỉ tiêu {duplicate.Key} được gửi hai lần."];
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors.First().Value[0], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (entry, index, raw) in parsed)
        {
            var value = assessment.Values.FirstOrDefault(x => string.Equals(x.IndicatorCode, compiled.Codes[index], StringComparison.OrdinalIgnoreCase));
            if (value is null)
            {
                value = new AssessmentValue { IndicatorCode = compiled.Codes[index] };
                assessment.Values.Add(value);
            }
            var newValue = double.IsNaN(raw) ? null : entry.Value.GetRawText();
            var changed = value.SelfRaw != (double.IsNaN(raw) ? null : raw);
            value.SelfValue = newValue;
            value.SelfRaw = double.IsNaN(raw) ? null : raw;
            value.SelfPoints = double.IsNaN(raw) ? null : compiled.Points(index, raw);
            if (entry.Note is not null)
            {
                value.Note = Clean(entry.Note);
            }
            if (entry.Response is not null)
            {
                value.UnitResponse = Clean(entry.Response);
            }
            if (changed && value.Decision != AppraisalDecision.None)
            {
                // A value the unit changed after appraisal must be appraised again.
                value.Decision = value.Decision == AppraisalDecision.Returned ? AppraisalDecision.Returned : AppraisalDecision.None;
                value.AppraisedValue = null;
                value.AppraisedRaw = null;
                value.AppraisedPoints = null;
            }
            if (entry.EvidenceFileIds is { } ids)
            {
                value.Evidence.RemoveAll(e => !ids.Contains(e.FileId));
                foreach (var fileId in ids.Where(f => !value.Evidence.Any(e => e.FileId == f)))
                {
                    value.Evidence.Add(new AssessmentEvidence { FileId = fileId });
                }
            }
            value.UpdatedAt = now;
            value.UpdatedBy = user.Identity?.Name;
        }
        Touch(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    /// <summary>Attaches one more evidence file to an indicator (the form's upload button).</summary>
    public async Task AddEvidenceAsync(int id, string indicatorCode, Guid fileId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: true, cancellationToken);
        EnsureUnitRole(user, assessment);
        AssessmentWorkflow.EnsureUnitCanEdit(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);
        var index = compiled.IndexOf(indicatorCode);
        if (index < 0)
        {
            throw DomainException.ForField("indicatorCode", $"Không có chỉ tiêu mã {indicatorCode}.");
        }
        var value = assessment.Values.FirstOrDefault(x => x.IndicatorCode == compiled.Codes[index]);
        if (value is null)
        {
            value = new AssessmentValue { IndicatorCode = compiled.Codes[index] };
            assessment.Values.Add(value);
        }
        value.Evidence.Add(new AssessmentEvidence { FileId = fileId });
        value.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        value.UpdatedBy = user.Identity?.Name;
        Touch(assessment);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AssessmentDto> SubmitAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: true, cancellationToken);
        if (!user.IsInRole(Roles.UnitLeader) || user.UnitId() != assessment.UnitId)
        {
            throw new ForbiddenException("Chỉ lãnh đạo đơn vị được gửi đánh giá của đơn vị mình.");
        }
        AssessmentWorkflow.EnsureCanSubmit(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);
        var withoutEvidence = MissingEvidence(compiled, assessment);
        if (withoutEvidence.Count > 0)
        {
            throw new DomainException($"Còn {withoutEvidence.Count} chỉ tiêu bắt buộc có tài liệu kiểm chứng chưa có minh chứng: {string.Join(", ", withoutEvidence)}.",
                withoutEvidence.ToDictionary(c => c, c => new[] { $"Chỉ tiêu {c} cần tài liệu kiểm chứng." }));
        }
        Move(assessment, AssessmentStatus.Submitted, user, null);
        assessment.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        assessment.SubmittedBy = user.Identity?.Name;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    public async Task<AssessmentDto> ReturnAsync(int id, string message, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: true, cancellationToken);
        AssessmentWorkflow.EnsureCanAppraise(assessment.Status);
        assessment.ReturnMessage = Clean(message);
        Move(assessment, AssessmentStatus.Returned, user, assessment.ReturnMessage);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    public async Task<AssessmentDto> AppraiseAsync(int id, IReadOnlyList<AppraisalEntry> entries, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: true, cancellationToken);
        AssessmentWorkflow.EnsureCanAppraise(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);
        var errors = new Dictionary<string, string[]>();
        var decisions = new List<(int Index, AppraisalDecision Decision, double Raw, string? Json, string? Reason, string? Message)>();
        foreach (var entry in entries)
        {
            var index = compiled.IndexOf(entry.IndicatorCode ?? "");
            if (index < 0)
            {
                errors[entry.IndicatorCode ?? "?"] = [$"Không có chỉ tiêu mã {entry.IndicatorCode}."];
                continue;
            }
            var code = compiled.Codes[index];
            var own = assessment.Values.FirstOrDefault(x => x.IndicatorCode == code);
            var selfRaw = own?.SelfRaw ?? double.NaN;
            var action = entry.Action?.Trim().ToLowerInvariant();
            try
            {
                if (action == "return")
                {
                    if (string.IsNullOrWhiteSpace(entry.Message) && string.IsNullOrWhiteSpace(entry.Reason))
                    {
                        throw DomainException.ForField(code, $"Chỉ tiêu {code}: cần nội dung yêu cầu giải trình (message).");
                    }
                    decisions.Add((index, AppraisalDecision.Returned, double.NaN, null, null, Clean(entry.Message ?? entry.Reason)));
                    continue;
                }
                if (action is not (null or "accept" or "adjust"))
                {
                    throw DomainException.ForField(code, $"Chỉ tiêu {code}: hành động '{entry.Action}' không có; dùng accept, adjust hoặc return.");
                }
                var hasValue = entry.Value.ValueKind is not (JsonValueKind.Undefined);
                var raw = action == "accept" || !hasValue ? selfRaw : compiled.ParseValue(index, entry.Value);
                var same = SameValue(raw, selfRaw);
                if (action == "adjust" && same)
                {
                    throw DomainException.ForField(code, $"Chỉ tiêu {code}: giá trị điều chỉnh trùng giá trị đơn vị tự đánh giá.");
                }
                if (!same && string.IsNullOrWhiteSpace(entry.Reason))
                {
                    throw DomainException.ForField(code, $"Chỉ tiêu {code}: điều chỉnh khác giá trị đơn vị tự đánh giá phải có lý do (reason).");
                }
                var json = double.IsNaN(raw) ? null : same ? own?.SelfValue : entry.Value.GetRawText();
                decisions.Add((index, same ? AppraisalDecision.Accepted : AppraisalDecision.Adjusted, raw, json, same ? Clean(entry.Reason) : Clean(entry.Reason), null));
            }
            catch (DomainException e)
            {
                errors[code] = [e.Message];
            }
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors.First().Value[0], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (index, decision, raw, json, reason, message) in decisions)
        {
            var code = compiled.Codes[index];
            var value = assessment.Values.FirstOrDefault(x => x.IndicatorCode == code);
            if (value is null)
            {
                value = new AssessmentValue { IndicatorCode = code };
                assessment.Values.Add(value);
            }
            value.Decision = decision;
            if (decision == AppraisalDecision.Returned)
            {
                value.ReturnMessage = message;
            }
            else
            {
                value.AppraisedRaw = double.IsNaN(raw) ? null : raw;
                value.AppraisedValue = json;
                value.AppraisedPoints = double.IsNaN(raw) ? null : compiled.Points(index, raw);
                value.AppraisalReason = reason;
            }
            value.UpdatedAt = now;
            value.UpdatedBy = user.Identity?.Name;
        }
        Touch(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    /// <summary>Finalises the appraisal: every indicator without the appraiser's word keeps the unit's value.</summary>
    public async Task<AssessmentDto> FinalizeAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: true, cancellationToken);
        AssessmentWorkflow.EnsureCanAppraise(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);
        foreach (var value in assessment.Values.Where(v => v.Decision is AppraisalDecision.None or AppraisalDecision.Returned))
        {
            var index = compiled.IndexOf(value.IndicatorCode);
            value.Decision = AppraisalDecision.Accepted;
            value.AppraisedRaw = value.SelfRaw;
            value.AppraisedValue = value.SelfValue;
            value.AppraisedPoints = value.SelfRaw is double raw && index >= 0 ? compiled.Points(index, raw) : null;
        }
        Move(assessment, AssessmentStatus.Appraised, user, null);
        assessment.AppraisedAt = clock.GetUtcNow().UtcDateTime;
        assessment.AppraisedBy = user.Identity?.Name;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    /// <summary>
    /// Bulk entry from CSV <c>frameworkCode,unitCode,indicatorCode,value</c> (DHIS2-style import): every row is
    /// checked; a dry run reports each row's fault and writes nothing; a real run writes only if no row is faulty.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream csv, bool dryRun, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var rows = CsvRows.Read(csv, ["frameworkCode", "unitCode", "indicatorCode", "value"]);
        var errors = new List<ImportRowError>();
        var frameworkCache = new Dictionary<string, (Framework, CompiledFramework)?>(StringComparer.OrdinalIgnoreCase);
        var unitCache = new Dictionary<string, Unit?>(StringComparer.OrdinalIgnoreCase);
        var accepted = new List<(Framework Framework, CompiledFramework Compiled, Unit Unit, int Index, double Raw, string Json)>();
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
            if (fw is not { } f)
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
            if (!user.CanActFor(unit.Id))
            {
                errors.Add(new ImportRowError(row.Number, $"Bạn không được nhập số liệu cho {unit.Name}."));
                continue;
            }
            var index = f.Item2.IndexOf(indicatorCode);
            if (index < 0)
            {
                errors.Add(new ImportRowError(row.Number, $"Bộ chỉ số {frameworkCode} không có chỉ tiêu mã {indicatorCode}."));
                continue;
            }
            if (!seen.Add((f.Item1.Code, unit.Code, f.Item2.Codes[index])))
            {
                errors.Add(new ImportRowError(row.Number, $"Chỉ tiêu {indicatorCode} của {unitCode} đã có ở một dòng trên."));
                continue;
            }
            try
            {
                EnsureFits(f.Item1, unit);
                var json = CsvValueToJson(text);
                var raw = f.Item2.ParseValue(index, JsonDocument.Parse(json).RootElement);
                accepted.Add((f.Item1, f.Item2, unit, index, raw, json));
            }
            catch (DomainException e)
            {
                errors.Add(new ImportRowError(row.Number, e.Message));
            }
        }

        // Values may only go into assessments the unit can still edit.
        var pairs = accepted.Select(a => (a.Framework.Id, a.Unit.Id)).Distinct().ToList();
        var frameworkIds = pairs.Select(p => p.Item1).Distinct().ToList();
        var existing = await db.Assessments.Include(a => a.Values)
            .Where(a => frameworkIds.Contains(a.FrameworkId))
            .ToListAsync(cancellationToken);
        var byPair = existing.ToDictionary(a => (a.FrameworkId, a.UnitId));
        foreach (var group in accepted.GroupBy(a => (a.Framework.Id, a.Unit.Id)))
        {
            if (byPair.TryGetValue(group.Key, out var assessment) && !AssessmentWorkflow.UnitCanEdit(assessment.Status))
            {
                foreach (var row in rows.Where(r => r.Error is null && string.Equals(r.Fields[1], group.First().Unit.Code, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(r.Fields[0], group.First().Framework.Code, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new ImportRowError(row.Number, $"Đánh giá của {group.First().Unit.Code} theo {group.First().Framework.Code} đã gửi hoặc đã thẩm định: không nhập đè được."));
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
            var first = group.First();
            if (!byPair.TryGetValue(group.Key, out var assessment))
            {
                assessment = NewAssessment(first.Framework, first.Unit, user);
                db.Assessments.Add(assessment);
                created++;
            }
            foreach (var item in group)
            {
                var code = item.Compiled.Codes[item.Index];
                var value = assessment.Values.FirstOrDefault(v => v.IndicatorCode == code);
                if (value is null)
                {
                    value = new AssessmentValue { IndicatorCode = code };
                    assessment.Values.Add(value);
                }
                value.SelfValue = double.IsNaN(item.Raw) ? null : item.Json;
                value.SelfRaw = double.IsNaN(item.Raw) ? null : item.Raw;
                value.SelfPoints = double.IsNaN(item.Raw) ? null : item.Compiled.Points(item.Index, item.Raw);
                value.UpdatedAt = now;
                value.UpdatedBy = user.Identity?.Name;
            }
            if (assessment.Id != 0)
            {
                Touch(assessment);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(false, rows.Count, valid, created, accepted.Count, []);
    }

    /// <summary>A CSV cell as JSON: numbers with '.' or ',' as decimal mark, true/false, "3/4" as a ratio, anything else an option code.</summary>
    public static string CsvValueToJson(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return "null";
        }
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return t.ToLowerInvariant();
        }
        if (double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }
        var slash = t.Split('/');
        if (slash.Length == 2 && double.TryParse(slash[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.TryParse(slash[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return $"{{\"numerator\":{n.ToString("R", CultureInfo.InvariantCulture)},\"denominator\":{d.ToString("R", CultureInfo.InvariantCulture)}}}";
        }
        return JsonSerializer.Serialize(t);
    }

    public async Task<UnitAssessment> LoadAsync(int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Assessments.Include(a => a.Framework).Include(a => a.Unit)
            .Include(a => a.Values).ThenInclude(v => v.Evidence).ThenInclude(e => e.File)
            .Include(a => a.Events)
            .AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có đánh giá số {id}.");
    }

    public static void EnsureCanRead(ClaimsPrincipal user, UnitAssessment assessment)
    {
        if (!user.CanActFor(assessment.UnitId, ProvinceReaders))
        {
            throw new NotFoundException($"Không có đánh giá số {assessment.Id}.");
        }
    }

    private static void EnsureUnitRole(ClaimsPrincipal user, UnitAssessment assessment)
    {
        EnsureCanRead(user, assessment);
        if (!Roles.UnitScoped.Any(user.IsInRole) || user.UnitId() != assessment.UnitId)
        {
            throw new ForbiddenException("Chỉ cán bộ, lãnh đạo của đơn vị được nhập giá trị tự đánh giá.");
        }
    }

    /// <summary>A unit is assessed with a framework of its type (mass organisations with the departments' one) and of a year it existed in.</summary>
    private static void EnsureFits(Framework framework, Unit unit)
    {
        var typeFits = unit.Type == framework.UnitType || (unit.Type == UnitType.MassOrg && framework.UnitType == UnitType.Department);
        if (!typeFits)
        {
            throw DomainException.ForField("unitCode", $"{unit.Name} ({unit.Type.VietnameseName()}) không thuộc đối tượng của bộ chỉ số {framework.Code} ({framework.UnitType.VietnameseName()}).");
        }
        if (!unit.Validity.Overlaps(new DateOnly(framework.Year, 1, 1), new DateOnly(framework.Year, 12, 31)))
        {
            throw DomainException.ForField("unitCode", $"{unit.Name} không có hiệu lực trong năm {framework.Year}.");
        }
    }

    private UnitAssessment NewAssessment(Framework framework, Unit unit, ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = new UnitAssessment
        {
            FrameworkId = framework.Id,
            Framework = framework,
            UnitId = unit.Id,
            Unit = unit,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            CreatedBy = user.Identity?.Name,
        };
        assessment.Events.Add(new AssessmentEvent { At = now, UserName = user.Identity?.Name, To = AssessmentStatus.Draft, Message = "Tạo đánh giá" });
        return assessment;
    }

    private void Move(UnitAssessment assessment, AssessmentStatus to, ClaimsPrincipal user, string? message)
    {
        assessment.Events.Add(new AssessmentEvent { At = clock.GetUtcNow().UtcDateTime, UserName = user.Identity?.Name, From = assessment.Status, To = to, Message = message });
        assessment.Status = to;
    }

    /// <summary>The assessment's version moves with every change to its values, so two editors learn of each other.</summary>
    private void Touch(UnitAssessment assessment) => db.Entry(assessment).State = assessment.Id == 0 ? EntityState.Added : EntityState.Modified;

    private static List<string> MissingEvidence(CompiledFramework compiled, UnitAssessment assessment)
    {
        var missing = new List<string>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            if (!compiled.EvidenceRequired[i])
            {
                continue;
            }
            var value = assessment.Values.FirstOrDefault(v => string.Equals(v.IndicatorCode, compiled.Codes[i], StringComparison.OrdinalIgnoreCase));
            if (value?.SelfRaw is not null && value.Evidence.Count == 0)
            {
                missing.Add(compiled.Codes[i]);
            }
        }
        return missing;
    }

    private static bool SameValue(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) < 1e-9;

    private static string StatusCode(AssessmentStatus status) => status.ToString().ToLowerInvariant();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static JsonElement? Element(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private async Task<AssessmentDto> ToDtoAsync(UnitAssessment assessment, CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var compiled = frameworks.Compiled(assessment.Framework);
        var byCode = assessment.Values.ToDictionary(v => v.IndicatorCode, StringComparer.OrdinalIgnoreCase);
        var values = new List<ValueDto>();
        var missing = new List<string>();
        double selfTotal = 0, appraisedTotal = 0;
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            byCode.TryGetValue(compiled.Codes[i], out var v);
            if (v?.SelfRaw is null && compiled.MaxPoints[i] > 0)
            {
                missing.Add(compiled.Codes[i]);
            }
            selfTotal += v?.SelfPoints ?? 0;
            appraisedTotal += v?.AppraisedPoints ?? v?.SelfPoints ?? 0;
            values.Add(new ValueDto(compiled.Codes[i], compiled.Names[i], compiled.WeightGroupCodes[compiled.WeightGroupOf[i]], compiled.MaxPoints[i],
                compiled.Kinds[i].Code(), compiled.EvidenceRequired[i],
                Element(v?.SelfValue), v?.SelfPoints, v?.Note, v?.UnitResponse, Element(v?.AppraisedValue), v?.AppraisedPoints,
                (v?.Decision ?? AppraisalDecision.None).ToString().ToLowerInvariant(), v?.AppraisalReason, v?.ReturnMessage,
                v?.Evidence.Select(e => FileService.ToDto(e.File)).ToList() ?? []));
        }
        var appraised = assessment.Status == AssessmentStatus.Appraised;
        var current = appraised ? appraisedTotal : selfTotal;
        return new AssessmentDto(assessment.Id, assessment.Framework.Code, assessment.Framework.Name, assessment.Framework.Year,
            assessment.Unit.Code, assessment.Unit.Name, StatusCode(assessment.Status), compiled.ScaleMax,
            selfTotal, appraised || assessment.Values.Any(v => v.Decision != AppraisalDecision.None) ? appraisedTotal : null,
            current / compiled.ScaleMax * 100, compiled.Band(current), missing, MissingEvidence(compiled, assessment),
            assessment.ReturnMessage, assessment.SubmittedAt, assessment.AppraisedAt, values,
            assessment.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new AssessmentEventDto(e.At, e.UserName, e.From?.ToString().ToLowerInvariant(), e.To.ToString().ToLowerInvariant(), e.Message)).ToList(),
            assessment.Version);
    }
}
