using ThiDua.Core.Errors;
using ThiDua.Core.Units;

namespace ThiDua.Core.Rewards;

/// <summary>
/// Who may award a Giấy khen (Law 06/2022/QH15, Art. 80): the head of a body, to its own people and to the collectives
/// under it — so a person's certificate is issued by the person's unit, a collective's by the unit above it, never by
/// the collective itself; the province awards Bằng khen, not Giấy khen. And any issuer must exist on the decision's date:
/// a district abolished on 30/06/2025 issues nothing on 01/07/2025.
/// </summary>
public static class Issuers
{
    /// <summary>The unit that issues a collective's Giấy khen: its parent, which must not be the province (400 naming the rule).</summary>
    public static void EnsureCanAwardCollective(string nomineeName, int nomineeId, int? parentId, UnitType? parentType, int proposingUnitId)
    {
        if (proposingUnitId == nomineeId)
        {
            throw DomainException.ForField("unitCode", $"Giấy khen do thủ trưởng cơ quan, đơn vị tặng cho cá nhân của đơn vị và tập thể trực thuộc (Luật Thi đua, khen thưởng, Điều 80): {nomineeName} không tự tặng Giấy khen cho chính mình; cấp trên trực tiếp đề nghị và quyết định.");
        }
        if (parentId is null || parentType == UnitType.Province)
        {
            throw DomainException.ForField("award", $"{nomineeName} trực thuộc tỉnh: tập thể này được đề nghị Bằng khen của Chủ tịch UBND tỉnh, không phải Giấy khen.");
        }
        if (proposingUnitId != parentId)
        {
            throw DomainException.ForField("proposingUnitCode", $"Giấy khen cho {nomineeName} do đơn vị cấp trên trực tiếp của tập thể đề nghị và quyết định.");
        }
    }

    /// <summary>The issuer exists on the decision's date (400 otherwise).</summary>
    public static void EnsureExistsOn(string issuerName, Validity validity, DateOnly date)
    {
        if (!validity.Contains(date))
        {
            throw DomainException.ForField("date", validity.To is { } end && date > end
                ? $"{issuerName} đã kết thúc hoạt động ngày {end:dd/MM/yyyy}: không ban hành quyết định ngày {date:dd/MM/yyyy}."
                : $"{issuerName} bắt đầu hoạt động từ ngày {validity.From:dd/MM/yyyy}: không ban hành quyết định ngày {date:dd/MM/yyyy}.");
        }
    }
}
