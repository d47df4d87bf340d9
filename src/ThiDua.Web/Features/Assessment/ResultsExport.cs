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

    /// <summary>
    /// A column of the open CSV: its name, its Frictionless type, what it holds, and its value for one unit. The CSV,
    /// the datapackage's schema and the test that compares the CSV with the JSON all read this one list, so that the CSV
    /// holds every field of a JSON row, flattened: a group's index as <c>group_{code}</c>, the uncertainty and last
    /// year's result as their parts, lists joined by "; " (ADR 023).
    /// </summary>
    public sealed record OpenColumn(string Name, string Type, string Description, Func<ResultItem, string> Value);

    public static IReadOnlyList<OpenColumn> OpenColumns(ResultsDto results)
    {
        var columns = new List<OpenColumn>
        {
            new("rank", "integer", "Hạng chung (xếp hạng thi đấu: 1, 2, 2, 4)", i => Num(i.Rank)),
            new("unitCode", "string", "Mã đơn vị", i => Text(i.UnitCode)),
            new("unitName", "string", "Tên đơn vị", i => Text(i.UnitName)),
            new("unitType", "string", "Loại đơn vị", i => Text(i.UnitType)),
            new("total", "number", $"Tổng điểm theo thang {results.ScaleMax.ToString(CultureInfo.InvariantCulture)} của bộ chỉ số", i => Num(i.Total)),
            new("score100", "number", "Điểm quy về thang 100", i => Num(i.Score100)),
            new("band", "string", "Xếp loại", i => Text(i.Band ?? "")),
        };
        columns.AddRange(results.GroupColumns.Select((g, k) =>
            new OpenColumn($"group_{g.Code}", "number", $"Chỉ số thành phần (0–1): {g.Name}", i => i.Groups[k].Value is { } v ? Num(v) : "")));
        columns.AddRange(
        [
            new("rankMedian", "number", "Hạng trung vị khi trọng số các nhóm thay đổi ngẫu nhiên (mô phỏng Monte Carlo)", i => Num(i.Uncertainty.RankMedian)),
            new("rankP5", "number", "Hạng tốt nhất trong 90 % số lần mô phỏng (phân vị 5)", i => Num(i.Uncertainty.RankP5)),
            new("rankP95", "number", "Hạng kém nhất trong 90 % số lần mô phỏng (phân vị 95)", i => Num(i.Uncertainty.RankP95)),
            new("previousScore100", "number", "Điểm năm trước quy về thang 100", i => i.Previous is { } p ? Num(p.Score100) : ""),
            new("previousRank", "integer", "Hạng năm trước", i => i.Previous is { } p ? Num(p.Rank) : ""),
            // Added after the first columns, so that a reader of the older file finds its columns where they were.
            new("subtype", "string", "Phân loại trong loại đơn vị", i => Text(i.Subtype ?? "")),
            new("rankInType", "integer", "Hạng trong loại đơn vị", i => Num(i.RankInType)),
            new("rankInCluster", "integer", "Hạng trong cụm, khối thi đua của đơn vị", i => i.RankInCluster is { } r ? Num(r) : ""),
            new("rankInClusters", "string", "Hạng trong từng cụm, khối: mã=hạng, cách nhau bởi \"; \"", i => Text(string.Join("; ", i.RankInClusters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")))),
            new("previousFrameworkCode", "string", "Bộ chỉ số năm trước", i => Text(i.Previous?.FrameworkCode ?? "")),
            new("previousTotal", "number", "Tổng điểm năm trước", i => i.Previous is { } p ? Num(p.Total) : ""),
            new("previousBasis", "string", "Cách tính năm trước: của chính đơn vị hay trung bình các đơn vị tiền thân", i => Text(i.Previous?.Basis ?? "")),
            new("previousUnitCodes", "string", "Các đơn vị có kết quả năm trước, cách nhau bởi \"; \"", i => Text(i.Previous is { } p ? string.Join("; ", p.UnitCodes) : "")),
            new("change100", "number", "Thay đổi so với năm trước, thang 100", i => i.Previous is { } p ? Num(p.Change100) : ""),
            new("flags", "string", "Dấu hiệu bất thường cần lưu ý, cách nhau bởi \"; \"", i => Text(string.Join("; ", i.Flags))),
        ]);
        return columns;
    }

    public static byte[] Csv(ResultsDto results)
    {
        var columns = OpenColumns(results);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(columns.Select(c => c.Name).ToArray());
            foreach (var item in results.Items)
            {
                csv.WriteRecord(columns.Select(c => c.Value(item)).ToArray());
            }
            csv.Flush();
        }
        return stream.ToArray();
    }

    private static string Text(string value) => ThiDua.Core.Text.SpreadsheetText.Safe(value);

    private static string Num(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string SheetName(string code) => code.Length > 31 ? code[..31] : code;
}
