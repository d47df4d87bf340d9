using ThiDua.Core.Assessment;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Illustrative DTI frameworks for the demo: the structure of the national provincial index (Decision
/// 922/QĐ-BTTTT: foundation 500 = awareness, institutions, infrastructure, human resources, cyber-security 100 each,
/// smart city collected but not scored; activity 500 = digital government 200, digital economy 150, digital
/// society 150) with sub-indicators of the kind Quảng Ninh's QN_DTI uses. Marked illustrative until the province
/// imports its official set (Decision 311/QĐ-UBND of 08/02/2023 and its yearly updates).
/// </summary>
public static class DemoFrameworks
{
    public static readonly List<BandDefinition> Bands =
    [
        new() { Name = "Tốt", MinFraction = 0.85 },
        new() { Name = "Khá", MinFraction = 0.70 },
        new() { Name = "Trung bình", MinFraction = 0.50 },
        new() { Name = "Yếu", MinFraction = 0 },
    ];

    public static string Code(int year, bool communes) => $"QN-DTI-{year}-{(communes ? "XA" : "SO")}";

    public static IEnumerable<FrameworkDefinition> All() =>
        [Build(2024, communes: false), Build(2024, communes: true), Build(2025, communes: false), Build(2025, communes: true)];

    public static FrameworkDefinition Build(int year, bool communes) => new()
    {
        Code = Code(year, communes),
        Name = communes
            ? $"Bộ chỉ số đánh giá mức độ chuyển đổi số cấp xã năm {year} (minh hoạ)"
            : $"Bộ chỉ số đánh giá mức độ chuyển đổi số các sở, ban, ngành, đoàn thể năm {year} (minh hoạ)",
        Year = year,
        UnitType = communes ? "commune" : "department",
        ScaleMax = 1000,
        Illustrative = true,
        Description = "Bộ chỉ số minh hoạ theo cấu trúc Bộ chỉ số DTI cấp tỉnh (Quyết định 922/QĐ-BTTTT), thang 1.000 điểm. "
            + "Thay bằng bộ chỉ số chính thức do UBND tỉnh phê duyệt khi nhập vào hệ thống.",
        Bands = Bands,
        Groups =
        [
            new()
            {
                Code = "NT", Name = "Nền tảng chuyển đổi số",
                Children =
                [
                    Group("NT1", "Nhận thức số",
                        Boolean("NT1.1", "Ban hành kế hoạch chuyển đổi số năm của " + Self(communes), 20, evidence: true),
                        Boolean("NT1.2", "Người đứng đầu trực tiếp làm Trưởng Ban chỉ đạo chuyển đổi số", 20),
                        Steps("NT1.3", "Số tin, bài tuyên truyền về chuyển đổi số trên cổng/trang thông tin điện tử", 30, "tin, bài", (0, 0), (6, 10), (12, 20), (24, 30)),
                        Ratio("NT1.4", "Tỷ lệ cán bộ, công chức được phổ biến, tập huấn nhận thức về chuyển đổi số", 30)),
                    Group("NT2", "Thể chế số",
                        Boolean("NT2.1", "Ban hành quy chế quản lý, vận hành, khai thác các hệ thống thông tin dùng chung", 25, evidence: true),
                        Steps("NT2.2", "Kinh phí chi cho chuyển đổi số trong dự toán chi thường xuyên", 25, "%", (0, 0), (0.5, 10), (1, 20), (2, 25)),
                        Boolean("NT2.3", "Ban hành quy chế bảo đảm an toàn thông tin mạng", 25, evidence: true),
                        Choice("NT2.4", "Chính sách khuyến khích, đãi ngộ nhân lực chuyển đổi số", 25, ("A", 25, "Đã ban hành và thực hiện"), ("B", 15, "Đã ban hành, chưa thực hiện"), ("C", 0, "Chưa có"))),
                    Group("NT3", "Hạ tầng số",
                        Ratio("NT3.1", "Tỷ lệ máy tính của cán bộ, công chức kết nối mạng nội bộ và Internet", 25),
                        Boolean("NT3.2", "Kết nối mạng truyền số liệu chuyên dùng của cơ quan Đảng, Nhà nước", 25),
                        Ratio("NT3.3", "Tỷ lệ hệ thống thông tin triển khai trên nền tảng điện toán đám mây của tỉnh", 25),
                        Goalposts("NT3.4", "Tốc độ đường truyền Internet bình quân tại trụ sở", 25, 20, 200, "up", "Mbps")),
                    Group("NT4", "Nhân lực số",
                        Boolean("NT4.1", "Có cán bộ chuyên trách hoặc phụ trách công nghệ thông tin, chuyển đổi số", 20),
                        Ratio("NT4.2", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", 30),
                        Ratio("NT4.3", "Tỷ lệ cán bộ, công chức sử dụng chữ ký số cá nhân", 25),
                        Steps("NT4.4", "Số lượt cán bộ học trên nền tảng học trực tuyến mở đại trà (MOOCs)", 25, "lượt", (0, 0), (10, 10), (30, 20), (60, 25))),
                    Group("NT5", "An toàn thông tin mạng",
                        Ratio("NT5.1", "Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ an toàn thông tin", 30, evidence: true),
                        Boolean("NT5.2", "Giám sát an toàn thông tin kết nối Trung tâm giám sát an toàn thông tin (SOC) của tỉnh", 25),
                        Goalposts("NT5.3", "Số sự cố mất an toàn thông tin mạng để xảy ra trong năm", 20, 0, 5, "down", "sự cố"),
                        Choice("NT5.4", "Diễn tập, kiểm tra, đánh giá an toàn thông tin", 25, ("A", 25, "Diễn tập thực chiến"), ("B", 15, "Kiểm tra, đánh giá"), ("C", 0, "Chưa thực hiện"))),
                    Group("NT6", "Đô thị thông minh (thu thập, không tính điểm)",
                        Steps("NT6.1", "Số dịch vụ đô thị thông minh đang vận hành", 0, "dịch vụ", (0, 0)),
                        Boolean("NT6.2", "Kết nối Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh", 0)),
                ],
            },
            new()
            {
                Code = "HD", Name = "Hoạt động chuyển đổi số",
                Children =
                [
                    Group("HD1", "Chính quyền số",
                        Ratio("HD1.1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình", 50, evidence: true),
                        Ratio("HD1.2", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hoá", 40),
                        Ratio("HD1.3", "Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng", 40),
                        Ratio("HD1.4", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 40),
                        Choice("HD1.5", "Cung cấp dữ liệu mở", 30, ("A", 30, "Đã công bố trên Cổng dữ liệu mở của tỉnh"), ("B", 15, "Đang xây dựng"), ("C", 0, "Chưa có"))),
                    Group("HD2", "Kinh tế số",
                        Ratio("HD2.1", communes ? "Tỷ lệ hộ kinh doanh trên địa bàn sử dụng hoá đơn điện tử" : "Tỷ lệ doanh nghiệp trong ngành, lĩnh vực sử dụng hoá đơn điện tử", 40),
                        Ratio("HD2.2", "Tỷ lệ khoản thu phí, lệ phí được thanh toán không dùng tiền mặt", 40),
                        communes
                            ? Steps("HD2.3", "Số sản phẩm OCOP, đặc sản địa phương được đưa lên sàn thương mại điện tử", 40, "sản phẩm", (0, 0), (3, 15), (10, 30), (20, 40))
                            : Steps("HD2.3", "Số cơ sở dữ liệu, nền tảng số chuyên ngành được kết nối, chia sẻ qua trục LGSP", 40, "CSDL", (0, 0), (1, 15), (3, 30), (5, 40)),
                        Manual("HD2.4", "Hỗ trợ doanh nghiệp, hộ kinh doanh chuyển đổi số (thẩm định chấm theo kết quả thực tế)", 30)),
                    Group("HD3", "Xã hội số",
                        Ratio("HD3.1", communes ? "Tỷ lệ dân số trưởng thành trên địa bàn có tài khoản định danh điện tử mức 2" : "Tỷ lệ hồ sơ ngành sử dụng định danh điện tử VNeID", 40),
                        Ratio("HD3.2", communes ? "Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử" : "Tỷ lệ dịch vụ của ngành cho phép thanh toán trực tuyến", 40),
                        communes
                            ? Choice("HD3.3", "Tổ công nghệ số cộng đồng hoạt động", 35, ("A", 35, "Hoạt động hiệu quả, có báo cáo định kỳ"), ("B", 20, "Đã thành lập"), ("C", 0, "Chưa thành lập"))
                            : Choice("HD3.3", "Dịch vụ số cho người dân trong lĩnh vực quản lý (y tế số, giáo dục số…)", 35, ("A", 35, "Triển khai toàn ngành"), ("B", 20, "Thí điểm"), ("C", 0, "Chưa triển khai")),
                        Index("HD3.4", "Chỉ số hài lòng của người dân về dịch vụ số (khảo sát, 0–1)", 35)),
                ],
            },
        ],
    };

    private static string Self(bool communes) => communes ? "UBND cấp xã" : "cơ quan, đơn vị";

    private static GroupDefinition Group(string code, string name, params IndicatorDefinition[] indicators) =>
        new() { Code = code, Name = name, Indicators = [.. indicators] };

    private static IndicatorDefinition Boolean(string code, string name, double points, bool evidence = false) =>
        new() { Code = code, Name = name, MaxPoints = points, EvidenceRequired = evidence, Rule = new() { Kind = "boolean" } };

    private static IndicatorDefinition Ratio(string code, string name, double points, bool evidence = false) =>
        new() { Code = code, Name = name, MaxPoints = points, EvidenceRequired = evidence, Rule = new() { Kind = "ratio", Unit = "%" }, Guidance = "Tỷ lệ đạt được; có thể nhập tử số/mẫu số (ví dụ 45/60)." };

    private static IndicatorDefinition Index(string code, string name, double points) =>
        new() { Code = code, Name = name, MaxPoints = points, Rule = new() { Kind = "index" } };

    private static IndicatorDefinition Manual(string code, string name, double points) =>
        new() { Code = code, Name = name, MaxPoints = points, Rule = new() { Kind = "manual" }, Guidance = "Đơn vị đề xuất điểm; cơ quan thẩm định chấm." };

    private static IndicatorDefinition Steps(string code, string name, double points, string unit, params (double Min, double Points)[] steps) =>
        new() { Code = code, Name = name, MaxPoints = points, Rule = new() { Kind = "steps", Unit = unit, Steps = steps.Select(s => new StepDefinition { Min = s.Min, Points = s.Points }).ToList() } };

    private static IndicatorDefinition Goalposts(string code, string name, double points, double low, double high, string direction, string unit) =>
        new() { Code = code, Name = name, MaxPoints = points, Rule = new() { Kind = "goalposts", Low = low, High = high, Direction = direction, Unit = unit } };

    private static IndicatorDefinition Choice(string code, string name, double points, params (string Code, double Points, string Label)[] options) =>
        new() { Code = code, Name = name, MaxPoints = points, Rule = new() { Kind = "choice", Options = options.Select(o => new ChoiceOption { Code = o.Code, Points = o.Points, Label = o.Label }).ToList() } };
}
