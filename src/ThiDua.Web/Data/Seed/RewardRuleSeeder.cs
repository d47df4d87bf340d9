using System.Text.Json;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;
using ThiDua.Data.Rewards;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// The reward rules in force as data (ADR 015): one rule set per award and period, each with the legal text it follows;
/// the base salary by date; the bodies' abbreviations for document symbols (Decree 30/2020, Appendix III) and whether
/// ThiDua keeps their register of numbers. Added only when missing, so the Board's later versions stay.
/// </summary>
public sealed class RewardRuleSeeder(ThiDuaDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Law = "Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực 01/01/2024)";
    private const string Decree98 = "Nghị định 98/2023/NĐ-CP (01/01/2024 – 30/06/2025)";
    private const string Decree152 = "Nghị định 152/2025/NĐ-CP (hiệu lực 01/07/2025, thay Nghị định 98/2023/NĐ-CP)";
    private const string Province = "Quy chế công tác thi đua, khen thưởng tỉnh Quảng Ninh (Quyết định 89/2025/QĐ-UBND)";

    /// <summary>The Law's preconditions ("hoàn thành tốt nhiệm vụ" mandatory for people), then the plan's criteria (section IV.1–2).</summary>
    private static readonly RewardCriteria.Item[] Criteria =
    [
        new("*:chap-hanh", "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước", true),
        new("unit:doan-ket", "Nội bộ đoàn kết, thực hiện tốt quy chế dân chủ ở cơ sở", true),
        new("individual:hoan-thanh-nhiem-vu", "Hoàn thành tốt nhiệm vụ được giao trong năm", true),
        .. RewardCriteria.Plan,
    ];

    private static readonly DocumentKind[] Dossier = [DocumentKind.Proposal, DocumentKind.Minutes, DocumentKind.AchievementReport];

    /// <summary>The sets in force since the Law took effect: before and after Decree 152/2025 replaced Decree 98/2023.</summary>
    public static IReadOnlyList<RewardRuleSet> Defaults()
    {
        var beforeJuly2025 = new DateOnly(2025, 6, 30);
        var july2025 = new DateOnly(2025, 7, 1);
        var law = new DateOnly(2024, 1, 1);
        Dictionary<string, int> boardLimits = new() { ["receive"] = 5, ["appraise"] = 20, ["decide"] = 10 };
        RewardRuleSet UnitCertificate(DateOnly from, DateOnly? to, string decree) => new(AwardLevel.UnitCertificate, from, to,
            $"{Law}, Điều 80 (thủ trưởng cơ quan, đơn vị, Chủ tịch UBND cấp huyện, cấp xã tặng Giấy khen); {decree}",
            IssuerLevel.UnitHead, false, NoticeTiming.None, PublicNotice.DefaultWorkingDays, 2.0 / 3, 0.7, true, [], Criteria, new Dictionary<string, int>(),
            new MoneyRule(0.3, 0.6));
        RewardRuleSet Chairman(DateOnly from, DateOnly? to, string decree, MoneyRule money) => new(AwardLevel.ChairmanCertificate, from, to,
            $"{Law}, Điều 84 (hồ sơ: tờ trình, báo cáo thành tích, biên bản xét khen thưởng); {decree}; {Province}",
            IssuerLevel.Province, false, NoticeTiming.None, PublicNotice.DefaultWorkingDays, 2.0 / 3, 0.7, true, Dossier, Criteria, boardLimits, money);
        RewardRuleSet State(DateOnly from, DateOnly? to, string decree) => new(AwardLevel.StateAward, from, to,
            $"{Law}; {decree} (công khai danh sách đề nghị khen thưởng cấp Nhà nước 10 ngày làm việc để lấy ý kiến trước khi Hội đồng xét)",
            IssuerLevel.Central, true, NoticeTiming.BeforeCouncil, PublicNotice.DefaultWorkingDays, 2.0 / 3, 0.9, true, Dossier, Criteria, boardLimits,
            new MoneyRule(null, null));
        return
        [
            UnitCertificate(law, beforeJuly2025, Decree98),
            UnitCertificate(july2025, null, Decree152),
            Chairman(law, beforeJuly2025, Decree98, new MoneyRule(1.0, 2.0)),
            Chairman(july2025, null, $"{Decree152}, Điều 54 (Bằng khen cấp tỉnh: 1,5 lần mức lương cơ sở)", new MoneyRule(1.5, 3.0)),
            State(law, beforeJuly2025, $"{Decree98}, Điều 46"),
            State(july2025, null, $"{Decree152}, Điều 60"),
        ];
    }

    /// <summary>Mức lương cơ sở (README of the reference data).</summary>
    public static readonly (DateOnly From, decimal Amount, string Source)[] BaseSalaries =
    [
        (new DateOnly(2019, 7, 1), 1_490_000m, "Nghị định 38/2019/NĐ-CP"),
        (new DateOnly(2023, 7, 1), 1_800_000m, "Nghị định 24/2023/NĐ-CP"),
        (new DateOnly(2024, 7, 1), 2_340_000m, "Nghị định 73/2024/NĐ-CP"),
    ];

    /// <summary>Abbreviations of the province's bodies in document symbols; People's Committees of every level sign as UBND.</summary>
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["SO-VPUB"] = "VP", ["SO-NV"] = "SNV", ["SO-NV-2025"] = "SNV", ["SO-TP"] = "STP", ["SO-KHDT"] = "SKHĐT", ["SO-TC"] = "STC", ["SO-TC-2025"] = "STC",
        ["SO-CT"] = "SCT", ["SO-NNPTNT"] = "SNNPTNT", ["SO-TNMT"] = "STNMT", ["SO-GTVT"] = "SGTVT", ["SO-XD"] = "SXD", ["SO-XD-2025"] = "SXD",
        ["SO-TTTT"] = "STTTT", ["SO-KHCN"] = "SKHCN", ["SO-KHCN-2025"] = "SKHCN", ["SO-LDTBXH"] = "SLĐTBXH", ["SO-VHTT"] = "SVHTT", ["SO-DL"] = "SDL",
        ["SO-GDDT"] = "SGDĐT", ["SO-YT"] = "SYT", ["SO-NGV"] = "SNgV", ["SO-TTR"] = "TTr", ["BAN-DT"] = "BDT", ["BAN-KKT"] = "BQLKKT", ["BAN-KKTVD"] = "BQLKKTVĐ",
        ["SO-NNMT"] = "SNNMT", ["SO-DTTG"] = "SDTTG", ["MT-UBMTTQ"] = "MTTQ", ["DT-LDLD"] = "LĐLĐ", ["DT-HLHPN"] = "HLHPN", ["DT-HND"] = "HND",
        ["DT-HCCB"] = "HCCB", ["DT-TINHDOAN"] = "TĐTN", ["DT-LHHKHKT"] = "LHH",
    };

    /// <summary>A body's abbreviation in document symbols: UBND for a People's Committee, the province's usage for its bodies, none otherwise.</summary>
    public static string? AbbreviationFor(string code, UnitType type) =>
        type is UnitType.Province or UnitType.District or UnitType.Commune ? "UBND" : Abbreviations.GetValueOrDefault(code);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.RewardRules.Select(r => new { r.Award, r.ValidFrom }).ToListAsync(cancellationToken);
        foreach (var set in Defaults().Where(d => !existing.Any(e => e.Award == d.Award && e.ValidFrom == d.ValidFrom)))
        {
            db.RewardRules.Add(ToRow(set, now, null));
        }
        var salaries = await db.BaseSalaries.Select(b => b.ValidFrom).ToListAsync(cancellationToken);
        foreach (var (from, amount, source) in BaseSalaries.Where(b => !salaries.Contains(b.From)))
        {
            db.BaseSalaries.Add(new BaseSalary { ValidFrom = from, Amount = amount, Source = source });
        }
        // Bodies without an abbreviation get theirs; ThiDua keeps the register unless a body's clerk has taken it back.
        foreach (var unit in await db.Units.Where(u => u.Abbreviation == null && u.Type != UnitType.Enterprise).ToListAsync(cancellationToken))
        {
            unit.Abbreviation = AbbreviationFor(unit.Code, unit.Type);
            unit.KeepsRegisterInThiDua = unit.Abbreviation is not null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static RewardRule ToRow(RewardRuleSet set, DateTime at, string? userName) => new()
    {
        Award = set.Award,
        ValidFrom = set.ValidFrom,
        ValidTo = set.ValidTo,
        Source = set.Source,
        Issuer = set.Issuer,
        RequiresCouncil = set.RequiresCouncil,
        NoticeWhen = set.NoticeWhen,
        NoticeWorkingDays = set.NoticeWorkingDays,
        QuorumFraction = set.QuorumFraction,
        PassFraction = set.PassFraction,
        PassOfMembers = set.PassOfMembers,
        RequiredDocumentsJson = JsonSerializer.Serialize(set.RequiredDocuments.Select(Core.Text.ApiCodes.Code), Json),
        CriteriaJson = JsonSerializer.Serialize(set.Criteria, Json),
        StepTimeLimitsJson = JsonSerializer.Serialize(set.StepTimeLimits, Json),
        PersonCoefficient = set.Money.PersonCoefficient,
        CollectiveCoefficient = set.Money.CollectiveCoefficient,
        CreatedAt = at,
        CreatedBy = userName,
    };

    public static RewardRuleSet FromRow(RewardRule row) => new(
        row.Award, row.ValidFrom, row.ValidTo, row.Source, row.Issuer, row.RequiresCouncil, row.NoticeWhen, row.NoticeWorkingDays,
        row.QuorumFraction, row.PassFraction, row.PassOfMembers,
        (JsonSerializer.Deserialize<string[]>(row.RequiredDocumentsJson, Json) ?? []).Select(c => Core.Text.ApiCodes.Parse<DocumentKind>(c, "requiredDocuments")).ToList(),
        JsonSerializer.Deserialize<RewardCriteria.Item[]>(row.CriteriaJson, Json) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, int>>(row.StepTimeLimitsJson, Json) ?? [],
        new MoneyRule(row.PersonCoefficient, row.CollectiveCoefficient));
}
