using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

/// <summary>Rule sets for Core tests: the shapes the seeded sets have, written out here so the tests do not depend on the seed.</summary>
internal static class RuleSets
{
    private static RewardRuleSet Set(AwardLevel award, IssuerLevel issuer, bool council, NoticeTiming notice, double pass) => new(
        award, new DateOnly(2025, 7, 1), null, "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP", issuer, council, notice, 10, 2.0 / 3, pass, true,
        [DocumentKind.Proposal, DocumentKind.Minutes, DocumentKind.AchievementReport],
        [new("*:chap-hanh", "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước", true), new("unit:doan-ket", "Nội bộ đoàn kết", true), new("individual:hoan-thanh-nhiem-vu", "Hoàn thành tốt nhiệm vụ", true)],
        new Dictionary<string, int> { ["receive"] = 5 }, new MoneyRule(1.5, 3.0));

    public static readonly RewardRuleSet Chairman = Set(AwardLevel.ChairmanCertificate, IssuerLevel.Province, false, NoticeTiming.None, 0.7);
    public static readonly RewardRuleSet UnitCertificate = Set(AwardLevel.UnitCertificate, IssuerLevel.UnitHead, false, NoticeTiming.None, 0.7) with { Money = new MoneyRule(0.3, 0.6) };
    public static readonly RewardRuleSet State = Set(AwardLevel.StateAward, IssuerLevel.Central, true, NoticeTiming.BeforeCouncil, 0.9) with { Money = new MoneyRule(null, null) };
}
