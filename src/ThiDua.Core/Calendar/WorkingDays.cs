using System.Globalization;

namespace ThiDua.Core.Calendar;

/// <summary>
/// Vietnamese public holidays by the Labour Code 2019 (Article 112): New Year 1/1; Tết, five days (the last day of
/// the lunar year and the first four of the new one); Hùng Kings' day 10/3 lunar; 30/4; 1/5; National Day 2/9 and
/// 1/9. Lunar dates come from .NET's Chinese lunisolar calendar, which matches the Vietnamese one in these years;
/// the government's yearly decisions (days moved, extra days off) are added by the administrator on top.
/// </summary>
public static class VietnamHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static IReadOnlyList<(DateOnly Day, string Name)> Statutory(int year)
    {
        var days = new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Tết Dương lịch"),
            (new DateOnly(year, 4, 30), "Ngày Chiến thắng"),
            (new DateOnly(year, 5, 1), "Ngày Quốc tế lao động"),
            (new DateOnly(year, 9, 1), "Quốc khánh (ngày liền kề)"),
            (new DateOnly(year, 9, 2), "Quốc khánh"),
        };
        // The lunar new year that falls in this Gregorian year.
        var newYear = DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));
        days.Add((newYear.AddDays(-1), "Tết Nguyên đán"));
        for (var d = 0; d < 4; d++)
        {
            days.Add((newYear.AddDays(d), "Tết Nguyên đán"));
        }
        // 10th day of the 3rd lunar month; a leap month before it shifts the month index.
        var leap = Lunar.GetLeapMonth(year);
        var third = leap is > 0 and <= 3 ? 4 : 3;
        days.Add((DateOnly.FromDateTime(Lunar.ToDateTime(year, third, 10, 0, 0, 0, 0)), "Giỗ Tổ Hùng Vương"));
        return days.OrderBy(d => d.Item1).ToList();
    }
}

/// <summary>Counts working days: Monday to Friday, not a holiday.</summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = holidays.ToHashSet();

    public static WorkingDays Statutory(int fromYear, int toYear, IEnumerable<DateOnly>? extraHolidays = null) =>
        new(Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(y => VietnamHolidays.Statutory(y).Select(h => h.Day)).Concat(extraHolidays ?? []));

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The last day of a period of <paramref name="count"/> working days starting on <paramref name="start"/> (counted if it is one).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var day = start;
        var counted = IsWorkingDay(day) ? 1 : 0;
        while (counted < count)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }
}
