using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Calendar;

namespace ThiDua.UnitTests.Calendar;

public class VietnamTimeTests
{
    [Fact]
    public void MidnightInHanoiIsFiveInTheAfternoonUtcOfThePreviousDay()
    {
        var start = VietnamTime.StartOfDayUtc(new DateOnly(2025, 12, 15));

        Assert.Equal(new DateTime(2025, 12, 14, 17, 0, 0, DateTimeKind.Utc), start);
    }

    [Fact]
    public void TodayIsTheVietnameseDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 14, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 12, 15), VietnamTime.Today(clock));
        Assert.Equal(new DateOnly(2025, 12, 15), VietnamTime.DayOf(clock.GetUtcNow().UtcDateTime));
    }
}
