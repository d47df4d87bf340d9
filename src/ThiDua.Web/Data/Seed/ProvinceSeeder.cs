using System.Globalization;
using CsvHelper;
using ThiDua.Core.Units;
using ThiDua.Data.Units;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Seeds Quảng Ninh's units with their validity and lineage from <c>quang-ninh-units.csv</c> (a copy of
/// shared/data, compiled from public sources). Idempotent: only codes not yet in the database are added, so a
/// second start adds nothing and a unit someone edited keeps the edit.
/// </summary>
public sealed class ProvinceSeeder(ThiDuaDbContext db, ILogger<ProvinceSeeder> logger)
{
    public const string ResourceName = "ThiDua.Web.Data.Seed.quang-ninh-units.csv";

    public sealed record UnitRow(string Code, string Name, UnitType Type, string? Subtype, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> Predecessors, string? Source);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var rows = ReadRows();
        var existing = await db.Units.Select(u => u.Code).ToListAsync(cancellationToken);
        var known = existing.ToHashSet(StringComparer.Ordinal);
        var missing = rows.Where(r => !known.Contains(r.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = missing.Select(r => new Unit
        {
            Code = r.Code,
            Name = r.Name,
            Type = r.Type,
            Subtype = r.Subtype,
            ValidFrom = r.ValidFrom,
            ValidTo = r.ValidTo,
            Source = r.Source,
            Abbreviation = RewardRuleSeeder.AbbreviationFor(r.Code, r.Type),
            KeepsRegisterInThiDua = RewardRuleSeeder.AbbreviationFor(r.Code, r.Type) is not null,
        }).ToList();
        db.Units.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);

        var byCode = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var row in missing)
        {
            var unit = byCode[row.Code];
            if (row.ParentCode is { } parent && byCode.TryGetValue(parent, out var parentUnit))
            {
                unit.ParentId = parentUnit.Id;
            }
            foreach (var code in row.Predecessors)
            {
                if (byCode.TryGetValue(code, out var predecessor))
                {
                    db.UnitLineage.Add(new UnitLineage
                    {
                        PredecessorId = predecessor.Id,
                        SuccessorId = unit.Id,
                        // A unit that absorbed another keeps its own start date: the link starts when the other one ended.
                        EffectiveDate = predecessor.ValidTo is { } end ? end.AddDays(1) : unit.ValidFrom,
                    });
                }
                else
                {
                    logger.LogWarning("Predecessor {Predecessor} of {Unit} is not in the seed", code, row.Code);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Đã nạp dữ liệu tỉnh: {Count} đơn vị", missing.Count);
    }

    public static IReadOnlyList<UnitRow> ReadRows()
    {
        using var stream = typeof(ProvinceSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<UnitRow>();
        while (csv.Read())
        {
            string Field(string name) => csv.GetString(name) ?? "";
            var code = Field("code");
            var typeText = Field("type");
            // The file marks the communes of 1 July 2025 apart; in the API they are communes like the others.
            var type = typeText == "commune_2025" ? UnitType.Commune
                : UnitTypes.TryParse(typeText, out var t) ? t
                : throw new InvalidOperationException($"Unknown unit type '{typeText}' for {code}.");
            var name = Field("name_vi").Normalize(System.Text.NormalizationForm.FormC);
            var parent = Field("parent_code");
            var validTo = Field("valid_to");
            var source = Field("source");
            rows.Add(new UnitRow(
                code,
                name,
                type,
                UnitTypes.SubtypeFromName(type, name),
                parent.Length == 0 ? null : parent,
                DateOnly.ParseExact(Field("valid_from"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                validTo.Length == 0 ? null : DateOnly.ParseExact(validTo, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Field("predecessors").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                source.Length == 0 ? null : source));
        }
        return rows;
    }
}
