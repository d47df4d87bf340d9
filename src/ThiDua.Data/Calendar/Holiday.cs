using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Calendar;

namespace ThiDua.Data.Calendar;

/// <summary>
/// A day the calendar records beyond what the Labour Code computes: the government's arrangement of a year (days off,
/// substitute days, Saturdays worked in exchange), or the administrator's correction of a computed day.
/// </summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public required string Name { get; set; }
    public DayRule Rule { get; set; }
    /// <summary>Where the fact comes from (the notice's number, the news report) and how far it was checked.</summary>
    public string? Source { get; set; }

    public CalendarEntry ToEntry() => new(Date, Kind, Name, Rule, Source);
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Name).HasMaxLength(256);
        builder.Property(h => h.Kind).HasMaxLength(16);
        builder.Property(h => h.Rule).HasMaxLength(16);
        builder.Property(h => h.Source).HasMaxLength(1000);
    }
}
