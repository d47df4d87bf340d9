using ThiDua.Core.Inspections;
using ThiDua.Data.Inspections;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// A demo inspection plan of 2026 (Seed:DemoData): the demo inspector checks the Department of Health and Bãi Cháy
/// ward; the Department's finding has one recommendation past its due date and one still running, so the plan, the
/// unit's answer form and the dashboard's overdue list all have something to show.
/// </summary>
public sealed class DemoInspectionSeeder(ThiDuaDbContext db)
{
    public const string Title = "Kiểm tra việc thực hiện phong trào thi đua chuyển đổi số năm 2026";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.InspectionPlans.AnyAsync(cancellationToken))
        {
            return;
        }
        var units = await db.Units.AsNoTracking().Where(u => u.Code == "SO-YT" || u.Code == "X2025-06673-BAICHAY")
            .ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var inspector = await db.Users.AsNoTracking().Where(u => u.UserName == "thanhtra").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (units.Count < 2 || inspector is null)
        {
            return;
        }
        var created = new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc);
        db.InspectionPlans.Add(new InspectionPlan
        {
            Year = 2026,
            Title = Title,
            Scope = "Kiểm tra việc đăng ký, tổ chức thực hiện phong trào; minh chứng tự đánh giá chỉ số DTI năm 2025; tiến độ nhiệm vụ được giao.",
            StartDate = new DateOnly(2026, 9, 15),
            EndDate = new DateOnly(2026, 10, 15),
            CreatedAt = created,
            CreatedBy = "thuongtruc",
            Units = [new InspectionUnit { UnitId = units["SO-YT"] }, new InspectionUnit { UnitId = units["X2025-06673-BAICHAY"] }],
            Members = [new InspectionMember { UserId = inspector }],
            Visits =
            [
                new InspectionVisit { UnitId = units["SO-YT"], Date = new DateOnly(2026, 9, 22), Note = "Làm việc với lãnh đạo Sở và bộ phận chuyển đổi số.", CreatedAt = created.AddDays(21), CreatedBy = "thanhtra" },
                new InspectionVisit { UnitId = units["X2025-06673-BAICHAY"], Date = new DateOnly(2026, 10, 6), Note = "Làm việc tại trụ sở UBND phường.", CreatedAt = created.AddDays(35), CreatedBy = "thanhtra" },
            ],
            Findings =
            [
                new InspectionFinding
                {
                    UnitId = units["SO-YT"],
                    Subject = FindingSubject.Dti,
                    Text = "Một số chỉ tiêu tự đánh giá DTI năm 2025 thiếu minh chứng (tỷ lệ hồ sơ bệnh án điện tử, kết nối liên thông đơn thuốc).",
                    CreatedAt = created.AddDays(22),
                    CreatedBy = "thanhtra",
                    Recommendations =
                    [
                        new InspectionRecommendation { Text = "Bổ sung minh chứng cho các chỉ tiêu còn thiếu.", DueDate = new DateOnly(2026, 10, 31), Status = RecommendationStatus.Open },
                        new InspectionRecommendation { Text = "Hoàn thành kết nối liên thông đơn thuốc điện tử tại các cơ sở khám chữa bệnh công lập.", DueDate = new DateOnly(2027, 3, 31), Status = RecommendationStatus.Open },
                    ],
                },
                new InspectionFinding
                {
                    UnitId = units["X2025-06673-BAICHAY"],
                    Subject = FindingSubject.Tasks,
                    Text = "Phường đã thành lập tổ công nghệ số cộng đồng; việc làm sạch dữ liệu dân cư còn chậm so với kế hoạch.",
                    CreatedAt = created.AddDays(36),
                    CreatedBy = "thanhtra",
                    Recommendations =
                    [
                        new InspectionRecommendation { Text = "Xây dựng lộ trình làm sạch dữ liệu dân cư, báo cáo đoàn kiểm tra.", DueDate = new DateOnly(2027, 1, 15), Status = RecommendationStatus.Open },
                    ],
                },
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
