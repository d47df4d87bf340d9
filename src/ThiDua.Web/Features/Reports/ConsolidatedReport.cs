using MiniExcelLibs;
using ThiDua.Core.Movements;
using ThiDua.Core.Targets;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Movements;
using ThiDua.Web.Features.Targets;
using ThiDua.Web.Features.Tasks;

namespace ThiDua.Web.Features.Reports;

public sealed record BandCount(string Band, int Units);

public sealed record DtiSummary(string FrameworkCode, string FrameworkName, bool Published, int Units, double AverageScore100, IReadOnlyList<BandCount> Bands, IReadOnlyList<ResultItem> Top);

public sealed record UnitReportLine(string UnitCode, string UnitName, string Type, ReportStatus Status, bool? OnTime, string? Summary, string? Proposals);

/// <summary>The Secretariat's consolidated report of a year to the Provincial People's Committee (due 31/12, section VI.6).</summary>
public sealed record ConsolidatedReportDto(
    string MovementCode,
    string MovementName,
    int Year,
    DateOnly Deadline,
    RegistrationStatus Registration,
    ReportStatusDto Reports,
    IReadOnlyList<DtiSummary> Dti,
    IReadOnlyDictionary<string, int> TargetsByStatus,
    IReadOnlyList<TargetProgressItem> Targets,
    double? TaskCompletionRate,
    int TaskUnits,
    IReadOnlyList<UnitReportLine> UnitReports);

/// <summary>Builds the consolidated report from the units' submitted reports and the system's own data.</summary>
public sealed class ConsolidatedReportBuilder(ThiDuaDbContext db, MovementService movements, ReportService reports, ResultsService results, TargetService targets, TaskCompletionService tasks)
{
    public async Task<ConsolidatedReportDto> BuildAsync(string movementCode, int year, CancellationToken cancellationToken = default)
    {
        var movement = await movements.FindAsync(movementCode, tracking: false, cancellationToken);
        var registration = await movements.StatusAsync(movementCode, new DateOnly(year, 12, 31), cancellationToken);
        var status = await reports.StatusAsync(movementCode, year, cancellationToken);

        var dti = new List<DtiSummary>();
        foreach (var framework in await db.Frameworks.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.Code).ToListAsync(cancellationToken))
        {
            var table = await results.PublishedAsync(framework, cancellationToken) ?? await results.LiveAsync(framework, cancellationToken);
            dti.Add(new DtiSummary(framework.Code, framework.Name, table.Published, table.Items.Count,
                table.Items.Count == 0 ? 0 : table.Items.Average(i => i.Score100),
                table.Bands.Select(b => new BandCount(b, table.Items.Count(i => i.Band == b))).ToList(),
                table.Items.Take(5).ToList()));
        }

        var progress = await targets.ProgressAsync(year, cancellationToken);
        var completion = (await tasks.ForAllAsync(Core.Calendar.Phases.ReportedIn(year), cancellationToken)).Values.ToList();
        var unitReports = await reports.SentAsync(movement.Id, year, cancellationToken);
        var typeOf = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Type.ToString(), cancellationToken);

        return new ConsolidatedReportDto(movement.Code, movement.Name, year, AnnualDay.Parse(movement.ConsolidatedDeadline).In(year),
            registration, status, dti, progress.ByStatus, progress.Items,
            completion.Count == 0 ? null : (double)completion.Sum(c => c.Completed) / completion.Sum(c => c.Assigned), completion.Count,
            unitReports.Select(r => new UnitReportLine(r.UnitCode, r.UnitName, typeOf.GetValueOrDefault(r.UnitCode, ""), r.Status, r.OnTime, r.Summary, r.Proposals)).ToList());
    }

    public static byte[] Xlsx(ConsolidatedReportDto report)
    {
        var summary = new List<Dictionary<string, object?>>
        {
            Row("Phong trào", report.MovementName),
            Row("Năm", report.Year),
            Row("Hạn báo cáo UBND tỉnh", report.Deadline.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
            Row("Đơn vị phải tham gia", report.Registration.Total),
            Row("Đã phát động", report.Registration.Launched),
            Row("Đã đăng ký", report.Registration.Registered),
            Row("Báo cáo đúng hạn", report.Reports.OnTime.Count),
            Row("Báo cáo muộn", report.Reports.Late.Count),
            Row("Chưa báo cáo", report.Reports.Missing.Count),
            Row("Tỷ lệ hoàn thành nhiệm vụ", report.TaskCompletionRate is { } r ? Math.Round(r * 100, 1) : null),
        };
        summary.AddRange(report.TargetsByStatus.Select(kv => Row($"Chỉ tiêu: {kv.Key}", kv.Value)));
        var dti = report.Dti.SelectMany(d => d.Bands.Select(b => new Dictionary<string, object?>
        {
            ["Bộ chỉ số"] = d.FrameworkCode,
            ["Đã công bố"] = d.Published ? "Có" : "Chưa",
            ["Số đơn vị"] = d.Units,
            ["Điểm trung bình /100"] = Math.Round(d.AverageScore100, 2),
            ["Xếp loại"] = b.Band,
            ["Số đơn vị xếp loại"] = b.Units,
        })).ToList();
        var targetRows = report.Targets.Select(t => new Dictionary<string, object?>
        {
            ["Mã"] = t.Code,
            ["Chỉ tiêu"] = t.Text,
            ["Giá trị mới nhất"] = t.Latest?.Value,
            ["Năm"] = t.Latest?.Year,
            ["Trạng thái"] = TargetService.VietnameseName(t.Status),
        }).ToList();
        var units = report.UnitReports.Select(u => new Dictionary<string, object?>
        {
            ["Mã đơn vị"] = u.UnitCode,
            ["Đơn vị"] = u.UnitName,
            ["Đúng hạn"] = u.OnTime switch { true => "Đúng hạn", false => "Muộn", _ => "" },
            ["Tóm tắt"] = u.Summary,
            ["Kiến nghị"] = u.Proposals,
        }).ToList();
        var missing = report.Reports.Missing.Select(c => new Dictionary<string, object?> { ["Mã đơn vị chưa báo cáo"] = c }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Tong hop"] = summary,
            ["DTI"] = dti.Count > 0 ? dti : [new() { ["Bộ chỉ số"] = "Chưa có" }],
            ["Chi tieu"] = targetRows,
            ["Bao cao don vi"] = units.Count > 0 ? units : [new() { ["Mã đơn vị"] = "Chưa có" }],
            ["Chua bao cao"] = missing.Count > 0 ? missing : [new() { ["Mã đơn vị chưa báo cáo"] = "Không có" }],
        });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string name, object? value) => new() { ["Nội dung"] = name, ["Giá trị"] = value };
}
