using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;

namespace ThiDua.Core.Movements;

/// <summary>A day of the year a deadline falls on ("15/12"), set per movement.</summary>
public readonly record struct AnnualDay(int Month, int Day)
{
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    public static AnnualDay Parse(string text)
    {
        var parts = text.Trim().Split('-', '/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b))
        {
            // "12-15" (month-day, the API's form) or "15/12" (day/month, as Vietnamese write it).
            var (month, day) = text.Contains('/', StringComparison.Ordinal) ? (b, a) : (a, b);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
            {
                return new AnnualDay(month, day);
            }
        }
        throw DomainException.ForField("deadline", $"'{text}' không phải ngày trong năm; dùng dạng MM-dd (12-15) hoặc dd/MM (15/12).");
    }

    public override string ToString() => $"{Month:D2}-{Day:D2}";
}

/// <summary>
/// What a deadline does when its day is not a working day: stays where the plan puts it (the default: "before 15
/// December" means before that day, whatever day it is), or moves to the next working day, as the Civil Code's
/// practice for time limits ending on a day off (Art. 148(5)).
/// </summary>
public enum DeadlineRule
{
    Strict,
    NextWorkingDay,
}

/// <summary>
/// "Before 15 December" (section VI.8): a report is on time when submitted before 00:00 of the deadline day in
/// Vietnam (UTC+7). 23:59 on the 14th is on time; 00:00 on the 15th is late.
/// </summary>
public static class Deadlines
{
    /// <summary>The instant a "before <paramref name="day"/>" deadline closes: the start of that day in Vietnam.</summary>
    public static DateTime ClosesAtUtc(DateOnly day) => VietnamTime.StartOfDayUtc(day);

    public static bool OnTime(DateTime submittedAtUtc, DateOnly deadlineDay) => submittedAtUtc < ClosesAtUtc(deadlineDay);

    /// <summary>The day a deadline closes under its rule: the day itself, or the next working day when it falls on a day off.</summary>
    public static DateOnly Effective(DateOnly deadlineDay, DeadlineRule rule, WorkingDays calendar) =>
        rule == DeadlineRule.NextWorkingDay ? calendar.NextWorkingDayFrom(deadlineDay) : deadlineDay;

    /// <summary>The sentence the report status page shows under the deadline.</summary>
    public static string Explain(DateOnly deadlineDay, DeadlineRule rule, DateOnly effective) => rule == DeadlineRule.Strict
        ? $"Hạn nộp: trước ngày {deadlineDay:dd/MM/yyyy}; hạn giữ nguyên kể cả khi ngày đó là ngày nghỉ (theo Kế hoạch)."
        : effective == deadlineDay
            ? $"Hạn nộp: trước ngày {deadlineDay:dd/MM/yyyy}; nếu ngày đó là ngày nghỉ, hạn lùi sang ngày làm việc kế tiếp."
            : $"Hạn nộp: ngày {deadlineDay:dd/MM/yyyy} là ngày nghỉ nên hạn lùi sang trước ngày {effective:dd/MM/yyyy} (ngày làm việc kế tiếp).";
}

/// <summary>One reminder to send: for a deadline, so many days before it (0 = the overdue notice after it).</summary>
public readonly record struct DueReminder(int DaysBefore)
{
    public bool Overdue => DaysBefore == 0;
}

/// <summary>
/// When reminders are due (R5): 14, 7, 3 and 1 days before a deadline, and an overdue notice after it. If several
/// thresholds have passed unsent (the service was stopped), only the latest one is sent and the earlier ones are
/// marked as passed — a recipient never gets a burst of stale reminders, and never the same reminder twice.
/// </summary>
public static class ReminderSchedule
{
    public static readonly IReadOnlyList<int> DaysBefore = [14, 7, 3, 1];

    /// <summary>Overdue notices go out only for deadlines passed within this many days.</summary>
    public const int OverdueWindowDays = 30;

    /// <param name="closesAtUtc">The instant the deadline closes.</param>
    /// <param name="alreadySent">Offsets already sent or passed for this recipient and deadline (0 = overdue notice).</param>
    /// <returns>The reminder to send now, if any, and every offset to record as done.</returns>
    public static (DueReminder? Send, IReadOnlyList<int> Record) Due(DateTime closesAtUtc, DateTime nowUtc, IReadOnlySet<int> alreadySent)
    {
        if (nowUtc >= closesAtUtc)
        {
            if (alreadySent.Contains(0) || nowUtc > closesAtUtc.AddDays(OverdueWindowDays))
            {
                return (null, []);
            }
            return (new DueReminder(0), [0, .. DaysBefore.Where(d => !alreadySent.Contains(d))]);
        }
        var reached = DaysBefore.Where(d => nowUtc >= closesAtUtc.AddDays(-d)).ToList();
        if (reached.Count == 0)
        {
            return (null, []);
        }
        var tightest = reached.Min();
        if (alreadySent.Contains(tightest))
        {
            return (null, []);
        }
        return (new DueReminder(tightest), reached.Where(d => !alreadySent.Contains(d)).ToList());
    }
}
