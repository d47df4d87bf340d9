using ThiDua.Data.Targets;

namespace ThiDua.Web.Data.Seed;

/// <summary>Seeds the target catalogue of Resolution 09 (reference data, in every environment); only codes not yet present are added.</summary>
public sealed class TargetSeeder(ThiDuaDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = (await db.Targets.Select(t => t.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var order = 0;
        foreach (var entry in TargetCatalogue.Entries)
        {
            order++;
            if (existing.Contains(entry.Code))
            {
                continue;
            }
            var target = new Target
            {
                Code = entry.Code,
                Text = entry.Text,
                Area = entry.Area,
                Unit = entry.Unit,
                Direction = entry.Direction,
                Qualifier = entry.Qualifier,
                SourceReference = entry.Source,
                Note = entry.Note,
                BaselineYear = entry.Baseline?.Year,
                BaselineValue = entry.Baseline?.Value,
                BaselineSource = entry.BaselineSource,
                SortOrder = order,
                Goals = entry.Goals.Select(g => new TargetGoalRow { Year = g.Year, Value = g.Value, Max = g.Max, Milestone = g.Milestone }).ToList(),
            };
            db.Targets.Add(target);
        }
        await db.SaveChangesAsync(cancellationToken);
        await SeedMeasurementsAsync(TargetMeasurementsCsv.ReadRows(), cancellationToken);
    }

    /// <summary>
    /// Adds each published figure to its target unless the target already has a value for that year (seeded
    /// before, or recorded by someone since): a database from before the file gets the figures on upgrade, a
    /// second start adds nothing, and nobody's own record is overwritten.
    /// </summary>
    public async Task SeedMeasurementsAsync(IReadOnlyList<TargetMeasurementsCsv.Row> rows, CancellationToken cancellationToken = default)
    {
        var targets = await db.Targets.Include(t => t.Measurements).ToDictionaryAsync(t => t.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var row in rows)
        {
            if (!targets.TryGetValue(row.TargetCode, out var target))
            {
                throw new InvalidOperationException($"target-measurements.csv names target {row.TargetCode}, which the catalogue does not have.");
            }
            if (target.Measurements.Any(m => m.Year == row.Year))
            {
                continue;
            }
            target.Measurements.Add(new TargetMeasurement
            {
                Year = row.Year,
                Value = row.Value,
                Source = row.Source,
                SourceUrl = row.SourceUrl,
                SourceDate = row.SourceDate,
                Note = row.Note,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
                RecordedBy = "system",
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
