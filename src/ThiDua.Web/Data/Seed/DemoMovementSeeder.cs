using ThiDua.Core.Movements;
using ThiDua.Core.Units;
using ThiDua.Data.Feedback;
using ThiDua.Data.Movements;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Demo participation (Seed:DemoData): most units launched and registered in 2022 (the 2025 communes in 2025),
/// annual reports of 2024 and 2025 — on time, late and missing — and two feedback threads. The demo accounts'
/// own units are left partly undone so a new user can do it.
/// </summary>
public sealed class DemoMovementSeeder(ThiDuaDbContext db)
{
    private static readonly string[] Commitments =
    [
        "Hoàn thành 100% nhiệm vụ chuyển đổi số được giao trong năm.",
        "Đạt loại Tốt (từ 85/100 điểm) trong đánh giá mức độ chuyển đổi số hằng năm.",
        "100% hồ sơ công việc được xử lý trên môi trường mạng.",
    ];

    /// <summary>The demo province's standing council: the three demo members, under an illustrative decision.</summary>
    public const string CouncilCode = "HDTDKT-TINH";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedCouncilAsync(cancellationToken);
        var movement = await db.Movements.FirstAsync(m => m.Code == MovementSeeder.Code, cancellationToken);
        if (await db.Participations.AnyAsync(p => p.MovementId == movement.Id, cancellationToken))
        {
            return;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.Type != UnitType.Province && u.Type != UnitType.Enterprise).OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var k = 0;
        foreach (var unit in units)
        {
            k++;
            if (unit.Code is "X2025-06673-BAICHAY" || k % 23 == 0)
            {
                continue; // not yet registered: shows in "missing"
            }
            var launched = unit.ValidFrom.Year >= 2025 ? unit.ValidFrom.AddDays(10 + (k % 20)) : new DateOnly(2022, 8, 1).AddDays(k % 60);
            db.Participations.Add(new Participation
            {
                MovementId = movement.Id,
                UnitId = unit.Id,
                LaunchedOn = launched,
                LaunchDocument = $"Kế hoạch phát động Phong trào thi đua \"Chuyển đổi số toàn diện\" của {unit.Name}",
                RegisteredAt = k % 31 == 0 ? null : launched.AddDays(7).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                RegisteredBy = "system",
                Commitments = k % 31 == 0 ? [] : Commitments.Select((text, i) => new Commitment { Position = i + 1, Text = text }).ToList(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        // Annual reports: most on time, some late (after 15/12), some missing.
        foreach (var year in new[] { 2024, 2025 })
        {
            var yearEnd = new DateOnly(year, 12, 15);
            var position = 0;
            foreach (var unit in units.Where(u => u.Validity.Contains(yearEnd) && u.Type != UnitType.District))
            {
                position++;
                if (position % 11 == 0 || (year == 2025 && unit.Code is "SO-YT" or "X2025-06673-BAICHAY"))
                {
                    continue;
                }
                var late = position % 7 == 0;
                // 09:00 Vietnam time, some days before the deadline — or after it for the late ones.
                var submitted = new DateTime(year, 12, late ? 17 : 10, 2, 0, 0, DateTimeKind.Utc).AddDays(-(position % 5));
                db.AnnualReports.Add(new AnnualReport
                {
                    MovementId = movement.Id,
                    UnitId = unit.Id,
                    Year = year,
                    Summary = $"Năm {year}, {unit.Name} tiếp tục triển khai Phong trào thi đua \"Chuyển đổi số toàn diện\", gắn với cải cách hành chính.",
                    Results = "Hoàn thành các cam kết đã đăng ký; 100% văn bản đi được ký số; tỷ lệ hồ sơ trực tuyến toàn trình tăng so với năm trước.",
                    DtiAndTasks = "Kết quả đánh giá DTI và nhiệm vụ được giao theo số liệu trên hệ thống.",
                    Proposals = position % 3 == 0 ? "Đề nghị tỉnh hỗ trợ kinh phí nâng cấp hạ tầng mạng nội bộ." : null,
                    Status = ReportStatus.Submitted,
                    FirstSubmittedAt = submitted,
                    SubmittedAt = submitted,
                    SubmittedBy = "system",
                    CreatedAt = submitted.AddDays(-5),
                    CreatedBy = "system",
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var health = units.First(u => u.Code == "SO-YT");
        db.FeedbackThreads.Add(new FeedbackThread
        {
            UnitId = health.Id,
            Subject = "Hướng dẫn minh chứng chỉ tiêu HD1.1",
            Body = "Đề nghị hướng dẫn loại tài liệu kiểm chứng được chấp nhận cho tỷ lệ hồ sơ trực tuyến toàn trình.",
            Status = FeedbackStatus.Answered,
            CreatedAt = new DateTime(2025, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            CreatedBy = "soyte.baocao",
            Replies = [new FeedbackReply { Body = "Đơn vị gửi báo cáo thống kê trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.", FromBoard = true, CreatedAt = new DateTime(2025, 11, 22, 3, 0, 0, DateTimeKind.Utc), CreatedBy = "banthidua" }],
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedCouncilAsync(CancellationToken cancellationToken)
    {
        if (await db.Councils.AnyAsync(cancellationToken))
        {
            return;
        }
        var province = await db.Units.FirstAsync(u => u.Type == UnitType.Province, cancellationToken);
        var members = await db.Users.Where(u => u.UserName!.StartsWith("hoidong")).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(cancellationToken);
        db.Councils.Add(new ThiDua.Data.Rewards.Council
        {
            Code = CouncilCode,
            Name = "Hội đồng Thi đua – Khen thưởng tỉnh Quảng Ninh (dữ liệu minh hoạ)",
            IssuingUnitId = province.Id,
            EstablishedByNumber = "01/QĐ-UBND (minh hoạ)",
            EstablishedByDate = new DateOnly(2022, 1, 4),
            TermFrom = new DateOnly(2022, 1, 4),
            Members = members.Select(id => new ThiDua.Data.Rewards.CouncilMember { UserId = id }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
