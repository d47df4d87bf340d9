using System.Globalization;
using CsvHelper;
using ThiDua.Core.Inspections;

namespace ThiDua.Web.Features.Inspections;

/// <summary>
/// A plan's findings and recommendations as one CSV row per recommendation (a finding without one gets a row of its
/// own), for the report of the plan; the printable page shows the same rows. Vietnamese column names: the file is
/// opened in a spreadsheet by the people who read the report.
/// </summary>
public static class InspectionReport
{
    public static readonly string[] Columns =
        ["Mã đơn vị", "Đơn vị", "Nội dung đối chiếu", "Kết quả kiểm tra", "Kiến nghị", "Hạn thực hiện", "Tình trạng", "Quá hạn", "Trả lời của đơn vị"];

    public static byte[] Csv(InspectionDto plan)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var row in Rows(plan))
            {
                csv.WriteRecord(row.Select(Safe).ToArray());
            }
            csv.Flush();
        }
        return stream.ToArray();
    }

    public static IEnumerable<string[]> Rows(InspectionDto plan)
    {
        foreach (var f in plan.Findings)
        {
            string[] Head() => [f.UnitCode, f.UnitName, f.Subject.VietnameseName(), f.Text];
            if (f.Recommendations.Count == 0)
            {
                yield return [.. Head(), "", "", "", "", ""];
            }
            foreach (var r in f.Recommendations)
            {
                yield return [.. Head(), r.Text, r.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), r.Status.VietnameseName(), r.Overdue ? "Quá hạn" : "", r.Response ?? ""];
            }
        }
    }

    public static string FileName(InspectionDto plan) => $"kiem-tra-{plan.Year}-{plan.Id}.csv";

    private static string Safe(string value) => ThiDua.Core.Text.SpreadsheetText.Safe(value);
}
