using System.Text;
using ThiDua.Core.Text;
using System.ComponentModel.DataAnnotations;
using ThiDua.Data.Calendar;

namespace ThiDua.Web.Features.Calendar;

public sealed record HolidayDto(DateOnly Date, string Name, bool Statutory);

public sealed record DayOffDto(DateOnly Date, string Name, string Rule);

public sealed record WorkingDayDto(DateOnly Date, string Name);

/// <summary>A year's calendar: <c>{year, daysOff:[{date, name, rule}], workingDays:[{date, name}]}</c> (API.md "Rules in force").</summary>
public sealed record CalendarDto(int Year, IReadOnlyList<DayOffDto> DaysOff, IReadOnlyList<WorkingDayDto> WorkingDays);

public sealed record WorkingDaysSumDto(DateOnly Start, int Count, DateOnly End);

public sealed class HolidayRequest
{
    [Required]
    public DateOnly? Date { get; init; }

    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";
}

public sealed class CalendarDayRequest
{
    [Required]
    public DateOnly? Date { get; init; }

    /// <summary><c>day_off</c> or <c>working_day</c>.</summary>
    [Required]
    public CalendarDayKind? Kind { get; init; }

    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";

    /// <summary><c>arrangement</c> (the default), <c>substitute</c> or <c>other</c>.</summary>
    public DayRule? Rule { get; init; }

    [StringLength(1000)]
    public string? Source { get; init; }
}

/// <summary>The two kinds of day the administrator records (a correction of a computed day off is a DELETE).</summary>
public enum CalendarDayKind
{
    DayOff,
    WorkingDay,
}

/// <summary>
/// Civil servants' calendar (Core's <see cref="WorkingDays"/>): the Labour Code's holidays computed for any year with
/// Vietnam's lunar calendar, their substitute days, and what the calendar records — the government's arrangement of
/// each year (seeded 2022–2026 from the published announcements) and the administrator's additions and removals.
/// Every working-day count (notices, time limits, deadlines) goes through <see cref="WorkingDaysAsync"/>.
/// </summary>
public sealed class CalendarService(ThiDuaDbContext db)
{
    private const int FirstYear = 1990;
    private const int LastYear = 2100;

    /// <summary>Working days of the given years, with what is recorded for them.</summary>
    public async Task<WorkingDays> WorkingDaysAsync(int fromYear, int toYear, CancellationToken cancellationToken = default) =>
        WorkingDays.For(fromYear, toYear, await RecordedAsync(fromYear, toYear, cancellationToken));

