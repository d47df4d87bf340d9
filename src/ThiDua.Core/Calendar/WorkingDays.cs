namespace ThiDua.Core.Calendar;

/// <summary>Why a day is off, or worked: the law, a substitute for a holiday on a weekend, the government's arrangement, the administrator.</summary>
public enum DayRule
{
    /// <summary>A holiday of the Labour Code 2019, Art. 112(1).</summary>
    Statutory,

    /// <summary>A day off in place of a holiday that fell on the weekly rest day, Art. 112(3).</summary>
    Substitute,

    /// <summary>The Prime Minister's yearly arrangement: extra Tết days, days swapped with a Saturday that is then worked.</summary>
    Arrangement,

    /// <summary>Recorded by the administrator for another reason.</summary>
    Other,
}

public enum DayKind
{
    /// <summary>A weekday that nobody works.</summary>
    DayOff,

    /// <summary>A Saturday or Sunday that civil servants work, in exchange for a day off.</summary>
    WorkingDay,

    /// <summary>The administrator's correction: a day the rules compute as off is worked after all.</summary>
    NotOff,
}

/// <summary>A day the calendar records: a day off or a working day, with its name, rule and where it comes from.</summary>
public sealed record CalendarEntry(DateOnly Date, DayKind Kind, string Name, DayRule Rule, string? Source = null);

/// <summary>A day off of a year, as the calendar shows it.</summary>
public sealed record DayOff(DateOnly Date, string Name, DayRule Rule, bool Recorded);

/// <summary>
/// The public holidays of the Labour Code 2019, Art. 112(1): New Year 1/1; Tết, five days (the last day of the lunar
/// year and the first four of the new one); the Hùng Kings' day 10/3 lunar; 30/4; 1/5; National Day 2/9 and one day
/// next to it, which the Prime Minister chooses each year (1/9 unless that is a weekend day, then 3/9, as in 2024).
/// Lunar dates are Vietnam's (<see cref="VietnameseLunarCalendar"/>). Each holiday is returned with the group of days
/// it belongs to, because substitute days are given per group.
/// </summary>
public static class VietnamHolidays
{
    public sealed record Holiday(DateOnly Date, string Name, string Group);

    public static IReadOnlyList<Holiday> Statutory(int year)
    {
        var days = new List<Holiday> { new(new DateOnly(year, 1, 1), "Tết Dương lịch", "new-year") };
        // The lunar year that begins in this Gregorian year: its eve (the last day of the old year) and four days.
        var tet = VietnameseLunarCalendar.NewYear(year);
        for (var d = -1; d < 4; d++)
        {
            days.Add(new(tet.AddDays(d), "Tết Nguyên đán", "tet"));
        }
        // The 10th day of the (regular) 3rd lunar month.
        days.Add(new(VietnameseLunarCalendar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương", "hung-kings"));
        days.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng", "april-may"));
        days.Add(new(new DateOnly(year, 5, 1), "Ngày Quốc tế lao động", "april-may"));
        var nationalDay = new DateOnly(year, 9, 2);
        var adjacent = new DateOnly(year, 9, 1).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? new DateOnly(year, 9, 3) : new DateOnly(year, 9, 1);
        days.Add(new(nationalDay, "Quốc khánh", "national-day"));
        days.Add(new(adjacent, "Quốc khánh (ngày liền kề)", "national-day"));
        return days.OrderBy(d => d.Date).ToList();
    }
}

/// <summary>
/// Civil servants' working days: Monday to Friday, minus the statutory holidays, minus a substitute day for each
/// holiday on a Saturday or Sunday (Art. 112(3): the next working days after the holiday's group), minus the
/// government's arrangement of the year, plus the Saturdays worked in exchange. Where the arrangement of a holiday is
/// recorded (a substitute or arranged day within a week of it), the recorded days replace the computed substitutes —
/// the Prime Minister may place them before the holiday, as for Tết 2024 and 2025.
/// </summary>
public sealed class WorkingDays
{
    /// <summary>A recorded substitute or arranged day this close to a holiday group is its arrangement.</summary>
    private const int ArrangementWindowDays = 7;

    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workedWeekendDays;

    private WorkingDays(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workedWeekendDays)
    {
        _daysOff = daysOff.ToHashSet();
        _workedWeekendDays = workedWeekendDays.ToHashSet();
    }

    /// <summary>The calendar of the given years from the law and the recorded entries of those years.</summary>
    public static WorkingDays For(int fromYear, int toYear, IReadOnlyCollection<CalendarEntry> recorded)
    {
        var off = new List<DateOnly>();
        for (var year = fromYear; year <= toYear; year++)
        {
            off.AddRange(DaysOff(year, recorded).Select(d => d.Date));
        }
        return new WorkingDays(off, recorded.Where(e => e.Kind == DayKind.WorkingDay).Select(e => e.Date));
    }

    /// <summary>The statutory days of the years only, with their computed substitutes (no recorded arrangement).</summary>
    public static WorkingDays Statutory(int fromYear, int toYear) => For(fromYear, toYear, []);

    /// <summary>Every day off of <paramref name="year"/> (weekend holidays included), each with its name and rule.</summary>
    public static IReadOnlyList<DayOff> DaysOff(int year, IReadOnlyCollection<CalendarEntry> recorded)
    {
        var ofYear = recorded.Where(e => e.Date.Year == year).ToList();
        var removed = ofYear.Where(e => e.Kind == DayKind.NotOff).Select(e => e.Date).ToHashSet();
        var worked = ofYear.Where(e => e.Kind == DayKind.WorkingDay).Select(e => e.Date).ToHashSet();
        var recordedOff = ofYear.Where(e => e.Kind == DayKind.DayOff).ToList();
        var days = new Dictionary<DateOnly, DayOff>();
        var holidays = VietnamHolidays.Statutory(year);
        foreach (var holiday in holidays)
        {
            days[holiday.Date] = new DayOff(holiday.Date, holiday.Name, DayRule.Statutory, Recorded: false);
        }
        foreach (var entry in recordedOff)
        {
            days[entry.Date] = new DayOff(entry.Date, entry.Name, entry.Rule, Recorded: true);
        }
        var isOff = (DateOnly d) => IsWeekend(d) ? !worked.Contains(d) : days.ContainsKey(d) && !removed.Contains(d);
        foreach (var group in holidays.GroupBy(h => h.Group))
        {
            var first = group.Min(h => h.Date);
            var last = group.Max(h => h.Date);
            var arranged = recordedOff.Any(e => e.Rule is DayRule.Substitute or DayRule.Arrangement
                && e.Date >= first.AddDays(-ArrangementWindowDays) && e.Date <= last.AddDays(ArrangementWindowDays));
            if (arranged)
            {
                continue;
            }
            var day = last;
            foreach (var holiday in group.Where(h => IsWeekend(h.Date)))
            {
                do
                {
                    day = day.AddDays(1);
                }
                while (isOff(day));
                days[day] = new DayOff(day, $"Nghỉ bù {holiday.Name} ({holiday.Date:dd/MM} là {(holiday.Date.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật")})", DayRule.Substitute, Recorded: false);
            }
        }
        return days.Values.Where(d => !removed.Contains(d.Date)).OrderBy(d => d.Date).ToList();
    }

    public bool IsWorkingDay(DateOnly day) =>
        IsWeekend(day) ? _workedWeekendDays.Contains(day) : !_daysOff.Contains(day);

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

    /// <summary>The day itself when it is a working day, otherwise the next one.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
