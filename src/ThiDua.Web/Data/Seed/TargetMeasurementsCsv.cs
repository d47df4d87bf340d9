using System.Globalization;
using CsvHelper;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// The published figures for Quảng Ninh's Resolution 09 targets (<c>target-measurements.csv</c>): each a year's value
/// with the source that states it, its address and date, kept as data so that a new figure is a new line and not a
/// code change (ADR 024). A source without a visible publication date has an empty date and says so in its note.
/// </summary>
public static class TargetMeasurementsCsv
{
    public const string ResourceName = "ThiDua.Web.Data.Seed.target-measurements.csv";

    public sealed record Row(string TargetCode, int Year, double Value, string Source, string SourceUrl, DateOnly? SourceDate, string? Note);

    public static IReadOnlyList<Row> ReadRows()
    {
        using var stream = typeof(TargetMeasurementsCsv).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Read(stream);
    }

    /// <summary>Reads the file; a row that does not parse stops the start with its line number rather than seeding half a truth.</summary>
    public static IReadOnlyList<Row> Read(Stream stream)
    {
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<Row>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            string Field(string name) => (csv.GetString(name) ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
            try
            {
                var date = Field("sourceDate");
                var note = Field("note");
                rows.Add(new Row(
                    Field("targetCode"),
                    int.Parse(Field("year"), NumberStyles.None, CultureInfo.InvariantCulture),
                    double.Parse(Field("value"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                    Field("source"),
                    Field("sourceUrl"),
                    date.Length == 0 ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    note.Length == 0 ? null : note));
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"target-measurements.csv, line {line}: {e.Message}", e);
            }
        }
        return rows;
    }
}
