namespace ThiDua.Core.Units;

/// <summary>The kinds of participant in the API (R1). Serialized in snake_case: <c>mass_org</c>.</summary>
public enum UnitType
{
    Province,
    Department,
    MassOrg,
    District,
    Commune,
    Enterprise,
}

public static class UnitTypes
{
    public static readonly IReadOnlyList<UnitType> All = Enum.GetValues<UnitType>();

    /// <summary>The API code of a type: <c>mass_org</c>.</summary>
    public static string Code(this UnitType type) => type switch
    {
        UnitType.Province => "province",
        UnitType.Department => "department",
        UnitType.MassOrg => "mass_org",
        UnitType.District => "district",
        UnitType.Commune => "commune",
        UnitType.Enterprise => "enterprise",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? code, out UnitType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static string VietnameseName(this UnitType type) => type switch
    {
        UnitType.Province => "Tỉnh",
        UnitType.Department => "Sở, ban, ngành",
        UnitType.MassOrg => "Đoàn thể",
        UnitType.District => "Cấp huyện",
        UnitType.Commune => "Cấp xã",
        UnitType.Enterprise => "Doanh nghiệp",
        _ => type.ToString(),
    };

    /// <summary>
    /// The finer kind of a unit, kept for display (a special zone is a commune-level unit, a town a district-level one).
    /// Derived from the official name's prefix when the source gives no other field.
    /// </summary>
    public static string? SubtypeFromName(UnitType type, string name)
    {
        var prefixes = type switch
        {
            UnitType.Commune => new[] { ("Đặc khu", "special_zone"), ("Phường", "ward"), ("Thị trấn", "township"), ("Xã", "commune") },
            UnitType.District => [("Thành phố", "city"), ("Thị xã", "town"), ("Huyện", "rural_district")],
            UnitType.Department => [("Sở", "department"), ("Ban", "board"), ("Văn phòng", "office"), ("Thanh tra", "inspectorate")],
            _ => [],
        };
        foreach (var (prefix, subtype) in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return subtype;
            }
        }
        return null;
    }

    /// <summary>The finer kinds a unit may be given, in the order a form offers them.</summary>
    public static readonly IReadOnlyList<string> Subtypes =
        ["department", "board", "office", "inspectorate", "city", "town", "rural_district", "ward", "commune", "township", "special_zone"];

    public static string SubtypeVietnamese(string? subtype) => subtype switch
    {
        "special_zone" => "Đặc khu",
        "ward" => "Phường",
        "township" => "Thị trấn",
        "commune" => "Xã",
        "city" => "Thành phố",
        "town" => "Thị xã",
        "rural_district" => "Huyện",
        "department" => "Sở",
        "board" => "Ban",
        "office" => "Văn phòng",
        "inspectorate" => "Thanh tra",
        null or "" => "",
        _ => subtype,
    };
}
