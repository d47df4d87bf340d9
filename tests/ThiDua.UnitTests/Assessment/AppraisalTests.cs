using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;

namespace ThiDua.UnitTests.Assessment;

public class AppraisalTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("Accept", AppraisalAction.Accept)]
    [InlineData(" adjust ", AppraisalAction.Adjust)]
    [InlineData("RETURN", AppraisalAction.Return)]
    public void TheActionIsReadInAnyCase(string? text, AppraisalAction? action) =>
        Assert.Equal(action, Appraisal.ParseAction(text, "HD1.1"));

    [Fact]
    public void AnUnknownActionIsRefusedNamingTheIndicator() =>
        Assert.Contains("HD1.1", Assert.Throws<DomainException>(() => Appraisal.ParseAction("approve", "HD1.1")).Errors.Keys);

    [Fact]
    public void AcceptingKeepsTheUnitsValue()
    {
        var verdict = Appraisal.Decide("HD1.1", AppraisalAction.Accept, 0.8, proposedRaw: 0.5, reason: null, message: null);

        Assert.Equal(AppraisalDecision.Accepted, verdict.Decision);
        Assert.Equal(0.8, verdict.Raw);
        Assert.True(verdict.KeepsSelfValue);
    }

    [Fact]
    public void WithoutAnActionTheSameValueAcceptsAndAnotherAdjusts()
    {
        Assert.Equal(AppraisalDecision.Accepted, Appraisal.Decide("HD1.1", null, 0.8, 0.8 + 1e-12, null, null).Decision);
        Assert.Equal(AppraisalDecision.Accepted, Appraisal.Decide("HD1.1", null, 0.8, null, null, null).Decision);
        var adjusted = Appraisal.Decide("HD1.1", null, 0.8, 0.6, " Theo hệ thống giải quyết TTHC ", null);
        Assert.Equal((AppraisalDecision.Adjusted, 0.6, "Theo hệ thống giải quyết TTHC", false), (adjusted.Decision, adjusted.Raw, adjusted.Reason, adjusted.KeepsSelfValue));
    }

    [Fact]
    public void AnAdjustmentNeedsAReasonAndADifferentValue()
    {
        Assert.Contains("lý do", Assert.Throws<DomainException>(() => Appraisal.Decide("HD1.1", AppraisalAction.Adjust, 0.8, 0.6, "  ", null)).Message, StringComparison.Ordinal);
        Assert.Contains("trùng", Assert.Throws<DomainException>(() => Appraisal.Decide("HD1.1", AppraisalAction.Adjust, 0.8, 0.8, "lý do", null)).Message, StringComparison.Ordinal);
        Assert.Equal(AppraisalDecision.Adjusted, Appraisal.Decide("HD1.1", AppraisalAction.Adjust, 0.8, double.NaN, "Không có minh chứng", null).Decision);
    }

    [Fact]
    public void AQuestionNeedsItsTextAndLeavesTheValueWaiting()
    {
        var question = Appraisal.Decide("HD1.1", AppraisalAction.Return, 0.8, null, reason: "Gửi báo cáo thống kê", message: null);

        Assert.Equal((AppraisalDecision.Returned, "Gửi báo cáo thống kê"), (question.Decision, question.Message));
        Assert.Throws<DomainException>(() => Appraisal.Decide("HD1.1", AppraisalAction.Return, 0.8, null, null, " "));
    }

    [Theory]
    [InlineData(AppraisalDecision.None, AppraisalDecision.None, true)]
    [InlineData(AppraisalDecision.Accepted, AppraisalDecision.None, false)]
    [InlineData(AppraisalDecision.Adjusted, AppraisalDecision.None, false)]
    [InlineData(AppraisalDecision.Returned, AppraisalDecision.Returned, true)]
    public void AChangedValueIsAppraisedAgainAndFinalisingAcceptsWhatTheAppraiserLeft(AppraisalDecision before, AppraisalDecision afterChange, bool acceptedOnFinalize)
    {
        Assert.Equal(afterChange, Appraisal.AfterUnitChange(before));
        Assert.Equal(acceptedOnFinalize, Appraisal.AcceptedOnFinalize(before));
    }
}
