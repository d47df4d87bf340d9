using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace ThiDua.Web.Features.Assessment;

/// <summary>The ranking as XLSX (for officials) and CSV (open data), one row a unit, one column a group.</summary>
public static class ResultsExport
{
    public static byte[] Xlsx(ResultsDto results)
    {
        var rows = results.Items.Select(item =>
        {
            var row = new Dictionary<string, object?>
            {
                ["Hạng"] = item.Rank,
                ["Mã đơn vị"] = item.UnitCode,
                ["Đơn vị"] = item.UnitName,
                [$"Tổng điểm (/{results.ScaleMax.ToString(CultureInfo.InvariantCulture)})"] = Math.Round(item.Total, 2),
                ["Điểm /100"] = Math.Round(item.Score100, 2),
                ["Xếp loại"] = item.Band,
                ["Hạng trong loại đơn vị"] = item.RankInType,
            };
            foreach (var (header, group) in results.GroupColumns.Zip(item.Groups))
            {
                row[$"{header.Name} ({header.Code})"] = group.Value is { } v ? Math.Round(v, 4) : null;
            }
            row["Hạng trung vị (mô phỏng)"] = item.Uncertainty.RankMedian;
            row["Hạng P5"] = item.Uncertainty.RankP5;
            row["Hạng P95"] = item.Uncertainty.RankP95;
            row["Năm trước: điểm /100"] = item.Previous is { } p ? Math.Round(p.Score100, 2) : null;
            row["Năm trước: hạng"] = item.Previous?.Rank;
            row["Thay đổi /100"] = item.Previous is { } q ? Math.Round(q.Change100, 2) : null;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName(results.FrameworkCode));
        return stream.ToArray();
    }

    public static byte[] Csv(ResultsDto results)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true))
        {
            var header = new List<string> { "rank", "unitCode", "unitName", "unitType", "total", "score100", "band" };
            header.AddRange(results.GroupColumns.Select(g => $"group_{g.Code}"));
            header.AddRange(["rankMedian", "rankP5", "rankP95", "previousScore100", "previousRank"]);
            csv.WriteHeader(header.ToArray());
            foreach (var item in results.Items)
            {
                var fields = new List<string>
                {
                    Num(item.Rank), Text(item.UnitCode), Text(item.UnitName), Text(item.UnitType), Num(item.Total), Num(item.Score100), Text(item.Band ?? ""),
                };
                fields.AddRange(item.Groups.Select(g => g.Value is { } v ? Num(v) : ""));
                fields.AddRange([Num(item.Uncertainty.RankMedian), Num(item.Uncertainty.RankP5), Num(item.Uncertainty.RankP95),
                    item.Previous is { } p ? Num(p.Score100) : "", item.Previous is { } q ? Num(q.Rank) : ""]);
                csv.WriteRecord(fields.ToArray());
            }
            csv.Flush();
        }
        return stream.ToArray();
    }

    private static string Text(string value) => ThiDua.Core.Text.SpreadsheetText.Safe(value);

    private static string Num(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string SheetName(string code) => code.Length > 31 ? code[..31] : code;
}
