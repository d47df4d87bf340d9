using ThiDua.Core.Assessment;
using ThiDua.Data.Assessment;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// The unit's self-assessment (R6): its reporters and leader fill their own unit's values with evidence; the leader
/// submits and the values lock. Every value change is audited with its old and new value.
/// </summary>
public sealed class SelfAssessmentService(ThiDuaDbContext db, FrameworkService frameworks, AssessmentService assessments, NotificationService notifications, CurrentUser user, TimeProvider clock)
{
    public async Task<AssessmentCreated> CreateAsync(CreateAssessmentRequest request, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(request.FrameworkCode, cancellationToken);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == request.UnitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {request.UnitCode}.");
        await user.EnsureAsync(unit.Id, UnitScope.Act);
        FrameworkFit.Ensure(framework.Code, framework.UnitType, framework.Year, unit.Name, unit.Type, unit.Validity);
        if (await db.Assessments.AnyAsync(a => a.FrameworkId == framework.Id && a.UnitId == unit.Id, cancellationToken))
        {
            throw new ConflictException($"{unit.Name} đã có đánh giá theo bộ chỉ số {framework.Code}.");
        }
        var assessment = UnitAssessment.Start(framework, unit, user.UserName, clock.GetUtcNow().UtcDateTime);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return new AssessmentCreated(assessment.Id, assessment.Status, framework.Code, unit.Code, assessment.Version);
    }

