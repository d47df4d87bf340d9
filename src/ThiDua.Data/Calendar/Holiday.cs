using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThiDua.Data.Calendar;

/// <summary>A day off beyond the statutory ones (the government's yearly decisions), skipped when counting working days.</summary>
public class Holiday
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Name).HasMaxLength(256);
    }
}
