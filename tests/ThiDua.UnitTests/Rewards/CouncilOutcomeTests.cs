using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class CouncilOutcomeTests
{
    private static SessionResult Closed(int members, int present, params Tally[] tallies) =>
        Ballots.Close(members, present, tallies, CouncilRules.Default);

    [Fact]
    public void APassedNominationIsVotedWithItsCounts()
    {
        var session = Closed(3, 3, new Tally(7, 2, 1, 0));

        var outcome = CouncilOutcome.Of(session, session.Results[0]);

        Assert.Equal(NominationStatus.Voted, outcome.To);
        Assert.Equal("Hội đồng thông qua: 2 đồng ý, 1 không đồng ý, 0 không biểu quyết", outcome.Reason);
        Assert.Null(outcome.RejectionReason);
        Assert.False(outcome.LeavesSession);
    }

    [Fact]
    public void ANominationTheCouncilDidNotPassIsRejectedWithItsCounts()
    {
        var session = Closed(3, 3, new Tally(7, 1, 1, 1));

        var outcome = CouncilOutcome.Of(session, session.Results[0]);

        Assert.Equal(NominationStatus.Rejected, outcome.To);
        Assert.Equal("Hội đồng không thông qua", outcome.RejectionReason);
        Assert.StartsWith("Hội đồng không thông qua: 1 đồng ý", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutQuorumNothingWasDecidedAndTheNominationWaitsForAnotherSession()
    {
        var session = Closed(6, 3, new Tally(7, 3, 0, 0));

        var outcome = CouncilOutcome.Of(session, session.Results[0]);

        Assert.Equal(NominationStatus.Received, outcome.To);
        Assert.True(outcome.LeavesSession);
        Assert.Equal("Phiên họp không đủ túc số (3/6 thành viên bỏ phiếu)", outcome.Reason);
        Assert.True(NominationWorkflow.CanMove(NominationStatus.SentToCouncil, outcome.To));
    }
}
