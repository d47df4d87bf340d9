namespace ThiDua.Core.Rewards;

/// <summary>
/// The award criteria for enterprises and people (section IV.1.2–1.3, IV.2.b–c) as checklists the Reward Board
/// ticks; units are judged on data instead (DTI and tasks).
/// </summary>
public static class RewardCriteria
{
    public sealed record Item(string Code, string Text, bool Mandatory);

    public static IReadOnlyList<Item> For(NomineeKind kind) => kind switch
    {
        NomineeKind.Enterprise =>
        [
            new("san-pham-so", "Ứng dụng công nghệ số tạo ra sản phẩm, dịch vụ mới trong ngành, lĩnh vực kinh tế – xã hội", true),
            new("tieu-chuan", "Đáp ứng tiêu chuẩn, quy chuẩn kỹ thuật và bảo đảm an toàn, an ninh mạng", true),
            new("make-in-vietnam", "Sản phẩm sáng tạo, thiết kế, sản xuất tại Việt Nam hoặc phát triển nền tảng số quốc gia", false),
            new("thanh-tich-xuat-sac", "Có thành tích xuất sắc trong Phong trào thi đua", true),
        ],
        NomineeKind.Individual =>
        [
            new("sang-kien", "Có sáng kiến, giải pháp hữu ích trong xây dựng, ban hành, tổ chức thực hiện cơ chế, chính sách thúc đẩy chuyển đổi số", true),
            new("thanh-tich-xuat-sac", "Có thành tích xuất sắc trong Phong trào thi đua", true),
            new("hoan-thanh-nhiem-vu", "Hoàn thành tốt nhiệm vụ được giao trong năm", false),
        ],
        NomineeKind.Other =>
        [
            new("dong-gop", "Có nhiều đóng góp về công sức, trí tuệ, vật chất, sáng kiến vào chuyển đổi số của tỉnh Quảng Ninh", true),
            new("thanh-tich-xuat-sac", "Có thành tích xuất sắc trong Phong trào thi đua", true),
        ],
        _ => [],
    };
}
