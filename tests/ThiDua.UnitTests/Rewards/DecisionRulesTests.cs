using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class DecisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static DecisionNominee Nominee(int id, AwardLevel award, int unit = 10, NominationStatus status = NominationStatus.PubliclyNoticed, DateOnly? noticeEnd = null) =>
        new(id, award, unit, status, noticeEnd);

    [Fact]
    public void TheChairmanIssuesTheChairmansCertificatesAndAUnitItsOwn()
    {
        Assert.True(DecisionRules.IssuerOf([Nominee(1, AwardLevel.ChairmanCertificate), Nominee(2, AwardLevel.StateAward, unit: 11)]).IsProvince);
        Assert.Equal(new DecisionIssuer(10), DecisionRules.IssuerOf([Nominee(1, AwardLevel.UnitCertificate), Nominee(2, AwardLevel.UnitCertificate)]));
        Assert.Equal("QĐ-UBND", DecisionRules.Suffix(DecisionRules.ProvinceBody));
    }

    [Fact]
    public void OneDecisionIsOfOneIssuer()
    {
        Assert.Throws<DomainException>(() => DecisionRules.IssuerOf([Nominee(1, AwardLevel.UnitCertificate), Nominee(2, AwardLevel.ChairmanCertificate)]));
        Assert.Throws<DomainException>(() => DecisionRules.IssuerOf([Nominee(1, AwardLevel.UnitCertificate, unit: 10), Nominee(2, AwardLevel.UnitCertificate, unit: 11)]));
    }

    [Fact]
    public void ADecisionRecordsWhatWasSignedNotWhatWillBe()
    {
        DecisionRules.EnsureSigned(Today, Today);

        Assert.Contains("date", Assert.Throws<DomainException>(() => DecisionRules.EnsureSigned(Today.AddDays(1), Today)).Errors.Keys);
    }

    /// <summary>The Chairman's certificate as a rule set that asks for the council and a notice before the decision.</summary>
    private static readonly Dictionary<AwardLevel, RewardRuleSet> CouncilThenNotice = new()
    {
        [AwardLevel.ChairmanCertificate] = RuleSets.Chairman with { RequiresCouncil = true, NoticeWhen = NoticeTiming.BeforeDecision },
        [AwardLevel.UnitCertificate] = RuleSets.UnitCertificate,
    };

    [Fact]
    public void TheChairmanDecidesAfterTheStepsItsRulesRequireAndAUnitFromItsLeadersSubmission()
    {
        DecisionRules.EnsureInStep(DecisionIssuer.Province, [Nominee(1, AwardLevel.ChairmanCertificate)], CouncilThenNotice);
        DecisionRules.EnsureInStep(new DecisionIssuer(10), [Nominee(1, AwardLevel.UnitCertificate, status: NominationStatus.Submitted)], CouncilThenNotice);

        var early = Assert.Throws<ConflictException>(() => DecisionRules.EnsureInStep(DecisionIssuer.Province, [Nominee(4, AwardLevel.ChairmanCertificate, status: NominationStatus.Voted)], CouncilThenNotice));
        Assert.Contains("4 (Hội đồng đã thông qua)", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderTheProvincesProcedureTheChairmanDecidesWhatTheBoardReceived()
    {
        var rules = new Dictionary<AwardLevel, RewardRuleSet> { [AwardLevel.ChairmanCertificate] = RuleSets.Chairman };

        DecisionRules.EnsureInStep(DecisionIssuer.Province, [Nominee(1, AwardLevel.ChairmanCertificate, status: NominationStatus.Received)], rules);
        DecisionRules.EnsureInStep(DecisionIssuer.Province, [Nominee(2, AwardLevel.ChairmanCertificate, status: NominationStatus.Voted)], rules);
        Assert.Throws<ConflictException>(() => DecisionRules.EnsureInStep(DecisionIssuer.Province, [Nominee(3, AwardLevel.ChairmanCertificate, status: NominationStatus.Submitted)], rules));
    }

    [Fact]
    public void DecidingDuringTheNoticeNeedsARecordedReason()
    {
        var open = Nominee(1, AwardLevel.ChairmanCertificate, noticeEnd: Today.AddDays(3));
        var ended = Nominee(2, AwardLevel.ChairmanCertificate, noticeEnd: Today.AddDays(-1));

        Assert.Contains("noticeWaiverReason", Assert.Throws<DomainException>(() => DecisionRules.CheckNotice([open, ended], Today, Today, " ")).Errors.Keys);
        var (stillNoticed, waiver) = DecisionRules.CheckNotice([open, ended], Today, Today, " Khẩn trương trước lễ tổng kết ");
        Assert.Equal([1], stillNoticed.Select(n => n.Id));
        Assert.Equal("Khẩn trương trước lễ tổng kết", waiver);
        Assert.Equal((0, (string?)null), (DecisionRules.CheckNotice([ended], Today, Today, "lý do").StillNoticed.Count, DecisionRules.CheckNotice([ended], Today, Today, "lý do").Waiver));
    }
}
