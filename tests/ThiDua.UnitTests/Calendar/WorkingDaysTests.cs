using ThiDua.Core.Calendar;

namespace ThiDua.UnitTests.Calendar;

public class WorkingDaysTests
{
    [Fact]
    public void TetAndHungKingsDayFollowTheLunarCalendar()
    {
        var holidays2026 = VietnamHolidays.Statutory(2026).Select(h => h.Day).ToList();

        // Tết Bính Ngọ: the lunar new year is 17/02/2026; Hùng Kings' day (10/3 lunar) is 26/04/2026.
        Assert.Contains(new DateOnly(2026, 2, 16), holidays2026);
        Assert.Contains(new DateOnly(2026, 2, 20), holidays2026);
        Assert.Contains(new DateOnly(2026, 4, 26), holidays2026);
        Assert.Contains(new DateOnly(2026, 9, 2), holidays2026);
        Assert.Equal(11, holidays2026.Count);   // 1/1, Tết (5), Hùng Kings, 30/4, 1/5, 1/9, 2/9
    }

    [Fact]
    public void TenWorkingDaysSkipWeekendsAndHolidays()
    {
        var calendar = WorkingDays.Statutory(2026, 2026);

        // From Monday 20/04/2026: 30/04 and 01/05 are holidays, weekends skipped.
        Assert.Equal(new DateOnly(2026, 5, 5), calendar.AddWorkingDays(new DateOnly(2026, 4, 20), 10));
        // From Monday 07/12/2026: two plain weeks.
        Assert.Equal(new DateOnly(2026, 12, 18), calendar.AddWorkingDays(new DateOnly(2026, 12, 7), 10));
        // Starting on a Saturday, counting begins on Monday.
        Assert.Equal(new DateOnly(2026, 12, 11), calendar.AddWorkingDays(new DateOnly(2026, 12, 5), 5));
    }
}
