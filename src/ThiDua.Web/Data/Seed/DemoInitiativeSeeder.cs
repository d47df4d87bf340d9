using SkiaSharp;
using ThiDua.Core.Initiatives;
using ThiDua.Data.Initiatives;
using ThiDua.Web.Features.Initiatives;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// A few illustrative initiatives and models (Seed:DemoData) in each state, so that the review list, the public gallery
/// and a nomination's evidence are not empty: one published and featured with a picture drawn here, one published,
/// one waiting for review, one returned. Marked illustrative; units submit the real ones.
/// </summary>
public sealed class DemoInitiativeSeeder(ThiDuaDbContext db, FileService files, TimeProvider clock)
{
    private sealed record Demo(string Unit, InitiativeKind Kind, InitiativeSector Sector, string Title, string Description, string? Results,
        (string Name, string? Position)[] Authors, InitiativeStatus Status, DateTime SubmittedAt, bool Featured = false, string? ReturnReason = null, bool WithPicture = false);

    private static readonly Demo[] Demos =
    [
        new("X2025-06673-BAICHAY", InitiativeKind.Model, InitiativeSector.DigitalSociety, "Tổ công nghệ số cộng đồng “đi từng ngõ, gõ từng nhà”",
            "Tổ công nghệ số cộng đồng của các khu phố hướng dẫn người dân cài đặt, kích hoạt định danh điện tử, nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt ngay tại nhà; mỗi tổ viên phụ trách 50 hộ. (Dữ liệu minh hoạ.)",
            "Sau 6 tháng, tỷ lệ hồ sơ trực tuyến toàn trình của phường tăng từ 45 % lên 82 %; 9.500 người dân kích hoạt tài khoản định danh điện tử mức 2.",
            [("Trần Thị Mai", "Công chức Văn phòng – Thống kê"), ("Lê Văn Hùng", "Tổ trưởng tổ công nghệ số cộng đồng")],
            InitiativeStatus.Published, new DateTime(2025, 9, 10, 2, 0, 0, DateTimeKind.Utc), Featured: true, WithPicture: true),
        new("SO-YT", InitiativeKind.Initiative, InitiativeSector.Health, "Sổ sức khoẻ điện tử liên thông giữa các tuyến",
            "Giải pháp kết nối bệnh án điện tử của bệnh viện tuyến tỉnh với trạm y tế xã qua nền tảng dữ liệu dùng chung, người bệnh xem sổ sức khoẻ điện tử trên ứng dụng định danh. (Dữ liệu minh hoạ.)",
            "Giảm 30 % xét nghiệm trùng lặp khi chuyển tuyến; 120.000 sổ sức khoẻ điện tử được lập.",
            [("Nguyễn Văn Bình", "Phó Giám đốc Sở Y tế")], InitiativeStatus.Published, new DateTime(2025, 8, 20, 2, 0, 0, DateTimeKind.Utc)),
        new("X2025-06673-BAICHAY", InitiativeKind.Initiative, InitiativeSector.Tourism, "Bản đồ số điểm đến du lịch phường Bãi Cháy",
            "Bản đồ số các điểm đến, cơ sở lưu trú đạt chuẩn và điểm thanh toán không dùng tiền mặt, tích hợp trên cổng thông tin của phường. (Dữ liệu minh hoạ.)",
            null, [("Phạm Thu Hà", "Chuyên viên Văn hoá – Xã hội")], InitiativeStatus.Submitted, new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc)),
        new("SO-GDDT", InitiativeKind.Model, InitiativeSector.Education, "Lớp học số cho học sinh vùng biển đảo",
            "Mô hình lớp học trực tuyến kết nối giáo viên cốt cán với học sinh các điểm trường vùng biển đảo. (Dữ liệu minh hoạ.)",
            null, [], InitiativeStatus.Returned, new DateTime(2026, 10, 15, 2, 0, 0, DateTimeKind.Utc),
            ReturnReason: "Đề nghị bổ sung số liệu kết quả (số lớp, số học sinh tham gia) và ảnh minh hoạ."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Initiatives.AnyAsync(cancellationToken))
        {
            return;
        }
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        foreach (var demo in Demos.Where(d => units.ContainsKey(d.Unit)))
        {
            var reviewed = demo.Status == InitiativeStatus.Submitted ? (DateTime?)null : demo.SubmittedAt.AddDays(7);
            var initiative = new Initiative
            {
                UnitId = units[demo.Unit],
                Kind = demo.Kind,
                Sector = demo.Sector,
                Title = demo.Title,
                Description = demo.Description,
                Results = demo.Results,
                Status = demo.Status,
                Featured = demo.Featured,
                ReturnReason = demo.ReturnReason,
                SubmittedAt = demo.SubmittedAt,
                SubmittedBy = DisplayNames.SystemUser,
                ReviewedAt = reviewed,
                ReviewedBy = reviewed is null ? null : DisplayNames.SystemUser,
                PublishedAt = demo.Status == InitiativeStatus.Published ? demo.SubmittedAt.AddDays(10) : null,
                PublishedBy = demo.Status == InitiativeStatus.Published ? DisplayNames.SystemUser : null,
                FeaturedAt = demo.Featured ? demo.SubmittedAt.AddDays(10) : null,
                Authors = demo.Authors.Select((a, n) => new InitiativeAuthor { Ordinal = n + 1, FullName = a.Name, Position = a.Position }).ToList(),
            };
            if (demo.WithPicture)
            {
                var image = InitiativeImages.Process(Picture(), FileTypes.Png);
                var stored = await files.SaveAsync(image.Content, "to-cong-nghe-so-cong-dong.png", FileTypes.Images, cancellationToken);
                var thumbnail = await files.SaveAsync(image.Thumbnail, "anh-thu-nho-to-cong-nghe-so-cong-dong", new HashSet<string> { FileTypes.Jpeg }, cancellationToken);
                initiative.Files.Add(new InitiativeFile
                {
                    FileId = stored.Id, ThumbnailFileId = thumbnail.Id, IsImage = true, Width = image.Width, Height = image.Height,
                    Caption = "Tổ công nghệ số cộng đồng hướng dẫn người dân dùng dịch vụ công trực tuyến (hình minh hoạ)",
                    AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = DisplayNames.SystemUser,
                });
            }
            db.Initiatives.Add(initiative);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An illustration drawn with shapes only (the seed has no photograph, and no font is needed): a phone, a house, a signal.</summary>
    private static byte[] Picture()
    {
        using var bitmap = new SKBitmap(1200, 800);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 800), [new SKColor(0x0B, 0x5C, 0x9E), new SKColor(0x8E, 0xC5, 0xEB)], SKShaderTileMode.Clamp);
            using var background = new SKPaint { Shader = sky };
            canvas.DrawRect(0, 0, 1200, 800, background);
            using var fill = new SKPaint { IsAntialias = true, Color = new SKColor(0xF4, 0xF1, 0xE8) };
            canvas.DrawRect(180, 380, 360, 280, fill);
            using var roof = SKPath.ParseSvgPathData("M150 390 L360 230 L570 390 Z");
            fill.Color = new SKColor(0xC0, 0x39, 0x2B);
            canvas.DrawPath(roof, fill);
            fill.Color = new SKColor(0x22, 0x22, 0x22);
            canvas.DrawRoundRect(new SKRect(720, 250, 940, 680), 28, 28, fill);
            fill.Color = new SKColor(0xFF, 0xD5, 0x4F);
            canvas.DrawRoundRect(new SKRect(740, 290, 920, 630), 12, 12, fill);
            using var signal = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 14, Color = SKColors.White };
            foreach (var radius in new[] { 60f, 110f, 160f })
            {
                canvas.DrawArc(new SKRect(830 - radius, 200 - radius, 830 + radius, 200 + radius), 220, 100, false, signal);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
