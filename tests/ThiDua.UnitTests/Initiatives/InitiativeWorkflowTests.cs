using ThiDua.Core.Errors;
using ThiDua.Core.Initiatives;

namespace ThiDua.UnitTests.Initiatives;

public class InitiativeWorkflowTests
{
    [Theory]
    [InlineData(InitiativeStatus.Returned)]
    [InlineData(InitiativeStatus.Accepted)]
    [InlineData(InitiativeStatus.Published)]
    public void OnlyOneWaitingForReviewIsReturnedOrAccepted(InitiativeStatus status)
    {
        Assert.Throws<ConflictException>(() => InitiativeWorkflow.EnsureCanReturn(status));
        Assert.Throws<ConflictException>(() => InitiativeWorkflow.EnsureCanAccept(status));
    }

    [Fact]
    public void TheRouteRunsFromSubmittedToFeatured()
    {
        InitiativeWorkflow.EnsureCanReturn(InitiativeStatus.Submitted);
        InitiativeWorkflow.EnsureCanAccept(InitiativeStatus.Submitted);
        InitiativeWorkflow.EnsureCanPublish(InitiativeStatus.Accepted);
        InitiativeWorkflow.EnsureCanFeature(InitiativeStatus.Published);
        Assert.Throws<ConflictException>(() => InitiativeWorkflow.EnsureCanPublish(InitiativeStatus.Submitted));
        var conflict = Assert.Throws<ConflictException>(() => InitiativeWorkflow.EnsureCanFeature(InitiativeStatus.Accepted));
        Assert.Contains("đã chấp nhận, chờ công bố", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUnitEditsOnlyUntilItIsAccepted()
    {
        Assert.True(InitiativeWorkflow.UnitCanEdit(InitiativeStatus.Submitted));
        Assert.True(InitiativeWorkflow.UnitCanEdit(InitiativeStatus.Returned));
        Assert.False(InitiativeWorkflow.UnitCanEdit(InitiativeStatus.Accepted));
        Assert.Throws<ConflictException>(() => InitiativeWorkflow.EnsureUnitCanEdit(InitiativeStatus.Published));
    }

    [Fact]
    public void EverySectorAndKindHasAVietnameseName()
    {
        Assert.Equal("Giao thông vận tải và logistics", InitiativeSector.TransportLogistics.VietnameseName());
        Assert.Equal("Cửa khẩu số", InitiativeSector.BorderGates.VietnameseName());
        Assert.Equal(Enum.GetValues<InitiativeSector>().Length, Enum.GetValues<InitiativeSector>().Select(s => s.VietnameseName()).Distinct().Count());
        Assert.Equal("Sáng kiến, giải pháp", InitiativeKind.Initiative.VietnameseName());
        Assert.Equal("border_gates", ThiDua.Core.Text.ApiCodes.Code(InitiativeSector.BorderGates));
    }
}
