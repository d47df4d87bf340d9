using ThiDua.Core.Errors;
using ThiDua.Core.Movements;

namespace ThiDua.UnitTests.Movements;

public class DeadlineTests
{
    private static readonly DateOnly December15 = new(2025, 12, 15);

    [Fact]
    public void BeforeTheFifteenthMeansBeforeMidnightInVietnam()
    {
        var lastMinute = new DateTimeOffset(2025, 12, 14, 23, 59, 59, TimeSpan.FromHours(7)).UtcDateTime;
        var midnight = new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.FromHours(7)).UtcDateTime;

        Assert.True(Deadlines.OnTime(lastMinute, December15));
        Assert.False(Deadlines.OnTime(midnight, December15));
        Assert.Equal(new DateTime(2025, 12, 14, 17, 0, 0, DateTimeKind.Utc), Deadlines.ClosesAtUtc(December15));
    }

    [Theory]
    [InlineData("12-15", 12, 15)]
    [InlineData("15/12", 12, 15)]
    [InlineData("02-29", 2, 29)]
    public void AnnualDaysAreReadInBothForms(string text, int month, int day) => Assert.Equal(new AnnualDay(month, day), AnnualDay.Parse(text));

    [Theory]
    [InlineData("13-01")]
    [InlineData("31/02")]
    [InlineData("ngày mai")]
    public void ImpossibleDaysAreRefused(string text) => Assert.Throws<DomainException>(() => AnnualDay.Parse(text));
}

public class ReminderScheduleTests
{
    private static readonly DateTime Closes = new(2025, 12, 14, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NothingIsDueMoreThanFourteenDaysAhead()
    {
        var (send, record) = ReminderSchedule.Due(Closes, Closes.AddDays(-15), new HashSet<int>());

        Assert.Null(send);
        Assert.Empty(record);
    }

    [Fact]
    public void EachThresholdIsSentOnceInTurn()
    {
        var sent = new HashSet<int>();
        var log = new List<int>();
        for (var at = Closes.AddDays(-20); at < Closes.AddDays(40); at = at.AddHours(6))
        {
            var (send, record) = ReminderSchedule.Due(Closes, at, sent);
            if (send is { } reminder)
            {
                log.Add(reminder.DaysBefore);
            }
            sent.UnionWith(record);
        }

        Assert.Equal([14, 7, 3, 1, 0], log);
    }

    [Fact]
    public void AfterADowntimeOnlyTheLatestReminderIsSentAndTheOthersAreMarkedPassed()
    {
        var (send, record) = ReminderSchedule.Due(Closes, Closes.AddDays(-2), new HashSet<int>());

        Assert.Equal(3, send!.Value.DaysBefore);
        Assert.Equal([3, 7, 14], record.Order());
    }

    [Fact]
    public void TheOverdueNoticeGoesOnceAndNotForLongPastDeadlines()
    {
        Assert.True(ReminderSchedule.Due(Closes, Closes.AddSeconds(1), new HashSet<int> { 14, 7, 3, 1 }).Send!.Value.Overdue);
        Assert.Null(ReminderSchedule.Due(Closes, Closes.AddDays(1), new HashSet<int> { 14, 7, 3, 1, 0 }).Send);
        Assert.Null(ReminderSchedule.Due(Closes, Closes.AddDays(45), new HashSet<int>()).Send);
    }
}