    /// <summary>Saves some of the unit's values (a draft); all entries are checked first and nothing is saved if one is wrong.</summary>
    public async Task<AssessmentDto> SaveValuesAsync(int id, IReadOnlyList<ValueEntry> entries, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        // One query for what the save needs (the assessment, its framework, unit and values); evidence and history only
        // for the answer, below. The whole aggregate used to be loaded twice (before and after), with split queries.
        var assessment = await db.Assessments.Include(a => a.Framework).Include(a => a.Unit).Include(a => a.Values)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException(AssessmentService.NotFound(id));
        await user.EnsureOnRecordAsync(assessment.UnitId, UnitScope.Staff, AssessmentService.NotFound(id), "Chỉ cán bộ, lãnh đạo của đơn vị được nhập giá trị tự đánh giá.");
        if (expectedVersion is int v)
        {
            Versions.EnsureCurrent(assessment.Version, v);
        }
        AssessmentWorkflow.EnsureUnitCanEdit(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);

        var errors = new Dictionary<string, string[]>();
        var parsed = new List<(ValueEntry Entry, int Index, double Raw, string Json)>();
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
                var (raw, json) = compiled.Read(index, entry.Value);
                parsed.Add((entry, index, raw, json));
            }
            catch (DomainException e)
            {
                errors[compiled.Codes[index]] = [e.Message];
            }
        }
        await CheckEvidenceAsync(parsed.Select(p => (compiled.Codes[p.Index], p.Entry.EvidenceFileIds)), assessment.UnitId, errors, cancellationToken);
        if (entries.GroupBy(e => e.IndicatorCode, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors[duplicate.Key] = [$"Chỉ tiêu {duplicate.Key} được gửi hai lần."];
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors.First().Value[0], errors);
        }

        // Evidence (tracked, so that a changed list is written) and the history are loaded once, for the save and the answer.
        await db.Set<AssessmentEvidence>().Include(e => e.File).Where(e => e.Value.AssessmentId == id).LoadAsync(cancellationToken);
        await db.Entry(assessment).Collection(a => a.Events).LoadAsync(cancellationToken);

        // Only a value that really changes is written: an unchanged one keeps its version and gets no audit entry, so a
        // form saved whole (300 values) costs one row per value the unit changed, not 300 updates and 300 audit entries.
        var now = clock.GetUtcNow().UtcDateTime;
        var byCode = new Dictionary<string, AssessmentValue>(StringComparer.OrdinalIgnoreCase);
        assessment.Values.ForEach(x => byCode.TryAdd(x.IndicatorCode, x));
        var changed = 0;
        foreach (var (entry, index, raw, json) in parsed)
        {
            var code = compiled.Codes[index];
            byCode.TryGetValue(code, out var existing);
            if (existing is not null && !Changes(existing, entry, raw, json))
            {
                continue;
            }
            var value = existing ?? assessment.ValueFor(code);
            value.SetSelf(json, raw, user.UserName, now);
            if (entry.Note is not null)
            {
                value.Note = Clean(entry.Note);
            }
            if (entry.Response is not null)
            {
                value.UnitResponse = Clean(entry.Response);
            }
            if (entry.EvidenceFileIds is { } ids)
            {
                value.Evidence.RemoveAll(e => !ids.Contains(e.FileId));
                value.Evidence.AddRange(ids.Where(f => !value.Evidence.Any(e => e.FileId == f)).Select(f => new AssessmentEvidence { FileId = f }));
            }
            changed++;
        }
        if (changed > 0)
        {
            Touch(assessment);
            await db.SaveChangesAsync(cancellationToken);
            var added = assessment.Values.SelectMany(x => x.Evidence).Where(e => e.File is null).Select(e => e.FileId).Distinct().ToList();
            if (added.Count > 0)
            {
                // Newly attached files, for the answer (they were checked above).
                await db.Files.Where(f => added.Contains(f.Id)).LoadAsync(cancellationToken);
            }
        }
        // The answer is built from what is in memory (the saved state), exactly as a fresh read would give it.
        return AssessmentService.ToDto(assessment, compiled);
    }

    /// <summary>Whether an entry changes the stored value (its value, note, answer or evidence as the save would set them).</summary>
    private static bool Changes(AssessmentValue value, ValueEntry entry, double raw, string json)
    {
        double? stored = double.IsNaN(raw) ? null : raw;
        if (value.SelfRaw != stored || value.SelfValue != (stored is null ? null : json))
        {
            return true;
        }
        if (entry.Note is not null && value.Note != Clean(entry.Note))
        {
            return true;
        }
        if (entry.Response is not null && value.UnitResponse != Clean(entry.Response))
        {
            return true;
        }
        return entry.EvidenceFileIds is { } ids && !ids.ToHashSet().SetEquals(value.Evidence.Select(e => e.FileId));
    }

    /// <summary>Attaches one more evidence file to an indicator (the form's upload button).</summary>
    public async Task AddEvidenceAsync(int id, string indicatorCode, Guid fileId, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadForUnitAsync(id, cancellationToken);
        AssessmentWorkflow.EnsureUnitCanEdit(assessment.Status);
        var compiled = frameworks.Compiled(assessment.Framework);
        var index = compiled.IndexOf(indicatorCode);
        if (index < 0)
        {
            throw DomainException.ForField("indicatorCode", $"Không có chỉ tiêu mã {indicatorCode}.");
        }
        var value = assessment.ValueFor(compiled.Codes[index]);
        value.Evidence.Add(new AssessmentEvidence { FileId = fileId });
        value.Touch(user.UserName, clock.GetUtcNow().UtcDateTime);
        Touch(assessment);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AssessmentDto> SubmitAsync(int id, CancellationToken cancellationToken = default)
    {
        var assessment = await assessments.LoadAsync(id, tracking: true, cancellationToken);
        await user.EnsureOnRecordAsync(assessment.UnitId, UnitScope.Lead, AssessmentService.NotFound(id), "Chỉ lãnh đạo đơn vị được gửi đánh giá của đơn vị mình.");
        AssessmentWorkflow.EnsureCanSubmit(assessment.Status);
        var withoutEvidence = AssessmentService.MissingEvidence(frameworks.Compiled(assessment.Framework), assessment);
        if (withoutEvidence.Count > 0)
        {
            throw new DomainException($"Còn {withoutEvidence.Count} chỉ tiêu bắt buộc có tài liệu kiểm chứng chưa có minh chứng: {string.Join(", ", withoutEvidence)}.",
                withoutEvidence.ToDictionary(c => c, c => new[] { $"Chỉ tiêu {c} cần tài liệu kiểm chứng." }));
        }
        var resubmitted = assessment.Status == AssessmentStatus.Returned;
        assessment.MoveTo(AssessmentStatus.Submitted, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(new Recipients([Roles.Secretariat]),
            $"{assessment.Unit.Name} {(resubmitted ? "đã gửi lại" : "đã gửi")} bản tự đánh giá DTI năm {assessment.Framework.Year}",
            $"Bản tự đánh giá theo {assessment.Framework.Name} chờ thẩm định.", $"/danh-gia/{id}/tham-dinh", cancellationToken);
        return await assessments.GetAsync(id, cancellationToken);
    }

    /// <summary>The assessment, for its own unit's staff only: others learn nothing (404) or may not enter values (403).</summary>
    private async Task<UnitAssessment> LoadForUnitAsync(int id, CancellationToken cancellationToken)
    {
        var assessment = await assessments.LoadAsync(id, tracking: true, cancellationToken);
        await user.EnsureOnRecordAsync(assessment.UnitId, UnitScope.Staff, AssessmentService.NotFound(id), "Chỉ cán bộ, lãnh đạo của đơn vị được nhập giá trị tự đánh giá.");
        return assessment;
    }

    /// <summary>Evidence must be files uploaded by this unit (or by a province-wide role).</summary>
    private async Task CheckEvidenceAsync(IEnumerable<(string Code, List<Guid>? FileIds)> wanted, int unitId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var list = wanted.Where(w => w.FileIds is { Count: > 0 }).ToList();
        var fileIds = list.SelectMany(w => w.FileIds!).Distinct().ToList();
        var files = await db.Files.Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var (code, ids) in list)
        {
            foreach (var fileId in ids!)
            {
                if (!files.TryGetValue(fileId, out var file) || (file.UnitId is int owner && owner != unitId))
                {
                    errors[code] = [$"Chỉ tiêu {code}: không có tệp minh chứng {fileId} (tải lên bằng POST /api/v1/files)."];
                }
            }
        }
    }

    /// <summary>The assessment's version moves with every change to its values, so two editors learn of each other.</summary>
    private void Touch(UnitAssessment assessment) => db.Entry(assessment).State = assessment.Id == 0 ? EntityState.Added : EntityState.Modified;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);
}
