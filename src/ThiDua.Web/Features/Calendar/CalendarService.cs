using System.ComponentModel.DataAnnotations;
using ThiDua.Data.Calendar;
using ThiDua.Data.Rewards;

namespace ThiDua.Web.Features.Calendar;

public sealed record HolidayDto(DateOnly Date, string Name, bool Statutory);

public sealed class HolidayRequest
{
    [Required]
    public DateOnly? Date { get; init; }

    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";
}

/// <summary>
/// The days off that notices and deadlines skip: the statutory holidays of the Labour Code (Core's
/// <see cref="VietnamHolidays"/>) and the days the government adds each year, which the administrator records.
/// </summary>
public sealed class CalendarService(ThiDuaDbContext db)
{
    private const int FirstYear = 1990;
    private const int LastYear = 2100;

    /// <summary>Working days of the given years, with the added days off.</summary>
    public async Task<WorkingDays> WorkingDaysAsync(int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        var extra = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return WorkingDays.Statutory(fromYear, toYear, extra);
    }

    public async Task<IReadOnlyList<HolidayDto>> HolidaysAsync(int year, CancellationToken cancellationToken = default)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw DomainException.ForField("year", "Năm không hợp lệ.");
        }
        var extra = await db.Holidays.AsNoTracking().Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31)).ToListAsync(cancellationToken);
        return VietnamHolidays.Statutory(year).Select(h => new HolidayDto(h.Day, h.Name, true))
            .Concat(extra.Select(h => new HolidayDto(h.Date, h.Name, false)))
            .OrderBy(h => h.Date).ToList();
    }

    public async Task<HolidayDto> AddAsync(HolidayRequest request, CancellationToken cancellationToken = default)
    {
        var date = request.Date!.Value;
        if (date.Year is < FirstYear or > LastYear)
        {
            throw DomainException.ForField("date", $"Ngày nghỉ phải trong các năm {FirstYear}–{LastYear}.");
        }
        if (VietnamHolidays.Statutory(date.Year).Any(h => h.Day == date) || await db.Holidays.AnyAsync(h => h.Date == date, cancellationToken))
        {
            throw new ConflictException($"Ngày {date:dd/MM/yyyy} đã là ngày nghỉ.");
        }
        var name = request.Name.Trim();
        db.Holidays.Add(new Holiday { Date = date, Name = name });
        await db.SaveChangesAsync(cancellationToken);
        return new HolidayDto(date, name, false);
    }

    public async Task RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var holiday = await db.Holidays.FindAsync([date], cancellationToken)
            ?? throw new NotFoundException($"Ngày {date:dd/MM/yyyy} không phải ngày nghỉ được thêm (ngày nghỉ theo Bộ luật Lao động không xoá được).");
        db.Holidays.Remove(holiday);
        await db.SaveChangesAsync(cancellationToken);
    }
}
