using System.Globalization;
using System.Text;
using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Core.Units;
using ThiDua.Data.Assessment;
using ThiDua.Data.Files;
using ThiDua.Data.Units;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Demo data for the DTI pages (Seed:DemoData): the four illustrative frameworks, every unit's 2024 assessment
/// appraised and published, and 2025 assessments in every state — appraised, submitted, returned, draft — except
/// for the demo accounts' own units (Sở Y tế, Phường Bãi Cháy), left for a new user to fill in. Values are drawn
/// from a fixed seed per unit, so every start produces the same data; a merged 2025 commune inherits the level
/// of its 2024 predecessors.
/// </summary>
public sealed class DemoAssessmentSeeder(ThiDuaDbContext db, FrameworkService frameworks, ResultsService results, FileService files, TimeProvider clock, ILogger<DemoAssessmentSeeder> logger)
{
    /// <summary>Units left without a 2025 assessment for the walk-through.</summary>
    public static readonly IReadOnlySet<string> LeftForTheDemo = new HashSet<string> { "SO-YT", "X2025-06673-BAICHAY" };

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Frameworks.AnyAsync(cancellationToken))
        {
            return;
        }
        foreach (var definition in DemoFrameworks.All())
        {
            await frameworks.CreateAsync(definition, cancellationToken);
        }
        var evidence = await files.SaveAsync(DemoPdf("ThiDua - tai lieu kiem chung minh hoa (du lieu demo)"), "minh-chung-minh-hoa.pdf", FileTypes.Evidence, cancellationToken);
        var units = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var lineage = await db.UnitLineage.AsNoTracking().ToListAsync(cancellationToken);
        var levels = new Dictionary<int, double>();

        foreach (var year in new[] { 2024, 2025 })
        {
            var yearEnd = new DateOnly(year, 12, 31);
            foreach (var communes in new[] { false, true })
            {
                var (framework, compiled) = await frameworks.CompiledAsync(DemoFrameworks.Code(year, communes), cancellationToken);
                var cohort = units.Where(u => u.Validity.Contains(yearEnd)
                        && (communes ? u.Type == UnitType.Commune : u.Type is UnitType.Department or UnitType.MassOrg))
                    .OrderBy(u => u.Code, StringComparer.Ordinal)
                    .ToList();
                var position = 0;
                foreach (var unit in cohort)
                {
                    if (year == 2025 && LeftForTheDemo.Contains(unit.Code))
                    {
                        continue;
                    }
                    var level = Level(unit, year, levels, lineage);
                    var status = year == 2024 ? AssessmentStatus.Appraised : StatusOf2025(position++);
                    db.Assessments.Add(Assessment(framework, compiled, unit, level, status, evidence, year));
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        foreach (var communes in new[] { false, true })
        {
            await results.PublishAsync(DemoFrameworks.Code(2024, communes), notify: false, cancellationToken: cancellationToken);
        }
        logger.LogInformation("Seeded the demo DTI frameworks and assessments");
    }

    /// <summary>Most 2025 assessments are appraised; every eighth is waiting for appraisal, every thirteenth returned, every seventeenth a draft.</summary>
    private static AssessmentStatus StatusOf2025(int position) => position switch
    {
        _ when position % 17 == 5 => AssessmentStatus.Draft,
        _ when position % 13 == 3 => AssessmentStatus.Returned,
        _ when position % 8 == 1 => AssessmentStatus.Submitted,
        _ => AssessmentStatus.Appraised,
    };

    /// <summary>A unit's overall level (0–1): drawn from its code in 2024; in 2025 last year's level (or its predecessors' mean) plus some progress.</summary>
    private static double Level(Unit unit, int year, Dictionary<int, double> levels, IReadOnlyList<UnitLineage> lineage)
    {
        var random = RandomFor(unit.Code, year);
        double level;
        if (year == 2024 || (!levels.ContainsKey(unit.Id) && !lineage.Any(l => l.SuccessorId == unit.Id && levels.ContainsKey(l.PredecessorId))))
        {
            level = 0.50 + (0.45 * random.NextDouble());
        }
        else
        {
            var basis = levels.TryGetValue(unit.Id, out var own) ? own
                : lineage.Where(l => l.SuccessorId == unit.Id && levels.ContainsKey(l.PredecessorId)).Average(l => levels[l.PredecessorId]);
            level = Math.Min(0.99, basis + 0.02 + (0.06 * random.NextDouble()));
        }
        levels[unit.Id] = level;
        return level;
    }

    private UnitAssessment Assessment(Framework framework, CompiledFramework compiled, Unit unit, double level, AssessmentStatus status, StoredFile evidence, int year)
    {
        var random = RandomFor(unit.Code + "/values", year);
        var submitted = new DateTime(year, 12, 5, 2, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 200));
        var assessment = new UnitAssessment
        {
            FrameworkId = framework.Id,
            UnitId = unit.Id,
            Status = status,
            CreatedAt = submitted.AddDays(-20),
            CreatedBy = "system",
            SubmittedAt = status == AssessmentStatus.Draft ? null : submitted,
            SubmittedBy = status == AssessmentStatus.Draft ? null : "system",
            AppraisedAt = status == AssessmentStatus.Appraised ? submitted.AddDays(10) : null,
            AppraisedBy = status == AssessmentStatus.Appraised ? "system" : null,
            ReturnMessage = status == AssessmentStatus.Returned ? "Đề nghị bổ sung tài liệu kiểm chứng cho chỉ tiêu HD1.1." : null,
        };
        assessment.Events.Add(new AssessmentEvent { At = assessment.CreatedAt, UserName = "system", To = AssessmentStatus.Draft, Message = "Dữ liệu minh hoạ" });
        if (status != AssessmentStatus.Draft)
        {
            assessment.Events.Add(new AssessmentEvent { At = submitted, UserName = "system", From = AssessmentStatus.Draft, To = AssessmentStatus.Submitted });
        }
        if (status is AssessmentStatus.Appraised or AssessmentStatus.Returned)
        {
            assessment.Events.Add(new AssessmentEvent { At = submitted.AddDays(10), UserName = "system", From = AssessmentStatus.Submitted, To = status, Message = assessment.ReturnMessage });
        }

        // One unit in five had a value lowered at appraisal, for lack of evidence.
        var adjusted = status == AssessmentStatus.Appraised && random.NextDouble() < 0.2 ? compiled.IndexOf("HD1.1") : -1;
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < compiled.IndicatorCount; i++)
        {
            var raw = DemoValue(compiled, i, level, random);
            var value = new AssessmentValue
            {
                IndicatorCode = compiled.Codes[i],
                SelfValue = ValueJson(compiled, i, raw),
                SelfRaw = raw,
                UpdatedAt = now,
                UpdatedBy = "system",
            };
            if (compiled.EvidenceRequired[i])
            {
                value.Evidence.Add(new AssessmentEvidence { FileId = evidence.Id });
            }
            if (status == AssessmentStatus.Appraised)
            {
                var appraisedRaw = i == adjusted ? Math.Round(raw * 0.6, 2) : raw;
                value.Decision = i == adjusted ? AppraisalDecision.Adjusted : AppraisalDecision.Accepted;
                value.AppraisalReason = i == adjusted ? "Số liệu chưa khớp báo cáo của hệ thống giải quyết thủ tục hành chính; tính theo số liệu hệ thống." : null;
                value.AppraisedRaw = appraisedRaw;
                value.AppraisedValue = ValueJson(compiled, i, appraisedRaw);
            }
            if (status == AssessmentStatus.Returned && compiled.Codes[i] == "HD1.1")
            {
                value.Decision = AppraisalDecision.Returned;
                value.ReturnMessage = "Đề nghị gửi báo cáo thống kê hồ sơ trực tuyến toàn trình trích từ Hệ thống thông tin giải quyết thủ tục hành chính.";
            }
            assessment.Values.Add(value);
        }
        return assessment;
    }

    /// <summary>A plausible value for a unit at <paramref name="level"/> (0–1), with noise.</summary>
    private static double DemoValue(CompiledFramework compiled, int i, double level, Random random)
    {
        var noisy = Math.Clamp(level + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
        var rule = compiled.Definition.Indicators().ElementAt(i).Indicator.Rule;
        return compiled.Kinds[i] switch
        {
            RuleKind.Boolean => noisy > 0.45 ? 1 : 0,
            RuleKind.Ratio => Math.Round(noisy, 2),
            RuleKind.Index => Math.Round(noisy, 2),
            RuleKind.Manual => Math.Round(noisy * compiled.MaxPoints[i] * 2, MidpointRounding.AwayFromZero) / 2,
            RuleKind.Steps => Math.Round((rule.Steps!.Max(s => s.Min) * 1.2 * noisy) + (rule.Steps!.Max(s => s.Min) >= 5 ? 0 : 0.05), rule.Steps!.Max(s => s.Min) >= 5 ? 0 : 1),
            RuleKind.Goalposts when rule.Direction == "down" => Math.Round(rule.High!.Value - ((rule.High.Value - rule.Low!.Value) * noisy)),
            RuleKind.Goalposts => Math.Round(rule.Low!.Value + ((rule.High!.Value - rule.Low.Value) * noisy)),
            RuleKind.Choice => noisy > 0.75 ? 0 : noisy > 0.45 ? 1 : 2,
            _ => 0,
        };
    }

    private static string ValueJson(CompiledFramework compiled, int i, double raw) =>
        JsonSerializer.Serialize(compiled.DisplayValue(i, raw));

    private static Random RandomFor(string key, int year)
    {
        // FNV-1a: string.GetHashCode differs between processes, this does not.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{key}|{year}"))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return new Random((int)(hash & 0x7FFFFFFF));
    }

    /// <summary>A one-page PDF with a line of text, written by hand with correct cross-reference offsets.</summary>
    public static byte[] DemoPdf(string text)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var stream = $"BT /F1 14 Tf 72 770 Td ({text.Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)}) Tj ET";
        objects[3] = $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var k = 0; k < objects.Length; k++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{k + 1} 0 obj\n{objects[k]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
