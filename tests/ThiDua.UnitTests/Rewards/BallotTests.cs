using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class BallotTests
{
    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    public void TheQuorumIsTwoThirdsOfTheMembers(int members, int present, bool met) =>
        Assert.Equal(met, new CouncilRules().QuorumMet(members, present));

    [Theory]
    [InlineData(2, 4, false)]
    [InlineData(3, 4, true)]
    [InlineData(2, 3, true)]
    public void ANominationPassesWithMoreThanHalfOfThePresent(int yes, int present, bool passes) =>
        Assert.Equal(passes, new CouncilRules().Passes(yes, 9, present));

    [Fact]
    public void PassingCanBeCountedOnAllMembersInstead()
    {
        var rules = new CouncilRules(PassFraction: 0.5, PassOfMembers: true);

        Assert.False(rules.Passes(4, 9, 6));
        Assert.True(rules.Passes(5, 9, 6));
    }

    [Fact]
    public void WithoutQuorumNothingPasses()
    {
        var result = Ballots.Close(9, 5, [new Tally(1, 5, 0, 0)], new CouncilRules());

        Assert.False(result.QuorumMet);
        Assert.Empty(result.PassedNominations);
    }

    [Fact]
    public void ClosingListsEachNominationsTally()
    {
        var result = Ballots.Close(3, 3, [new Tally(1, 2, 1, 0), new Tally(2, 1, 1, 1)], new CouncilRules());

        Assert.Equal([1], result.PassedNominations);
        Assert.Equal(3, result.Results[1].Yes + result.Results[1].No + result.Results[1].Abstain);
    }

    [Fact]
    public void ABallotHasExactlyOneChoiceForEachNominationOfTheSession()
    {
        var session = new HashSet<int> { 1, 2 };

        Ballots.EnsureComplete([(1, BallotChoice.Yes), (2, BallotChoice.Abstain)], session);
        var error = Assert.Throws<ThiDua.Core.Errors.DomainException>(() => Ballots.EnsureComplete([(1, BallotChoice.Yes), (1, BallotChoice.No), (3, BallotChoice.Yes)], session));
        Assert.Equal(["Hồ sơ 3 không thuộc phiên họp.", "Hồ sơ 1 được chọn hai lần.", "Thiếu lựa chọn cho hồ sơ 2."], error.Errors["votes"]);
    }
}
