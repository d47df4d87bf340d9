using ThiDua.Core.Targets;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Every quantified target of section II.6 of Decision 2025/QĐ-UBND (Resolution 09-NQ/TU's targets for 2025 and
/// 2030) and the DTI "top 3" of section II.2, in the document's own words. A target whose figure the text gives for
/// both 2025 and 2030 is one target with two goals; intermediate years the text names are milestones.
/// The measured values are not here: they are dated data with their sources in <c>target-measurements.csv</c>
/// (<see cref="TargetMeasurementsCsv"/>, ADR 024).
/// </summary>
public static class TargetCatalogue
{
    public sealed record Entry(
        string Code,
        TargetArea Area,
        TargetUnit Unit,
        TargetDirection Direction,
        TargetQualifier Qualifier,
        string Text,
        string Source,
        IReadOnlyList<TargetGoal> Goals,
        string? Note = null,
        Measurement? Baseline = null,
        string? BaselineSource = null);

    private const string A = "QĐ 2025/QĐ-UBND, mục II.6.a (NQ 09-NQ/TU, mục tiêu đến năm 2025)";
    private const string B = "QĐ 2025/QĐ-UBND, mục II.6.b (NQ 09-NQ/TU, mục tiêu cơ bản đến năm 2030)";
    private const string AB = "QĐ 2025/QĐ-UBND, mục II.6.a và II.6.b";

    private static TargetGoal G(int year, double value, double? max = null, bool milestone = false) => new(year, value, max, milestone);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        // Section II.2: the DTI rank among 63 provinces.
        new("DTI-TOP3", TargetArea.DigitalGovernment, TargetUnit.Rank, TargetDirection.Down, TargetQualifier.AtMost,
            "Quảng Ninh thuộc nhóm các địa phương dẫn đầu về chỉ số đánh giá chuyển đổi số (DTI) của cả nước (top 3)",
            "QĐ 2025/QĐ-UBND, mục II.2", [G(2025, 3)],
            Note: "Cùng mục tiêu: dẫn đầu về an toàn, an ninh mạng (văn bản không nêu con số). Hạng DTI cấp tỉnh do Bộ TT&TT (nay Bộ KH&CN) công bố.",
            Baseline: new Measurement(2021, 7), BaselineSource: "DTI 2021: hạng 7/63"),

        // II.6.a — Chính quyền số.
        new("CQS-DU-LIEU-MO", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% cơ quan nhà nước cung cấp dữ liệu mở", A, [G(2025, 100)]),
        new("CQS-CONG-VIEC-3-CAP", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% công việc ở cả 3 cấp từ tỉnh đến xã phải được xử lý trên hệ thống Chính quyền điện tử", A, [G(2025, 100)]),
        new("CQS-KQ-TTHC-KY-SO", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% kết quả giải quyết thủ tục hành chính được ký số và trả cho người dân trên môi trường số", A, [G(2025, 100)]),
        new("CQS-KHOI-DANG-LIEN-THONG", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% cơ quan khối Đảng liên thông các quy trình, dữ liệu, hồ sơ công việc từ cấp tỉnh đến cấp xã", A, [G(2025, 100)]),
        new("CQS-DINH-DANH-DIEN-TU", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "Từ năm 2022, triển khai thực hiện việc xác thực định danh điện tử công dân qua hệ thống cơ sở dữ liệu quốc gia khi thực hiện giải quyết thủ tục hành chính các cấp", A,
            [G(2022, 100, milestone: true), G(2025, 100)],
            Note: "Đo bằng tỷ lệ thủ tục hành chính các cấp có xác thực định danh điện tử; bắt đầu từ năm 2022."),
        new("CQS-NGUOI-DAN-DN-THAM-GIA", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% người dân và doanh nghiệp tham gia hệ thống Chính quyền điện tử thông suốt trên tất cả các hệ thống của các cấp từ tỉnh đến xã và liên thông với Trung ương", A, [G(2025, 100)]),
        new("CQS-08-CSDL-NEN-TANG", TargetArea.DigitalGovernment, TargetUnit.Count, TargetDirection.Up, TargetQualifier.Reach,
            "Năm 2023 hoàn thành 08 cơ sở dữ liệu nền tảng quan trọng của tỉnh gồm: Đất đai; cán bộ, công chức, viên chức; y tế; giáo dục; quy hoạch; du lịch; đầu tư công; giao thông", A,
            [G(2023, 8, milestone: true), G(2025, 8)]),
        new("CQS-SO-HOA-HO-SO-TTHC", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "Từ năm 2024, 100% hồ sơ, giấy tờ, kết quả giải quyết thủ tục hành chính ở cả 3 cấp được số hóa để đảm bảo việc kết nối, chia sẻ dữ liệu trong giải quyết thủ tục hành chính trên môi trường điện tử", A,
            [G(2024, 100, milestone: true), G(2025, 100)]),
        new("CQS-GIAM-SAT-MOI-TRUONG-SO", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.AtLeast,
            "Hoạt động giám sát, kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý: tối thiểu 50% (2025), 90% (2030)", AB,
            [G(2025, 50), G(2030, 90)]),
        new("CQS-KET-NOI-CSDL-QG", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "Đảm bảo việc kết nối 100% cơ sở dữ liệu quốc gia", A, [G(2025, 100)]),
        new("CQS-ATTT-KY-SO-HCC", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% giao dịch giải quyết thủ tục hành chính giữa doanh nghiệp và chính quyền tại các Trung tâm HCC được xác thực qua chữ ký số", A, [G(2025, 100)]),
        new("CQS-DIEN-TOAN-DAM-MAY", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% cơ quan, đơn vị, địa phương triển khai các hệ thống, ứng dụng trên điện toán đám mây và đảm bảo an toàn thông tin mạng", A, [G(2025, 100)]),

        // II.6.b — Chính quyền số, 2030.
        new("CQS-HO-SO-HUYEN-XA-2030", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% hồ sơ công việc tại cấp huyện, cấp xã được xử lý trên môi trường mạng", B, [G(2030, 100)],
            Note: "Từ 01/07/2025 không còn cấp huyện: đo ở cấp xã."),
        new("CQS-QUYET-DINH-DU-LIEU-LON", TargetArea.DigitalGovernment, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "80% các quyết định điều hành được hỗ trợ bởi các hệ thống phân tích dữ liệu và dữ liệu lớn", B, [G(2030, 80)]),

        // II.6.a — Kinh tế số.
        new("KTS-TY-TRONG-GRDP", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.AtLeast,
            "Kinh tế số chiếm ít nhất 20% tổng sản phẩm (GRDP) của tỉnh (2025); khoảng 30% GRDP của tỉnh (2030)", AB,
            [G(2025, 20), G(2030, 30)], Note: "Năm 2030: \"khoảng 30%\"."),
        new("KTS-TY-TRONG-NGANH", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.AtLeast,
            "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10% (2025), tối thiểu 20% (2030)", AB,
            [G(2025, 10), G(2030, 20)], Note: "Văn bản mục II.6.b ghi \"tối thiểu 20\" (thiếu ký hiệu %)."),
        new("KTS-CN-CHE-BIEN-CHE-TAO", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Range,
            "Công nghiệp chế biến chế tạo đóng góp từ 47-50% kinh tế số", A, [G(2025, 47, max: 50)]),
        new("KTS-HOA-DON-DIEN-TU", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% tổ chức, doanh nghiệp, hộ kinh doanh cá thể sử dụng hóa đơn điện tử", A, [G(2025, 100)]),
        new("KTS-DOANH-NGHIEP-SO", TargetArea.DigitalEconomy, TargetUnit.Count, TargetDirection.Up, TargetQualifier.AtLeast,
            "Số doanh nghiệp số: toàn tỉnh quy tụ được 50 doanh nghiệp số (2025); tối thiểu 500 doanh nghiệp số, trong đó có các doanh nghiệp \"Make in Vietnam\" làm ra các sản phẩm công nghệ lõi, chủ lực trong chuyển đổi số, đô thị thông minh (2030)", AB,
            [G(2025, 50), G(2030, 500)]),
        new("KTS-DN-KCN-UNG-DUNG", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.AtLeast,
            "Tối thiểu 50% doanh nghiệp trong các khu công nghiệp ứng dụng công nghệ số trong sản xuất kinh doanh", A, [G(2025, 50)]),
        new("KTS-DNVVN-UNG-DUNG", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "30% doanh nghiệp vừa và nhỏ ứng dụng công nghệ số trong quản lý, điều hành", A, [G(2025, 30)]),
        new("KTS-NEN-TANG-SO-BO-TTTT", TargetArea.DigitalEconomy, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% hộ kinh doanh cá thể, doanh nghiệp được tiếp cận và có năng lực sử dụng nền tảng số do Bộ Thông tin và Truyền thông công bố", A, [G(2025, 100)]),

        // II.6.a — Xã hội số.
        new("XHS-INTERNET-BANG-RONG", TargetArea.DigitalSociety, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% các hộ gia đình được sử dụng dịch vụ Internet băng rộng", A, [G(2025, 100)]),
        new("XHS-CAP-QUANG-HO-GIA-DINH", TargetArea.DigitalSociety, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "Hạ tầng mạng cáp quang đến hộ gia đình đạt 95%", A, [G(2025, 95)]),
        new("XHS-TRUONG-HOC-CDS", TargetArea.DigitalSociety, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% các trường học trên địa bàn tỉnh có nội dung chuyển đổi số trong chương trình giảng dạy, đào tạo", A, [G(2025, 100)]),
        new("XHS-Y-TE-SO", TargetArea.DigitalSociety, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "100% người dân được chăm sóc sức khỏe trên nền tảng y tế số", A, [G(2025, 100)]),
        new("XHS-TAI-KHOAN-THANH-TOAN", TargetArea.DigitalSociety, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt 95% (2025), 99% (2030)", AB,
            [G(2025, 95), G(2030, 99)]),

        // II.6.b — Xã hội số, 2030.
        new("XHS-KY-NANG-DVC-2030", TargetArea.DigitalSociety, TargetUnit.Percent, TargetDirection.Up, TargetQualifier.Reach,
            "90% người dân trong độ tuổi lao động có kỹ năng sử dụng dịch vụ công trực tuyến và các dịch vụ số thiết yếu", B, [G(2030, 90)]),
    ];
}
