using CsvHelper;

namespace ThiDua.Web.Infrastructure.Api;

/// <summary>One data row of an uploaded CSV: its number as a spreadsheet shows it (the header is row 1) and its fields.</summary>
public sealed record CsvRow(int Number, string[] Fields, string? Error);

/// <summary>Reads uploaded CSV with CsvHelper: the header must name the expected columns (any order, any case; ',' or ';').</summary>
public static class CsvRows
{
    /// <summary>The rows most tables may have; a bigger table is refused (it is held in memory whole).</summary>
    public const int MaxRows = 200_000;

    public static IReadOnlyList<CsvRow> Read(Stream stream, IReadOnlyList<string> columns) => Each(stream, columns, MaxRows).ToList();

    /// <summary>
    /// The rows one at a time, for a caller that does not keep them all (the assessment import reads a national file of a
    /// million rows twice rather than hold them). The header is checked when the first row is asked for.
    /// </summary>
    public static IEnumerable<CsvRow> Each(Stream stream, IReadOnlyList<string> columns, int maxRows)
    {
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { TrimWhitespace = true });
        var indices = new int[columns.Count];
        try
        {
            csv.ReadHeader();
            for (var c = 0; c < columns.Count; c++)
            {
                if (!csv.TryGetFieldIndex(columns[c], out indices[c]))
                {
                    throw DomainException.ForField("file", $"Tệp CSV thiếu cột {columns[c]}; dòng đầu phải là: {string.Join(",", columns)}.");
                }
            }
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or CsvFormatException or IOException)
        {
            throw DomainException.ForField("file", $"Không đọc được tệp CSV: {e.Message}");
        }

        var number = 1;
        while (csv.Read())
        {
            number++;
            var fields = new string[columns.Count];
            string? error = null;
            for (var c = 0; c < columns.Count; c++)
            {
                fields[c] = csv.IsEmpty(indices[c]) ? "" : csv.GetString(indices[c]) ?? "";
            }
            if (fields.Take(columns.Count - 1).Any(string.IsNullOrWhiteSpace))
            {
                error = $"Thiếu giá trị ở cột {columns[Array.FindIndex(fields, string.IsNullOrWhiteSpace)]}.";
            }
            if (number - 1 > maxRows)
            {
                throw DomainException.ForField("file", $"Tệp CSV quá {maxRows:N0} dòng; hãy chia nhỏ.".Replace(",", "."));
            }
            yield return new CsvRow(number, fields, error);
        }
    }
}

/// <summary>A row of an uploaded table that could not be taken, with what was wrong in Vietnamese.</summary>
public sealed record CsvRowError(int Row, string Message);
