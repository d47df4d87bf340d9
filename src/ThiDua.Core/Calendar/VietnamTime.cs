namespace ThiDua.Core.Calendar;

/// <summary>Vietnam keeps UTC+7 all year (no daylight saving): deadlines such as "before 15 December" are read in that time.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The UTC instant at which the Vietnamese calendar day <paramref name="day"/> begins (00:00 UTC+7).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).UtcDateTime;

    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).DateTime);
}
