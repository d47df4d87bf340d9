namespace ThiDua.Core.Calendar;

/// <summary>
/// Vietnam's lunisolar calendar, computed for Vietnam's time zone (UTC+7). .NET's <c>ChineseLunisolarCalendar</c> is
/// China's, computed for UTC+8: when a new moon falls between 16:00 and 17:00 UTC the two calendars start a month on
/// different days, and in some years a different month is the leap one — Tết was 21/01/1985 in Vietnam but 20/02/1985
/// in China, 17/02/2007 in Vietnam but 18/02/2007 in China. The method is the usual astronomical one (new moons and the
/// sun's longitude from Jean Meeus, "Astronomical Algorithms", 1998), as Hồ Ngọc Đức published it for the Vietnamese
/// calendar: a month starts on the day of the new moon in Vietnam; the month containing the winter solstice is the
/// 11th; in a year of 13 months the first month without a major solar term is the leap one.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's offset from UTC in hours.</summary>
    private const double TimeZone = 7.0;

    /// <summary>The first day of the lunar year that begins in <paramref name="year"/>: Tết Nguyên đán.</summary>
    public static DateOnly NewYear(int year) => ToSolar(year, 1, 1, leapMonth: false);

    /// <summary>The Gregorian date of a lunar date (day, month, year; <paramref name="leapMonth"/> for the leap copy of the month).</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1);
            b11 = LunarMonth11(lunarYear);
        }
        else
        {
            a11 = LunarMonth11(lunarYear);
            b11 = LunarMonth11(lunarYear + 1);
        }
        var k = (int)Math.Floor(0.5 + ((a11 - 2415021.076998695) / 29.530588853));
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leap = leapOffset - 2;
            if (leap < 0)
            {
                leap += 12;
            }
            if (leapMonth && lunarMonth != leap)
            {
                throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng {lunarMonth} nhuận.", nameof(leapMonth));
            }
            if (leapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (leapMonth)
        {
            throw new ArgumentException($"Năm âm lịch {lunarYear} không có tháng nhuận.", nameof(leapMonth));
        }
        var monthStart = NewMoonDay(k + offset);
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    /// <summary>The Julian day number of the first day of the 11th lunar month (the month of the winter solstice) of <paramref name="year"/>.</summary>
    private static int LunarMonth11(int year)
    {
        var off = ToJulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / 29.530588853);
        var nm = NewMoonDay(k);
        var sunLongitude = SunLongitudeSector(nm);
        if (sunLongitude >= 9)
        {
            nm = NewMoonDay(k - 1);
        }
        return nm;
    }

    /// <summary>Which month after the 11th is the leap one: the first whose start and end share a major solar term.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor(((a11 - 2415021.076998695) / 29.530588853) + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }

    /// <summary>The day (Julian day number, in Vietnam's time) of the k-th new moon after 1 January 1900.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZone / 24));

    /// <summary>The sun's longitude at the start of a day in Vietnam, in sectors of 30° (0–11).</summary>
    private static int SunLongitudeSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - (TimeZone / 24)) / Math.PI * 6);

    /// <summary>The time (Julian day, UTC) of the k-th new moon (Meeus, chapter 49, shortened).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin(((166.56 + (132.87 * t)) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians (0–2π) at a Julian day (UTC) (Meeus, chapter 25, shortened).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        var dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m))
            + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return l;
    }

    private static int ToJulianDay(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - 1721426);
}
