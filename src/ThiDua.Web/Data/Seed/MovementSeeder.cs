using ThiDua.Core.Rewards;
using ThiDua.Data.Movements;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// The movement of Decision 2025/QĐ-UBND of 15/07/2022 with the phases and milestones of its section V (reference
/// data, every environment): 2022 plan and launch (100 % of units launch and register), mid-term review in Q4/2023,
/// 2024–2025 continued, final review in Q4/2025, then the phase 2026–2030. Added only when missing.
/// </summary>
public sealed class MovementSeeder(ThiDuaDbContext db)
{
    public const string Code = "CDS-2022-2025";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Movements.AnyAsync(m => m.Code == Code, cancellationToken))
        {
            await SeedRoundsAsync(cancellationToken);
            return;
        }
        db.Movements.Add(new Movement
        {
            Code = Code,
            Name = "Phong trào thi đua Chuyển đổi số toàn diện tỉnh Quảng Ninh giai đoạn 2022–2025",
            DecisionNumber = "2025/QĐ-UBND",
            DecisionDate = new DateOnly(2022, 7, 15),
            StartDate = new DateOnly(2022, 7, 15),
            EndDate = new DateOnly(2030, 12, 31),
            ReportDeadline = "12-15",
            ConsolidatedDeadline = "12-31",
            Description = "Kế hoạch tổ chức thực hiện Phong trào thi đua \"Chuyển đổi số toàn diện\" trên địa bàn tỉnh Quảng Ninh giai đoạn 2022–2025 "
                + "(kèm theo Quyết định số 2025/QĐ-UBND ngày 15/7/2022 của Chủ tịch UBND tỉnh); Sở Thông tin và Truyền thông là cơ quan thường trực "
                + "(từ 01/3/2025 nhiệm vụ chuyển sang Sở Khoa học và Công nghệ).",
            Phases =
            [
                new() { Code = "2022-2023", Name = "Năm 2022–2023: phát động, đăng ký, sơ kết", StartDate = new DateOnly(2022, 7, 15), EndDate = new DateOnly(2023, 12, 31) },
                new() { Code = "2024-2025", Name = "Năm 2024–2025: tiếp tục triển khai, tổng kết", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2025, 12, 31) },
                new() { Code = "2026-2030", Name = "Giai đoạn 2026–2030", StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2030, 12, 31) },
            ],
            Milestones =
            [
                new() { Code = "KE-HOACH-2022", Title = "Ban hành Kế hoạch và tổ chức triển khai thực hiện", DueDate = new DateOnly(2022, 7, 15), PhaseCode = "2022-2023",
                    Description = "Quyết định số 2025/QĐ-UBND ngày 15/7/2022 (mục V.1)." },
                new() { Code = "PHAT-DONG-2022", Title = "100% sở, ban, ngành, đoàn thể tỉnh, UBND cấp huyện, cấp xã, cơ quan, đơn vị triển khai, phát động Phong trào thi đua trong phạm vi lĩnh vực, đối tượng phụ trách",
                    StartDate = new DateOnly(2022, 7, 15), DueDate = new DateOnly(2022, 12, 31), PhaseCode = "2022-2023" },
                new() { Code = "DANG-KY-2022", Title = "Các cơ quan, đơn vị, địa phương đăng ký thực hiện Phong trào thi đua",
                    StartDate = new DateOnly(2022, 7, 15), DueDate = new DateOnly(2022, 12, 31), PhaseCode = "2022-2023" },
                new() { Code = "SO-KET-2023", Title = "Sơ kết, đánh giá rút kinh nghiệm Phong trào thi đua (Quý IV/2023)",
                    StartDate = new DateOnly(2023, 10, 1), DueDate = new DateOnly(2023, 12, 31), PhaseCode = "2022-2023" },
                new() { Code = "TRIEN-KHAI-2024-2025", Title = "Tiếp tục triển khai Phong trào thi đua theo kế hoạch",
                    StartDate = new DateOnly(2024, 1, 1), DueDate = new DateOnly(2025, 12, 31), PhaseCode = "2024-2025" },
                new() { Code = "TONG-KET-2025", Title = "Tổng kết Phong trào thi đua giai đoạn 2022–2025 (Quý IV/2025)",
                    StartDate = new DateOnly(2025, 10, 1), DueDate = new DateOnly(2025, 12, 31), PhaseCode = "2024-2025" },
                new() { Code = "GIAI-DOAN-2026-2030", Title = "Hội đồng Thi đua – Khen thưởng tỉnh tiếp tục triển khai Phong trào thi đua giai đoạn 2026–2030",
                    StartDate = new DateOnly(2026, 1, 1), DueDate = new DateOnly(2030, 12, 31), PhaseCode = "2026-2030" },
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
        await SeedRoundsAsync(cancellationToken);
    }

    /// <summary>
    /// Section IV.3 and V: every year each unit rewards within its authority; the mid-term review in Q4/2023 and the final
    /// review in Q4/2025 (held on 20 December, judging by default the DTI of the year before); the plan continues to 2030.
    /// Added once, for a database made before rounds were data.
    /// </summary>
    private async Task SeedRoundsAsync(CancellationToken cancellationToken)
    {
        var movement = await db.Movements.Include(m => m.Rounds).FirstAsync(m => m.Code == Code, cancellationToken);
        if (movement.Rounds.Count > 0)
        {
            return;
        }
        for (var year = 2022; year <= 2030; year++)
        {
            movement.Rounds.Add(new ThiDua.Data.Movements.ReviewRound { Code = $"annual-{year}", Kind = NominationRound.Annual, Year = year, ReviewDate = new DateOnly(year, 12, 20) });
        }
        movement.Rounds.Add(new ThiDua.Data.Movements.ReviewRound { Code = "midterm-2023", Kind = NominationRound.Midterm, Year = 2023, ReviewDate = new DateOnly(2023, 12, 20) });
        movement.Rounds.Add(new ThiDua.Data.Movements.ReviewRound { Code = "final-2025", Kind = NominationRound.Final, Year = 2025, ReviewDate = new DateOnly(2025, 12, 20) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
