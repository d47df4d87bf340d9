using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

/// <summary>
/// The public notice of a nomination the council passed (R13, "công khai"): it starts today and runs for a number of
/// working days (weekends and days off skipped); the public may comment until the end of its last day.
/// </summary>
public static class PublicNotice
{
    /// <summary>Ten working days unless the setting says otherwise.</summary>
    public const int DefaultWorkingDays = 10;
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 60;

    /// <summary>The first and last day of a notice of <paramref name="workingDays"/> working days starting on <paramref name="today"/>.</summary>
    public static (DateOnly Start, DateOnly End) Period(DateOnly today, int workingDays, WorkingDays calendar)
    {
        if (workingDays is < MinWorkingDays or > MaxWorkingDays)
        {
            throw DomainException.ForField("workingDays", $"Thời gian công khai từ {MinWorkingDays} đến {MaxWorkingDays} ngày làm việc.");
        }
        return (today, calendar.AddWorkingDays(today, workingDays));
    }

    public static string StepReason(int workingDays, DateOnly end) => $"Công khai {workingDays} ngày làm việc, đến hết ngày {end:dd/MM/yyyy}";

    /// <summary>A comment needs a nomination on notice (404 otherwise, as for any unknown notice) whose time has not run out (409).</summary>
    public static void EnsureOpenForComments(NominationStatus? status, DateOnly? end, DateOnly today)
    {
        if (status != NominationStatus.PubliclyNoticed)
        {
            throw new NotFoundException("Không có hồ sơ đang công khai lấy ý kiến với số này.");
        }
        if (end is { } last && today > last)
        {
            throw new ConflictException($"Thời hạn lấy ý kiến đã hết ngày {last:dd/MM/yyyy}.");
        }
    }
}
