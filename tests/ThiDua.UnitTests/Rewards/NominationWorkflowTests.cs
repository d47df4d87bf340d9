using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class NominationWorkflowTests
{
    [Theory]
    [InlineData(NominationStatus.Draft, NominationStatus.Submitted, true)]
    [InlineData(NominationStatus.Returned, NominationStatus.Submitted, true)]
    [InlineData(NominationStatus.Submitted, NominationStatus.Received, true)]
    [InlineData(NominationStatus.Received, NominationStatus.SentToCouncil, true)]
    [InlineData(NominationStatus.SentToCouncil, NominationStatus.Voted, true)]
    [InlineData(NominationStatus.Voted, NominationStatus.PubliclyNoticed, true)]
    [InlineData(NominationStatus.PubliclyNoticed, NominationStatus.Decided, true)]
    [InlineData(NominationStatus.Draft, NominationStatus.Received, false)]
    [InlineData(NominationStatus.Received, NominationStatus.Decided, true)]   // where its rule set asks for no council
    [InlineData(NominationStatus.Voted, NominationStatus.Decided, true)]   // where its rule set asks for no notice
    [InlineData(NominationStatus.Decided, NominationStatus.Rejected, false)]
    [InlineData(NominationStatus.Rejected, NominationStatus.Submitted, false)]
    public void StepsFollowTheRoute(NominationStatus from, NominationStatus to, bool allowed) =>
        Assert.Equal(allowed, NominationWorkflow.CanMove(from, to));

    [Fact]
    public void AStepOutOfOrderIsAConflictNamingBothSteps()
    {
        var error = Assert.Throws<ConflictException>(() => NominationWorkflow.EnsureCanMove(NominationStatus.Draft, NominationStatus.Decided));

        Assert.Contains("Đang soạn", error.Message, StringComparison.Ordinal);
        Assert.Contains("Đã có quyết định khen thưởng", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("05/QĐ-UBND", 5)]
    [InlineData("Số: 12/QĐ-UBND", 12)]
    [InlineData("7", 7)]
    [InlineData("05/qđ-ubnd", 5)]
    [InlineData("05/QĐ-SYT", null)]
    [InlineData("0", null)]
    [InlineData("năm", null)]
    [InlineData("-3", null)]
    public void DecisionNumbersAreReadForTheirIssuingBody(string text, int? sequence) =>
        Assert.Equal(sequence, DecisionNumbers.Parse(text, "QĐ-UBND"));

    [Fact]
    public void DecisionNumbersHaveTwoDigitsAtLeast()
    {
        Assert.Equal("05/QĐ-UBND", DecisionNumbers.Format(5, "QĐ-UBND"));
        Assert.Equal("123/QĐ-UBND", DecisionNumbers.Format(123, "QĐ-UBND"));
    }

    [Fact]
    public void AStateAwardIsProposedThenDecidedOrRejectedByTheCentralLevel()
    {
        Assert.True(NominationWorkflow.CanMove(NominationStatus.Voted, NominationStatus.Proposed));
        Assert.True(NominationWorkflow.CanMove(NominationStatus.Proposed, NominationStatus.Decided));
        Assert.True(NominationWorkflow.CanMove(NominationStatus.Proposed, NominationStatus.Rejected));
        Assert.False(NominationWorkflow.CanMove(NominationStatus.Proposed, NominationStatus.Received));
    }

    [Fact]
    public void ADossierListsTheDocumentsItLacks()
    {
        Assert.Equal([DocumentKind.Minutes], NominationRules.MissingDocuments(AwardLevel.StateAward, [DocumentKind.Proposal, DocumentKind.AchievementReport, DocumentKind.Other]));
        Assert.Empty(NominationRules.MissingDocuments(AwardLevel.UnitCertificate, []));
    }
}
