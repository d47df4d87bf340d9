using ThiDua.Core.Assessment;
using ThiDua.Core.Text;
using ThiDua.Data.Assessment;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Reading assessments (R6): one whole, with its values, points, totals and history, or a page of them. Points and
/// totals are derived here from the stored raw values by the framework's engine — the same
/// <see cref="CompiledFramework.Score"/> the rankings use — not stored beside them (ADR 009).
/// </summary>
public sealed class AssessmentService(ThiDuaDbContext db, FrameworkService frameworks, CurrentUser user)
{
    public static string NotFound(int id) => $"Không có đánh giá số {id}.";

    public async Task<AssessmentDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadAsync(id, tracking: false, cancellationToken);
        await user.EnsureVisibleAsync(assessment.UnitId, NotFound(id));
        return ToDto(assessment, frameworks.Compiled(assessment.Framework));
    }

    /// <summary>A page of the assessments the user may see (their unit's, or all for province-wide roles), filtered in SQL.</summary>
    public async Task<PagedList<AssessmentSummary>> ListAsync(string? frameworkCode, string? unitCode, string? status, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Assessments.AsNoTracking();
        if (user.ListScope is int own)
        {
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
            var parsed = ApiCodes.TryParse<AssessmentStatus>(status, out var s) ? s
                : throw DomainException.ForField("status", "Trạng thái không hợp lệ; dùng draft, submitted, returned hoặc appraised.");
            query = query.Where(a => a.Status == parsed);
        }
        var page = await query.OrderBy(a => a.Framework.Code).ThenBy(a => a.Unit.Code)
            .ToPagedListAsync(paging, rows => rows.Include(a => a.Framework).Include(a => a.Unit), cancellationToken);
        var ids = page.Items.Select(a => a.Id).ToList();
        var values = (await db.AssessmentValues.AsNoTracking().Where(v => ids.Contains(v.AssessmentId)).ToListAsync(cancellationToken)).ToLookup(v => v.AssessmentId);
        return page.Select(a =>
        {
            var compiled = frameworks.Compiled(a.Framework);
            var (self, counting) = RawValues(compiled, values[a.Id]);
            return new AssessmentSummary(a.Id, a.Framework.Code, a.Unit.Code, a.Unit.Name, a.Status,
                Total(compiled, self), a.Status == AssessmentStatus.Appraised ? Total(compiled, counting) : null, a.SubmittedAt, a.Version);
        });
    }

    public async Task<UnitAssessment> LoadAsync(int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Assessments.Include(a => a.Framework).Include(a => a.Unit)
            .Include(a => a.Values).ThenInclude(v => v.Evidence).ThenInclude(e => e.File)
            .Include(a => a.Events)
            .AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
    }

    /// <summary>The indicators that require evidence and have a value but no file.</summary>
    public static List<string> MissingEvidence(CompiledFramework compiled, UnitAssessment assessment)
    {
        var missing = new List<string>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            if (compiled.EvidenceRequired[i] && assessment.Find(compiled.Codes[i]) is { SelfRaw: not null, Evidence.Count: 0 })
            {
                missing.Add(compiled.Codes[i]);
            }
        }
        return missing;
    }

    public static AssessmentDto ToDto(UnitAssessment assessment, CompiledFramework compiled)
    {
        var (self, counting) = RawValues(compiled, assessment.Values);
        var values = new List<ValueDto>();
        var missing = new List<string>();
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var v = assessment.Find(compiled.Codes[i]);
            if (v?.SelfRaw is null && compiled.MaxPoints[i] > 0)
            {
                missing.Add(compiled.Codes[i]);
            }
            values.Add(new ValueDto(compiled.Codes[i], compiled.Names[i], compiled.WeightGroupCodes[compiled.WeightGroupOf[i]], compiled.MaxPoints[i],
                compiled.Kinds[i].Code(), compiled.EvidenceRequired[i],
                Element(v?.SelfValue), PointsOf(compiled, i, v?.SelfRaw), v?.Note, v?.UnitResponse, Element(v?.AppraisedValue), PointsOf(compiled, i, v?.AppraisedRaw),
                v?.Decision ?? AppraisalDecision.None, v?.AppraisalReason, v?.ReturnMessage,
                v?.Evidence.Select(e => FileService.ToDto(e.File)).ToList() ?? []));
        }
        var appraised = assessment.Status == AssessmentStatus.Appraised;
        var selfTotal = Total(compiled, self);
        var appraisedTotal = Total(compiled, counting);
        var current = appraised ? appraisedTotal : selfTotal;
        return new AssessmentDto(assessment.Id, assessment.Framework.Code, assessment.Framework.Name, assessment.Framework.Year,
            assessment.Unit.Code, assessment.Unit.Name, assessment.Status, compiled.ScaleMax,
            selfTotal, appraised || assessment.Values.Any(v => v.Decision != AppraisalDecision.None) ? appraisedTotal : null,
            current / compiled.ScaleMax * 100, compiled.Band(current), missing, MissingEvidence(compiled, assessment),
            assessment.ReturnMessage, assessment.SubmittedAt, assessment.AppraisedAt, values,
            assessment.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new AssessmentEventDto(e.At, e.UserName, e.From, e.To, e.Message)).ToList(),
            assessment.Version);
    }

    /// <summary>The unit's raw values and the ones that count after appraisal, by indicator position (NaN = missing).</summary>
    private static (double[] Self, double[] Counting) RawValues(CompiledFramework compiled, IEnumerable<AssessmentValue> values)
    {
        var self = new double[compiled.IndicatorCount];
        var counting = new double[compiled.IndicatorCount];
        Array.Fill(self, double.NaN);
        Array.Fill(counting, double.NaN);
        foreach (var value in values)
        {
            var i = compiled.IndexOf(value.IndicatorCode);
            if (i >= 0)
            {
                (self[i], counting[i]) = (value.SelfOrNaN, value.CountingRaw);
            }
        }
        return (self, counting);
    }

    private static double Total(CompiledFramework compiled, double[] raw) => compiled.Score(raw, new double[compiled.IndicatorCount]);

    private static double? PointsOf(CompiledFramework compiled, int i, double? raw) => raw is double r ? compiled.Points(i, r) : null;

    private static System.Text.Json.JsonElement? Element(string? json) => json is null ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
