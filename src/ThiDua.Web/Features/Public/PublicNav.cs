namespace ThiDua.Web.Features.Public;

/// <summary>The public portal's pages, in the order of its navigation (<c>_PublicLayout</c>) and of the anonymous top bar.</summary>
public static class PublicNav
{
    public sealed record Item(string Href, string Label);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/cong-khai", "Trang chủ"),
        new("/cong-khai/phong-trao", "Phong trào"),
        new("/cong-khai/ket-qua", "Xếp hạng DTI"),
        new("/cong-khai/muc-tieu", "Chỉ tiêu"),
        new("/cong-khai/khen-thuong", "Khen thưởng"),
        new("/cong-khai/sang-kien", "Sáng kiến, mô hình"),
        new("/cong-khai/xac-thuc", "Xác thực văn bản"),
        new("/cong-khai/du-lieu-mo", "Dữ liệu mở"),
    ];

    /// <summary>The item a path belongs to: the longest that prefixes it; a unit's profile belongs to the rankings.</summary>
    public static Item Current(string path)
    {
        if (path.StartsWith("/cong-khai/don-vi", StringComparison.OrdinalIgnoreCase))
        {
            return Items[2];
        }
        return Items.Skip(1).FirstOrDefault(i => path.StartsWith(i.Href, StringComparison.OrdinalIgnoreCase)) ?? Items[0];
    }
}
