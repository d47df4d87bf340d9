namespace ThiDua.Core.Rewards;

/// <summary>
/// The award criteria for enterprises and people (section IV.1.2–1.3, IV.2.b–c) as checklists the Reward Board
/// ticks; units are judged on data instead (DTI and tasks).
/// </summary>
public static class RewardCriteria
{
    public sealed record Item(string Code, string Text, bool Mandatory);

    /// <summary>
    /// The plan's own criteria (section IV.1–2), each code prefixed with the kind of nominee it is for ("enterprise:",
    /// "individual:", "other:") as the rule sets store them; units are judged on data and on the Law's preconditions,
    /// which the rule sets add.
    /// </summary>
    public static readonly IReadOnlyList<Item> Plan =
    [
        new("enterprise:san-pham-so", "Ứng dụng công nghệ số tạo ra sản phẩm, dịch vụ mới trong ngành, lĩnh vực kinh tế – xã hội", true),
        new("enterprise:tieu-chuan", "Đáp ứng tiêu chuẩn, quy chuẩn kỹ thuật và bảo đảm an toàn, an ninh mạng", true),
        new("enterprise:make-in-vietnam", "Sản phẩm sáng tạo, thiết kế, sản xuất tại Việt Nam hoặc phát triển nền tảng số quốc gia", false),
        new("enterprise:thanh-tich-xuat-sac", "Có thành tích xuất sắc trong Phong trào thi đua", true),
        new("individual:sang-kien", "Có sáng kiến, giải pháp hữu ích trong xây dựng, ban hành, tổ chức thực hiện cơ chế, chính sách thúc đẩy chuyển đổi số", true),
        new("individual:thanh-tich-xuat-sac", "Có thành tích xuất sắc trong Phong trào thi đua", true),
        new("other:dong-gop", "Có nhiều đóng góp về công sức, trí tuệ, vật chất, sáng kiến vào chuyển đổi số của tỉnh Quảng Ninh", true),
        new("other:thanh-tich-xuat-sac", "Có thành tích xuất sắc trong Phong trào thi đua", true),
    ];

    /// <summary>The plan's criteria for one kind of nominee, without the kind prefix.</summary>
    public static IReadOnlyList<Item> For(NomineeKind kind)
    {
        var prefix = $"{Text.ApiCodes.Code(kind)}:";
        return Plan.Where(c => c.Code.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c with { Code = c.Code[prefix.Length..] }).ToList();
    }
}
