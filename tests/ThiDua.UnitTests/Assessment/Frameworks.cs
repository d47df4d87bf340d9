using ThiDua.Core.Assessment;

namespace ThiDua.UnitTests.Assessment;

/// <summary>Frameworks built for the tests.</summary>
internal static class Frameworks
{
    public static readonly List<BandDefinition> StandardBands =
    [
        new() { Name = "Tốt", MinFraction = 0.85 },
        new() { Name = "Khá", MinFraction = 0.70 },
        new() { Name = "Trung bình", MinFraction = 0.50 },
        new() { Name = "Yếu", MinFraction = 0 },
    ];

    /// <summary>
    /// The national provincial DTI (Decision 922/QĐ-BTTTT): 1000 points; each main index is one indicator whose
    /// value is the published main-index value (0–1); smart city is collected but scores nothing.
    /// </summary>
    public static FrameworkDefinition NationalProvincial() => new()
    {
        Code = "PDTI-2022",
        Name = "Chỉ số chuyển đổi số cấp tỉnh 2022",
        Year = 2022,
        UnitType = "province",
        ScaleMax = 1000,
        Bands = StandardBands,
        Groups =
        [
            new()
            {
                Code = "NEN_TANG", Name = "Nền tảng chuyển đổi số",
                Children =
                [
                    MainIndex("NHAN_THUC", "Nhận thức số", 100),
                    MainIndex("THE_CHE", "Thể chế số", 100),
                    MainIndex("HA_TANG", "Hạ tầng số", 100),
                    MainIndex("NHAN_LUC", "Nhân lực số", 100),
                    MainIndex("ATTT", "An toàn thông tin mạng", 100),
                    MainIndex("DO_THI", "Đô thị thông minh", 0),
                ],
            },
            new()
            {
                Code = "HOAT_DONG", Name = "Hoạt động chuyển đổi số",
                Children =
                [
                    MainIndex("CQS", "Hoạt động chính quyền số", 200),
                    MainIndex("KTS", "Hoạt động kinh tế số", 150),
                    MainIndex("XHS", "Hoạt động xã hội số", 150),
                ],
            },
        ],
    };

    private static GroupDefinition MainIndex(string code, string name, double points) => new()
    {
        Code = code,
        Name = name,
        Indicators = [new() { Code = code + "_IDX", Name = "Chỉ số " + name, MaxPoints = points, Rule = new() { Kind = "index" } }],
    };

    /// <summary>A small framework on a 100-point scale with one indicator of every rule kind.</summary>
    public static FrameworkDefinition EveryRule() => new()
    {
        Code = "XA-2025",
        Name = "Bộ chỉ số cấp xã 2025",
        Year = 2025,
        UnitType = "commune",
        ScaleMax = 100,
        Bands = StandardBands,
        Groups =
        [
            new()
            {
                Code = "G1", Name = "Chính quyền số",
                Indicators =
                [
                    new() { Code = "B", Name = "Có cổng thông tin", MaxPoints = 10, Rule = new() { Kind = "boolean" } },
                    new() { Code = "R", Name = "Tỷ lệ hồ sơ trực tuyến", MaxPoints = 20, Rule = new() { Kind = "ratio" } },
                    new() { Code = "S", Name = "Số dịch vụ công", MaxPoints = 10, Rule = new() { Kind = "steps", Steps = [new() { Min = 10, Points = 5 }, new() { Min = 0, Points = 0 }, new() { Min = 20, Points = 10 }] } },
                ],
            },
            new()
            {
                Code = "G2", Name = "Xã hội số",
                Indicators =
                [
                    new() { Code = "GP", Name = "Thời gian xử lý", MaxPoints = 20, Rule = new() { Kind = "goalposts", Low = 2, High = 10, Direction = "down" } },
                    new() { Code = "C", Name = "Mức độ", MaxPoints = 10, Rule = new() { Kind = "choice", Options = [new() { Code = "A", Points = 10 }, new() { Code = "B", Points = 5 }, new() { Code = "C", Points = 0 }] } },
                    new() { Code = "I", Name = "Chỉ số", MaxPoints = 20, Rule = new() { Kind = "index" } },
                    new() { Code = "M", Name = "Thẩm định chấm", MaxPoints = 10, Rule = new() { Kind = "manual" } },
                ],
            },
        ],
    };
}