    public async Task<CalendarDto> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        EnsureYear(year, "year");
        var recorded = await RecordedAsync(year, year, cancellationToken);
        return new CalendarDto(year,
            WorkingDays.DaysOff(year, recorded).Select(d => new DayOffDto(d.Date, d.Name, ApiCodes.Code(d.Rule))).ToList(),
            recorded.Where(e => e.Kind == DayKind.WorkingDay).OrderBy(e => e.Date).Select(e => new WorkingDayDto(e.Date, e.Name)).ToList());
    }

    /// <summary>The last day of <paramref name="count"/> working days from <paramref name="start"/> (counted when it is one).</summary>
    public async Task<WorkingDaysSumDto> AddWorkingDaysAsync(DateOnly start, int count, CancellationToken cancellationToken = default)
    {
        EnsureYear(start.Year, "start");
        if (count is < 1 or > 1000)
        {
            throw DomainException.ForField("count", "Số ngày làm việc từ 1 đến 1.000.");
        }
        var calendar = await WorkingDaysAsync(start.Year, Math.Min(LastYear, start.Year + 5), cancellationToken);
        return new WorkingDaysSumDto(start, count, calendar.AddWorkingDays(start, count));
    }

    /// <summary>Records a day off or a Saturday worked; 409 when the day already is what the request says.</summary>
    public async Task<CalendarDto> AddAsync(CalendarDayRequest request, CancellationToken cancellationToken = default)
    {
        var date = request.Date!.Value;
        EnsureYear(date.Year, "date");
        var kind = request.Kind == CalendarDayKind.WorkingDay ? DayKind.WorkingDay : DayKind.DayOff;
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == DayKind.WorkingDay && !weekend)
        {
            throw DomainException.ForField("date", $"Ngày {date:dd/MM/yyyy} là ngày thường; ngày làm bù là thứ Bảy hoặc Chủ nhật. Muốn bỏ một ngày nghỉ, hãy xoá ngày đó.");
        }
        var calendar = await WorkingDaysAsync(date.Year, date.Year, cancellationToken);
        if (kind == DayKind.DayOff && !calendar.IsWorkingDay(date))
        {
            throw new ConflictException($"Ngày {date:dd/MM/yyyy} đã là ngày nghỉ.");
        }
        if (kind == DayKind.WorkingDay && calendar.IsWorkingDay(date))
        {
            throw new ConflictException($"Ngày {date:dd/MM/yyyy} đã là ngày làm việc.");
        }
        // A correction (a computed day off marked worked) gives way to the new record.
        var day = await db.CalendarDays.FindAsync([date], cancellationToken);
        if (day is null)
        {
            day = new CalendarDay { Date = date, Name = "" };
            db.CalendarDays.Add(day);
        }
        day.Kind = kind;
        day.Name = request.Name.Trim().Normalize(NormalizationForm.FormC);
        day.Rule = request.Rule ?? DayRule.Arrangement;
        day.Source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return await YearAsync(date.Year, cancellationToken);
    }

    /// <summary>
    /// Makes a day what the rules say without the record: a recorded day off or worked Saturday is deleted; a day off the
    /// law computes (a statutory day, a substitute) is marked worked, for the rare year the computation is wrong.
    /// 404 when the day is neither recorded nor a computed day off.
    /// </summary>
    public async Task RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        EnsureYear(date.Year, "date");
        var existing = await db.CalendarDays.FindAsync([date], cancellationToken);
        if (existing is not null && existing.Kind != DayKind.NotOff)
        {
            db.CalendarDays.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var computed = WorkingDays.DaysOff(date.Year, await RecordedAsync(date.Year, date.Year, cancellationToken)).FirstOrDefault(d => d.Date == date)
            ?? throw new NotFoundException($"Ngày {date:dd/MM/yyyy} không phải ngày nghỉ hay ngày làm bù đã ghi.");
        db.CalendarDays.Add(new CalendarDay { Date = date, Kind = DayKind.NotOff, Name = $"Đi làm (bỏ ngày nghỉ \"{computed.Name}\")", Rule = DayRule.Other });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The days off of a year in the earlier shape of <c>/api/v1/holidays</c>.</summary>
    public async Task<IReadOnlyList<HolidayDto>> HolidaysAsync(int year, CancellationToken cancellationToken = default) =>
        (await YearAsync(year, cancellationToken)).DaysOff.Select(d => new HolidayDto(d.Date, d.Name, d.Rule == ApiCodes.Code(DayRule.Statutory))).ToList();

    /// <summary>Adds a day off through <c>/api/v1/holidays</c>.</summary>
    public async Task<HolidayDto> AddHolidayAsync(HolidayRequest request, CancellationToken cancellationToken = default)
    {
        await AddAsync(new CalendarDayRequest { Date = request.Date, Kind = CalendarDayKind.DayOff, Name = request.Name }, cancellationToken);
        return new HolidayDto(request.Date!.Value, request.Name.Trim(), false);
    }

    private async Task<List<CalendarEntry>> RecordedAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var from = new DateOnly(Math.Max(1, fromYear), 1, 1);
        var to = new DateOnly(Math.Min(9999, toYear), 12, 31);
        return (await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(cancellationToken)).Select(d => d.ToEntry()).ToList();
    }

    private static void EnsureYear(int year, string field)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw DomainException.ForField(field, $"Lịch chỉ tính cho các năm {FirstYear}–{LastYear}.");
        }
    }
}
