using ThiDua.Data.Tasks;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// A few illustrative tasks (Seed:DemoData) of the kind Decision 1488/QĐ-UBND and Plans 59 and 60/KH-UBND assign —
/// marked illustrative: the documents themselves are not at hand, the Secretariat enters or imports the real ones.
/// </summary>
public sealed class DemoTaskSeeder(ThiDuaDbContext db, TimeProvider clock)
{
    private sealed record Demo(string Source, string Code, string Title, DateOnly Due, string[] Units, (string Unit, double Percent, bool Completed, string Note)[] Progress);

    private static readonly Demo[] Tasks =
    [
        new("1488/QĐ-UBND", "1488-NV01", "Xây dựng, vận hành Trung tâm điều hành thông minh (IOC) cấp tỉnh", new DateOnly(2023, 12, 31), ["SO-TTTT"],
            [("SO-TTTT", 100, true, "IOC vận hành từ tháng 10/2023")]),
        new("1488/QĐ-UBND", "1488-NV02", "Hoàn thành cơ sở dữ liệu chuyên ngành y tế, kết nối nền tảng dữ liệu dùng chung của tỉnh", new DateOnly(2023, 12, 31), ["SO-YT"],
            [("SO-YT", 100, true, "Đã kết nối LGSP")]),
        new("1488/QĐ-UBND", "1488-NV03", "Số hoá hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", new DateOnly(2024, 12, 31), ["SO-YT", "SO-GDDT", "SO-TP", "H-193-HALONG"],
            [("SO-YT", 100, true, ""), ("SO-GDDT", 80, false, "Còn hồ sơ giai đoạn 2015–2018"), ("SO-TP", 100, true, ""), ("H-193-HALONG", 100, true, "")]),
        new("59/KH-UBND", "59-NV01", "Triển khai nền tảng học trực tuyến mở đại trà cho cán bộ, công chức", new DateOnly(2025, 6, 30), ["SO-NV", "SO-TTTT"],
            [("SO-NV", 100, true, ""), ("SO-TTTT", 100, true, "")]),
        new("59/KH-UBND", "59-NV02", "Thành lập và duy trì tổ công nghệ số cộng đồng tại các xã, phường", new DateOnly(2023, 6, 30), ["X-06673-BAICHAY", "X-06679-HUNGTHANG", "X-06652-HAPHONG"],
            [("X-06673-BAICHAY", 100, true, ""), ("X-06679-HUNGTHANG", 100, true, ""), ("X-06652-HAPHONG", 60, false, "")]),
        new("60/KH-UBND", "60-NV01", "Ứng dụng định danh, xác thực điện tử VNeID trong giải quyết thủ tục hành chính", new DateOnly(2025, 12, 31), ["SO-YT", "X2025-06673-BAICHAY", "X2025-06652-HATU"],
            [("SO-YT", 70, false, "Đã áp dụng cho 70 % thủ tục")]),
        new("60/KH-UBND", "60-NV02", "Làm sạch dữ liệu dân cư phục vụ Đề án 06 trên địa bàn", new DateOnly(2027, 12, 31), ["X2025-06673-BAICHAY", "X2025-06652-HATU"], []),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Tasks.AnyAsync(cancellationToken))
        {
            return;
        }
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in Tasks)
        {
            db.Tasks.Add(new AssignedTask
            {
                SourceDocument = demo.Source,
                Code = demo.Code,
                Title = demo.Title,
                Description = "Nhiệm vụ minh hoạ; thay bằng danh mục nhiệm vụ chính thức khi nhập.",
                DueDate = demo.Due,
                Illustrative = true,
                CreatedAt = now,
                CreatedBy = "system",
                Assignees = demo.Units.Select(u => new TaskAssignee { UnitId = units[u] }).ToList(),
                Progress = demo.Progress.Select(p => new TaskProgressReport
                {
                    UnitId = units[p.Unit],
                    Percent = p.Percent,
                    Completed = p.Completed,
                    Note = string.IsNullOrEmpty(p.Note) ? null : p.Note,
                    ReportedAt = demo.Due.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-10) < now ? demo.Due.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-10) : now,
                    ReportedBy = "system",
                }).ToList(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
