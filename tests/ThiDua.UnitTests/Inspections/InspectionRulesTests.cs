using ThiDua.Core.Errors;
using ThiDua.Core.Inspections;

namespace ThiDua.UnitTests.Inspections;

public class InspectionRulesTests
{
    private static readonly DateOnly Due = new(2026, 12, 10);

    [Theory]
    [InlineData(RecommendationStatus.Open, 2026, 12, 10, false)]
    [InlineData(RecommendationStatus.Open, 2026, 12, 11, true)]
    [InlineData(RecommendationStatus.Responded, 2026, 12, 11, true)]
    [InlineData(RecommendationStatus.Done, 2027, 1, 1, false)]
    public void OverdueIsPastTheDueDayAndNotDone(RecommendationStatus status, int year, int month, int day, bool overdue) =>
        Assert.Equal(overdue, InspectionRules.IsOverdue(status, Due, new DateOnly(year, month, day)));

    [Fact]
    public void AnAnswerIsDoneOnlyWhenTheUnitSaysSo()
    {
        Assert.Equal(RecommendationStatus.Done, InspectionRules.AfterResponse(done: true));
        Assert.Equal(RecommendationStatus.Responded, InspectionRules.AfterResponse(done: false));
    }

    [Fact]
    public void APlanEndsOnOrAfterItsStartWithinItsYear()
    {
        InspectionRules.CheckDates(2026, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1));
        InspectionRules.CheckDates(2026, new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 15));

        var backwards = Assert.Throws<DomainException>(() => InspectionRules.CheckDates(2026, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 1)));
        Assert.Contains("endDate", backwards.Errors.Keys);
        var otherYear = Assert.Throws<DomainException>(() => InspectionRules.CheckDates(2026, new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1)));
        Assert.Contains("startDate", otherYear.Errors.Keys);
    }

    [Fact]
    public void ADueDateMayNotHavePassedWhenTheFindingIsRecorded()
    {
        InspectionRules.CheckDue(Due, Due, "dueDate");
        var past = Assert.Throws<DomainException>(() => InspectionRules.CheckDue(Due, Due.AddDays(1), "recommendations[0].dueDate"));
        Assert.Contains("recommendations[0].dueDate", past.Errors.Keys);
    }
}
