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
                Measurements = (entry.Measurements ?? []).Select(m => new TargetMeasurement
                {
                    Year = m.Value.Year,
                    Value = m.Value.Value,
                    Source = m.Source,
                    RecordedAt = clock.GetUtcNow().UtcDateTime,
                    RecordedBy = "system",
                }).ToList(),
            };
            db.Targets.Add(target);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
