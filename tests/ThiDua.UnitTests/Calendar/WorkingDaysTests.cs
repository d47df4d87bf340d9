using System.Globalization;
using ThiDua.Core.Calendar;

namespace ThiDua.UnitTests.Calendar;

public class WorkingDaysTests
{
    /// <summary>The government's arrangement of 2025–2026 as announced (vn-days-off.csv): what the calendar records beyond the law.</summary>
    private static readonly CalendarEntry[] Arranged =
    [
        new(new DateOnly(2025, 1, 27), DayKind.DayOff, "Nghỉ bù Tết", DayRule.Substitute),
        new(new DateOnly(2025, 4, 26), DayKind.WorkingDay, "Làm bù cho thứ Sáu 02/5/2025", DayRule.Arrangement),
        new(new DateOnly(2025, 5, 2), DayKind.DayOff, "Hoán đổi ngày làm việc", DayRule.Arrangement),
        new(new DateOnly(2026, 1, 2), DayKind.DayOff, "Hoán đổi ngày làm việc", DayRule.Arrangement),
        new(new DateOnly(2026, 1, 10), DayKind.WorkingDay, "Làm bù cho thứ Sáu 02/01/2026", DayRule.Arrangement),
    ];

    private static readonly WorkingDays Calendar = WorkingDays.For(2024, 2027, Arranged);

    [Theory]
    [InlineData(1985, "1985-01-21")]   // China: 20/02/1985
    [InlineData(2007, "2007-02-17")]   // China: 18/02/2007
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    public void TetFollowsVietnamsLunarCalendar(int year, string tet) =>
        Assert.Equal(DateOnly.Parse(tet, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));

    [Theory]
    [InlineData(1985)]
    [InlineData(2007)]
    public void InSomeYearsVietnamsTetIsNotChinas(int year)
    {
        var china = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(year, 1, 1, 0, 0, 0, 0));

        Assert.NotEqual(china, VietnameseLunarCalendar.NewYear(year));
    }

    [Fact]
    public void TheStatutoryHolidaysOfAYear()
    {
        var holidays2026 = VietnamHolidays.Statutory(2026).Select(h => h.Date).ToList();

        // Tết Bính Ngọ: the lunar new year is 17/02/2026; Hùng Kings' day (10/3 lunar) is 26/04/2026.
        Assert.Contains(new DateOnly(2026, 2, 16), holidays2026);
        Assert.Contains(new DateOnly(2026, 2, 20), holidays2026);
        Assert.Contains(new DateOnly(2026, 4, 26), holidays2026);
        Assert.Contains(new DateOnly(2026, 9, 2), holidays2026);
        Assert.Equal(11, holidays2026.Count);   // 1/1, Tết (5), Hùng Kings, 30/4, 1/5, 2/9 and the day next to it
    }

    [Fact]
    public void AHolidayOnASundayGivesTheNextWorkingDayOff()
    {
        // Hùng Kings' day 2026 is a Sunday: Monday 27/04 is off.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
        // National Day 2024 is a Monday and 1/9 a Sunday: the day next to it is 3/9.
        Assert.Contains(VietnamHolidays.Statutory(2024), h => h.Date == new DateOnly(2024, 9, 3));
    }

    [Fact]
    public void TheArrangementReplacesTheComputedSubstitute()
    {
        // Tết 2025 ends on Saturday 01/02; its substitute was placed before it, on 27/01, not on 03/02.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 2, 3)));
    }

    [Theory]
    [InlineData("2025-01-27", false)]
    [InlineData("2025-05-02", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2025-04-26", true)]
    [InlineData("2026-01-10", true)]
    [InlineData("2025-04-25", true)]
    public void TheDaysOfTheAnnouncedArrangement(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day, CultureInfo.InvariantCulture)));

    [Fact]
    public void TenWorkingDaysSkipWeekendsHolidaysAndSwappedDaysAndCountTheSaturdaysWorked()
    {
        // Thursday 24/04/2025: 26/04 is worked; 30/04–02/05 are off.
        Assert.Equal(new DateOnly(2025, 5, 9), Calendar.AddWorkingDays(new DateOnly(2025, 4, 24), 10));
        // Monday 29/12/2025: 01–02/01 are off, Saturday 10/01 is worked.
        Assert.Equal(new DateOnly(2026, 1, 12), Calendar.AddWorkingDays(new DateOnly(2025, 12, 29), 10));
        // From Monday 07/12/2026: two plain weeks. Starting on a Saturday, counting begins on Monday.
        Assert.Equal(new DateOnly(2026, 12, 18), Calendar.AddWorkingDays(new DateOnly(2026, 12, 7), 10));
        Assert.Equal(new DateOnly(2026, 12, 11), Calendar.AddWorkingDays(new DateOnly(2026, 12, 5), 5));
    }

    [Fact]
    public void TheAdministratorsCorrectionMakesAComputedDayOffWorked()
    {
        var corrected = WorkingDays.For(2026, 2026, [new CalendarEntry(new DateOnly(2026, 4, 27), DayKind.NotOff, "Đi làm", DayRule.Other)]);

        Assert.True(corrected.IsWorkingDay(new DateOnly(2026, 4, 27)));
    }
}
