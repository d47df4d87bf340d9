using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;

namespace ThiDua.UnitTests.Rewards;

public class RewardRulesTests
{
    [Fact]
    public void ADecisionUsesTheSetValidOnItsDate()
    {
        var old = RuleSets.Chairman with { ValidFrom = new DateOnly(2024, 1, 1), ValidTo = new DateOnly(2025, 6, 30), Money = new MoneyRule(1.0, 2.0) };
        var sets = new[] { old, RuleSets.Chairman };

        Assert.Equal(1.0, RewardRuleSet.InForce(sets, AwardLevel.ChairmanCertificate, new DateOnly(2025, 6, 30)).Money.PersonCoefficient);
        Assert.Equal(1.5, RewardRuleSet.InForce(sets, AwardLevel.ChairmanCertificate, new DateOnly(2025, 7, 1)).Money.PersonCoefficient);
        Assert.Contains("award", Assert.Throws<DomainException>(() => RewardRuleSet.InForce(sets, AwardLevel.ChairmanCertificate, new DateOnly(2023, 12, 31))).Errors.Keys);
    }

    [Theory]
    [InlineData(9, 9, 5, false)]   // 5 of 9 is 56 %, under 70 % of all members
    [InlineData(9, 5, 5, false)]   // present or not, the share counts over the council
    [InlineData(9, 7, 7, true)]    // 7 of 9 is 78 %
    [InlineData(9, 9, 6, false)]   // 6 of 9 is 67 %
    [InlineData(10, 10, 7, true)]  // 7 of 10 is 70 %: "from 70 % up"
    public void AChairmansCertificateNeedsSeventyPercentOfAllMembers(int members, int present, int yes, bool passes)
    {
        var rules = RuleSets.Chairman.Council;

        var result = Ballots.Close(members, present, [new Tally(1, yes, present - yes, 0)], rules);

        Assert.Equal(passes, result.Results[0].Passed);
    }

    [Fact]
    public void ChecklistsComeFromTheSetForTheKindOfNominee()
    {
        Assert.Equal(["chap-hanh", "doan-ket"], RuleSets.Chairman.CriteriaFor(NomineeKind.Unit).Select(c => c.Code));
        Assert.Equal(["chap-hanh", "hoan-thanh-nhiem-vu"], RuleSets.Chairman.CriteriaFor(NomineeKind.Individual).Select(c => c.Code));
        Assert.True(RuleSets.Chairman.CriteriaFor(NomineeKind.Individual).Single(c => c.Code == "hoan-thanh-nhiem-vu").Mandatory);
    }

    [Fact]
    public void AStateAwardIsNoticedBeforeTheCouncilAndProposedNotDecided()
    {
        Assert.Throws<ConflictException>(() => RewardRoute.EnsureCanGoToCouncil(RuleSets.State, NominationStatus.Received, null, new DateOnly(2025, 12, 1)));
        Assert.Throws<ConflictException>(() => RewardRoute.EnsureCanGoToCouncil(RuleSets.State, NominationStatus.PubliclyNoticed, new DateOnly(2025, 12, 5), new DateOnly(2025, 12, 5)));
        RewardRoute.EnsureCanGoToCouncil(RuleSets.State, NominationStatus.PubliclyNoticed, new DateOnly(2025, 12, 5), new DateOnly(2025, 12, 8));
        RewardRoute.EnsureCanStartNotice(RuleSets.State, NominationStatus.Received);
        RewardRoute.EnsureCanPropose(RuleSets.State, NominationStatus.Voted);
        Assert.Contains("nominationIds", Assert.Throws<DomainException>(() => RewardRoute.EnsureProvinceDecides(AwardLevel.StateAward)).Errors.Keys);
    }

    [Fact]
    public void TheProvincesProcedureForItsCertificateNeedsNoCouncil()
    {
        Assert.True(RewardRoute.ProvinceCanDecide(RuleSets.Chairman, NominationStatus.Received));
        Assert.False(RewardRoute.ProvinceCanDecide(RuleSets.Chairman with { RequiresCouncil = true }, NominationStatus.Received));
        Assert.False(RewardRoute.ProvinceCanDecide(RuleSets.Chairman with { NoticeWhen = NoticeTiming.BeforeDecision }, NominationStatus.Voted));
    }

    [Fact]
    public void AnInvalidSetNamesEachFault()
    {
        var faults = (RuleSets.Chairman with { Source = " ", PassFraction = 1.5, Issuer = IssuerLevel.Central }).Faults();

        Assert.Equal(["issuer", "passFraction", "source"], faults.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AUnitDoesNotAwardItsOwnCertificateToItself()
    {
        var self = Assert.Throws<DomainException>(() => Issuers.EnsureCanAwardCollective("Phường Bãi Cháy", 7, 2, UnitType.District, 7));
        Assert.Contains("Điều 80", self.Message, StringComparison.Ordinal);
        Assert.Contains("award", Assert.Throws<DomainException>(() => Issuers.EnsureCanAwardCollective("Sở Y tế", 7, 1, UnitType.Province, 1)).Errors.Keys);
        Issuers.EnsureCanAwardCollective("Phường Hồng Gai", 7, 2, UnitType.District, 2);
    }

    [Fact]
    public void AnIssuerThatEndedIssuesNothingAfter()
    {
        var district = new Validity(new DateOnly(2022, 1, 1), new DateOnly(2025, 6, 30));

        Issuers.EnsureExistsOn("Thành phố Hạ Long", district, new DateOnly(2025, 6, 30));
        var error = Assert.Throws<DomainException>(() => Issuers.EnsureExistsOn("Thành phố Hạ Long", district, new DateOnly(2025, 7, 1)));
        Assert.Contains("30/06/2025", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADecisionSymbolIsTheBodysAbbreviation()
    {
        Assert.Equal("01/QĐ-SYT", DecisionNumbers.Format(1, DecisionRules.Suffix("SYT")));
        Assert.Equal(5, DecisionNumbers.Parse("05/QĐ-SYT", DecisionRules.Suffix("SYT")));
    }
}
