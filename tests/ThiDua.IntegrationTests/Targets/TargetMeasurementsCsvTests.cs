using System.Text;
using ThiDua.Core.Targets;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Targets;

namespace ThiDua.IntegrationTests.Targets;

/// <summary>The file of published figures, read without an app: every line names a catalogue target, a value its unit allows, a source, an address and (when the source shows one) a date.</summary>
public class TargetMeasurementsCsvTests
{
    [Fact]
    public void EveryPublishedFigureNamesACatalogueTargetAPlausibleValueAndItsSource()
    {
        var rows = TargetMeasurementsCsv.ReadRows();
        var catalogue = TargetCatalogue.Entries.ToDictionary(e => e.Code, StringComparer.Ordinal);

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.True(catalogue.TryGetValue(row.TargetCode, out var entry), $"{row.TargetCode} is not in the catalogue");
            Assert.InRange(row.Year, 2020, 2026);
            switch (entry!.Unit)
            {
                case TargetUnit.Percent:
                    Assert.InRange(row.Value, 0, 100);
                    break;
                case TargetUnit.Rank:
                    // 63 provinces until the 2025 merger, 34 after it.
                    Assert.InRange(row.Value, 1, row.Year >= 2024 ? 34 : 63);
                    Assert.Equal(Math.Round(row.Value), row.Value);
                    break;
                default:
                    Assert.True(row.Value >= 0, $"{row.TargetCode} {row.Year}: a count below 0");
                    break;
            }
            TargetService.CheckValue(entry.Unit, row.Year, row.Value, "value");
            Assert.False(string.IsNullOrWhiteSpace(row.Source), $"{row.TargetCode} {row.Year}: no source");
            Assert.True(TargetService.IsWebAddress(row.SourceUrl), $"{row.TargetCode} {row.Year}: '{row.SourceUrl}' is not a web address");
            if (row.SourceDate is { } published)
            {
                Assert.InRange(published, new DateOnly(2020, 1, 1), new DateOnly(2026, 11, 30));
                Assert.True(published.Year >= row.Year, $"{row.TargetCode} {row.Year}: published before the year it measures");
            }
            else
            {
                // A source without a visible date says so in the note rather than getting an invented one.
                Assert.Contains("ngày", row.Note ?? "", StringComparison.Ordinal);
            }
            Assert.Equal(row.Source.Normalize(NormalizationForm.FormC), row.Source);
        }
        Assert.Equal(rows.Count, rows.Select(r => (r.TargetCode, r.Year)).Distinct().Count());
    }

    [Fact]
    public void TheDtiRanksAreTheOnesTheNationalTablesGive()
    {
        var dti = TargetMeasurementsCsv.ReadRows().Where(r => r.TargetCode == "DTI-TOP3").ToDictionary(r => r.Year, r => r.Value);

        Assert.Equal(4, dti[2020]);
        Assert.Equal(7, dti[2021]);
        Assert.Equal(3, dti[2022]);
    }

    [Fact]
    public void ALineThatDoesNotParseStopsTheSeedWithItsLineNumber()
    {
        const string text = "targetCode,year,value,source,sourceUrl,sourceDate,note\n"
            + "DTI-TOP3,2022,3,Nguồn,https://dti.gov.vn/xep-hang-2022,2023-07-12,\n"
            + "DTI-TOP3,năm 2023,3,Nguồn,https://dti.gov.vn,2024-01-01,\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var error = Assert.Throws<InvalidOperationException>(() => TargetMeasurementsCsv.Read(stream));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }
}
