using System.Globalization;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;
using ThiDua.Data.Rewards;
using ThiDua.Data.Units;

namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>
/// How the documents name bodies, signers, legal texts and counts: the wording <see cref="DocumentComposer"/> shares
/// between its documents, kept apart so that each composer method reads as the sections of its document.
/// </summary>
internal static class DocumentWording
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Place(Unit province) => StripPrefix(province.Name, "Tỉnh ", "Thành phố ");

    public static IssuingBody ProvinceBody(Unit province) => new("ỦY BAN NHÂN DÂN", Upper(province.Name));

    /// <summary>A People's Committee names itself in two lines; a department is named under the Provincial People's Committee ("UBND TỈNH QUẢNG NINH" / "SỞ Y TẾ").</summary>
    public static IssuingBody UnitBody(Unit unit, Unit province) => unit.Type switch
    {
        UnitType.Province => ProvinceBody(province),
        UnitType.District or UnitType.Commune => new("ỦY BAN NHÂN DÂN", Upper(unit.Name)),
        UnitType.Department => new($"UBND {Upper(province.Name)}", Upper(unit.Name)),
        _ => new(null, Upper(unit.Name)),
    };

    /// <summary>Where a council sits: "Sở Y tế", "phường Bãi Cháy".</summary>
    public static string PlaceName(Unit unit) => unit.Type is UnitType.District or UnitType.Commune or UnitType.Province ? Lower(unit.Name) : unit.Name;

    /// <summary>The body as a sentence names it when it acts: "Sở Y tế", "Ủy ban nhân dân phường Bãi Cháy".</summary>
    public static string BodyName(Unit unit) => unit.Type is UnitType.District or UnitType.Commune or UnitType.Province ? $"Ủy ban nhân dân {Lower(unit.Name)}" : unit.Name;

    public static string UnitHeadTitle(Unit unit) => unit.Type switch
    {
        UnitType.Province or UnitType.District or UnitType.Commune => "CHỦ TỊCH",
        UnitType.Department when unit.Name.StartsWith("Ban ", StringComparison.Ordinal) => "TRƯỞNG BAN",
        UnitType.Department when unit.Name.StartsWith("Văn phòng", StringComparison.Ordinal) => "CHÁNH VĂN PHÒNG",
        UnitType.Department => "GIÁM ĐỐC",
        _ => "THỦ TRƯỞNG ĐƠN VỊ",
    };

    /// <summary>A People's Committee signs for the collective ("TM. ỦY BAN NHÂN DÂN").</summary>
    public static string? UnitHeadAuthority(Unit unit) => unit.Type is UnitType.Province or UnitType.District or UnitType.Commune ? "TM. ỦY BAN NHÂN DÂN" : null;

    /// <summary>The head's title behind a signature: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" signs for the "CHỦ TỊCH".</summary>
    public static string HeadTitle(SignatureBlock signature) =>
        signature.Authority is { } authority && authority.StartsWith("KT. ", StringComparison.Ordinal) ? authority[4..] : signature.Title;

    /// <summary>The Law on the organisation of local government in force on the date.</summary>
    public static string OrganisationLaw(DateOnly date) => date >= new DateOnly(2025, 3, 1)
        ? "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;"
        : "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;";

    /// <summary>The texts a rule set's source names, cited as legal bases (ADR 015 keeps the source with the rule).</summary>
    public static IEnumerable<string> LegalTexts(string source)
    {
        if (source.Contains("06/2022/QH15", StringComparison.Ordinal))
        {
            yield return "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
        }
        if (source.Contains("98/2023/NĐ-CP", StringComparison.Ordinal) && !source.Contains("152/2025/NĐ-CP", StringComparison.Ordinal))
        {
            yield return "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;";
        }
        if (source.Contains("152/2025/NĐ-CP", StringComparison.Ordinal))
        {
            yield return "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;";
        }
        if (source.Contains("89/2025/QĐ-UBND", StringComparison.Ordinal))
        {
            yield return "Căn cứ Quyết định số 89/2025/QĐ-UBND của Ủy ban nhân dân tỉnh ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh Quảng Ninh;";
        }
    }

    public static string PlanBasis(ThiDua.Data.Movements.Movement movement) =>
        $"Căn cứ Quyết định số {movement.DecisionNumber}{(movement.DecisionDate is { } d ? $" {DocumentDates.Long(d)}" : "")} của Chủ tịch Ủy ban nhân dân tỉnh về {movement.Name};";

    /// <summary>Decree 30: every basis ends with ";", the last with ".".</summary>
    public static void EndBases(List<string> bases)
    {
        if (bases.Count > 0)
        {
            bases[^1] = bases[^1].TrimEnd(';', '.') + ".";
        }
    }

    /// <summary>"Luật …; Nghị định 152/2025/NĐ-CP" — the source's first two texts, for a sentence.</summary>
    public static string ShortSource(string source) =>
        string.Join("; ", source.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(2).Select(s => s.Split(" (", 2)[0].Split(", Điều", 2)[0]));

    public static string MoneyRule(RewardRuleSet ruleSet, bool collectives, bool people)
    {
        var parts = new List<string>();
        if (collectives && ruleSet.Money.CollectiveCoefficient is { } c)
        {
            parts.Add($"tập thể {DocumentDates.Number(c, 1)} lần mức lương cơ sở");
        }
        if (people && ruleSet.Money.PersonCoefficient is { } p)
        {
            parts.Add($"cá nhân {DocumentDates.Number(p, 1)} lần mức lương cơ sở");
        }
        return string.Join(", ", parts);
    }

    public static string RoundText(Nomination nomination) => nomination.Round switch
    {
        NominationRound.Annual => $" (năm {nomination.Year})",
        NominationRound.Midterm => $" (sơ kết năm {nomination.Year})",
        _ => $" (tổng kết năm {nomination.Year})",
    };

    public static (string Name, string Where) NomineeOf(Nomination n) => NominationRules.IsUnitNominee(n.NomineeKind)
        ? (n.NomineeUnit?.Name ?? "", "")
        : (n.PersonFullName ?? "", string.Join(", ", new[] { n.PersonPosition, n.PersonOrganization ?? n.ProposingUnit?.Name }.Where(s => !string.IsNullOrWhiteSpace(s))));

    public static string Count(int collectives, int people) => (collectives, people) switch
    {
        (> 0, > 0) => $"{collectives:D2} tập thể và {people:D2} cá nhân",
        (> 0, _) => $"{collectives:D2} tập thể",
        _ => $"{people:D2} cá nhân",
    };

    public static string Summary(string achievements) => achievements.Length <= 400 ? achievements.Trim() : achievements[..400].TrimEnd() + "…";

    public static string[] Paragraphs(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Percent(int part, int whole) => whole == 0 ? "—" : $"{DocumentDates.Number(100.0 * part / whole, 1)}%";

    public static string Join(List<string> names) => names.Count switch
    {
        0 => "các cơ quan, đơn vị",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} và {names[^1]}",
    };

    public static string Upper(string text) => text.ToUpper(Vi);

    /// <summary>"Tỉnh Quảng Ninh" → "tỉnh Quảng Ninh": only the first letter, so names keep their capitals.</summary>
    public static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], Vi) + text[1..];

    public static string Capitalize(string upper) => upper.Length == 0 ? upper : upper[0] + upper[1..].ToLower(Vi);

    public static string StripPrefix(string text, params string[] prefixes) =>
        prefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix ? text[prefix.Length..] : text;
}
