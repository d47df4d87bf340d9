using System.Globalization;
using ThiDua.Data.Calendar;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Seeds the government's arrangement of 2022–2026 from <c>vn-days-off.csv</c> (a copy of shared/data, with the
/// corrections its <c>check</c> column records): substitute days, extra Tết days, days swapped with a Saturday worked.
/// Statutory rows are not stored — the Labour Code computes them for any year. Only dates not yet recorded are added,
/// so the administrator's changes stay.
/// </summary>
public sealed class CalendarSeeder(ThiDuaDbContext db)
{
    private const string ResourceName = "ThiDua.Web.Data.Seed.vn-days-off.csv";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var rows = ReadRows().Where(r => r.Rule != DayRule.Statutory).ToList();
        var from = rows.Min(r => r.Date);
        var known = (await db.CalendarDays.Where(d => d.Date >= from).Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
        var missing = rows.Where(r => !known.Contains(r.Date)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.CalendarDays.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The file's rows: date, kind (day_off|working_day), name, rule (statutory, substitute…, government arrangement), check.</summary>
    public static IReadOnlyList<CalendarDay> ReadRows()
    {
        using var stream = typeof(CalendarSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        var rows = new List<CalendarDay>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var fields = line.Split(',');
            rows.Add(new CalendarDay
            {
                Date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Kind = fields[1] == "working_day" ? DayKind.WorkingDay : DayKind.DayOff,
                Name = fields[2],
                Rule = fields[3].StartsWith("statutory", StringComparison.Ordinal) ? DayRule.Statutory
                    : fields[3].StartsWith("substitute", StringComparison.Ordinal) ? DayRule.Substitute
                    : DayRule.Arrangement,
                Source = $"vn-days-off.csv: {fields[3]}; {fields[4]}",
            });
        }
        return rows;
    }
}
