using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using ThiDua.Core.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Frameworks as XLSX: one sheet a framework, one row a node. Columns: kind (framework, band, group, indicator),
/// code, parent, name, points, evidence, rule, params, guidance. Rule params are written the way a person would:
/// steps "0:0; 10:5; 20:10", goalposts "low=2; high=10; direction=down", choice "A=10 (Đầy đủ); B=5; C=0".
/// </summary>
public static partial class FrameworkWorkbook
{
    private static readonly string[] Columns = ["kind", "code", "parent", "name", "points", "evidence", "rule", "params", "guidance"];

    public static byte[] Write(IEnumerable<FrameworkDefinition> frameworks)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var framework in frameworks)
        {
            var rows = new List<Dictionary<string, object?>>
            {
                Row("framework", framework.Code, null, framework.Name, framework.ScaleMax, null, null,
                    $"year={framework.Year}; unitType={framework.UnitType}; illustrative={(framework.Illustrative ? "true" : "false")}", framework.Description),
            };
            rows.AddRange(framework.Bands.Select(b => Row("band", null, null, b.Name, null, null, null, $"minFraction={Num(b.MinFraction)}", null)));
            foreach (var (group, _, parent) in framework.Groups())
            {
                rows.Add(Row("group", group.Code, parent?.Code, group.Name, null, null, null, null, null));
                rows.AddRange(group.Indicators.Select(i => Row("indicator", i.Code, group.Code, i.Name, i.MaxPoints,
                    i.EvidenceRequired ? "x" : null, i.Rule.Kind, RuleParams(i.Rule), i.Guidance)));
            }
            sheets[SheetName(framework.Code, sheets.Keys)] = rows;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public static IReadOnlyList<FrameworkDefinition> Read(Stream xlsx)
    {
        using var buffer = new MemoryStream();
        xlsx.CopyTo(buffer);
        var frameworks = new List<FrameworkDefinition>();
        IReadOnlyList<string> sheetNames;
        try
        {
            buffer.Position = 0;
            sheetNames = buffer.GetSheetNames();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException)
        {
            throw DomainException.ForField("file", "Tệp không phải bảng tính XLSX đọc được.");
        }
        foreach (var sheet in sheetNames)
        {
            buffer.Position = 0;
            var rows = buffer.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
            frameworks.Add(ReadSheet(sheet, rows));
        }
        return frameworks;
    }

    private static FrameworkDefinition ReadSheet(string sheet, List<IDictionary<string, object?>> rows)
    {
        var errors = new Dictionary<string, string[]>();
        void Fault(int row, string message) => errors[$"{sheet}!{row}"] = [$"Trang {sheet}, dòng {row}: {message}"];

        string? code = null, name = null, unitType = null, description = null;
        int year = 0;
        double scale = 0;
        var illustrative = false;
        var bands = new List<BandDefinition>();
        var groups = new Dictionary<string, GroupDefinition>(StringComparer.OrdinalIgnoreCase);
        var roots = new List<GroupDefinition>();
        var order = new List<(string Code, string? Parent)>();

        for (var r = 0; r < rows.Count; r++)
        {
            var excelRow = r + 2; // after the header row
            var row = rows[r];
            string? Cell(string column) => row.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture) is { } s && s.Trim().Length > 0 ? s.Trim() : null;
            var kind = Cell("kind")?.ToLowerInvariant();
            var parameters = ParseParams(Cell("params"));
            try
            {
                switch (kind)
                {
                    case null:
                        continue;
                    case "framework":
                        code = Cell("code");
                        name = Cell("name");
                        scale = Number(Cell("points"), "points");
                        year = (int)Number(parameters.GetValueOrDefault("year"), "year");
                        unitType = parameters.GetValueOrDefault("unittype");
                        illustrative = parameters.GetValueOrDefault("illustrative") is "true" or "x" or "1";
                        description = Cell("guidance");
                        break;
                    case "band":
                        bands.Add(new BandDefinition { Name = Cell("name") ?? "", MinFraction = Number(parameters.GetValueOrDefault("minfraction"), "minFraction") });
                        break;
                    case "group":
                        var group = new GroupDefinition { Code = Cell("code") ?? "", Name = Cell("name") ?? "" };
                        if (!groups.TryAdd(group.Code, group))
                        {
                            Fault(excelRow, $"mã nhóm {group.Code} trùng.");
                            break;
                        }
                        order.Add((group.Code, Cell("parent")));
                        break;
                    case "indicator":
                        var parent = Cell("parent");
                        if (parent is null || !groups.TryGetValue(parent, out var owner))
                        {
                            Fault(excelRow, $"chỉ tiêu {Cell("code")} thuộc nhóm '{parent}' chưa có ở các dòng trên.");
                            break;
                        }
                        owner.Indicators.Add(new IndicatorDefinition
                        {
                            Code = Cell("code") ?? "",
                            Name = Cell("name") ?? "",
                            MaxPoints = Number(Cell("points"), "points"),
                            EvidenceRequired = Cell("evidence") is { } e && e.ToLowerInvariant() is "x" or "có" or "true" or "1",
                            Rule = ParseRule(Cell("rule") ?? "", parameters),
                            Guidance = Cell("guidance"),
                        });
                        break;
                    default:
                        Fault(excelRow, $"loại dòng '{kind}' không có; dùng framework, band, group, indicator.");
                        break;
                }
            }
            catch (FormatException e)
            {
                Fault(excelRow, e.Message);
            }
        }
        foreach (var (groupCode, parentCode) in order)
        {
            if (parentCode is null)
            {
                roots.Add(groups[groupCode]);
            }
            else if (groups.TryGetValue(parentCode, out var parentGroup))
            {
                parentGroup.Children.Add(groups[groupCode]);
            }
            else
            {
                errors[$"{sheet}:{groupCode}"] = [$"Trang {sheet}: nhóm {groupCode} thuộc nhóm '{parentCode}' không có."];
            }
        }
        if (code is null)
        {
            errors[sheet] = [$"Trang {sheet}: thiếu dòng kind = framework (mã, tên, thang điểm, năm, loại đơn vị)."];
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors.First().Value[0], errors);
        }
        return new FrameworkDefinition
        {
            Code = code!,
            Name = name ?? "",
            Year = year,
            UnitType = unitType ?? "",
            ScaleMax = scale,
            Bands = bands,
            Groups = roots,
            Illustrative = illustrative,
            Description = description,
        };
    }

    public static string RuleParams(RuleDefinition rule)
    {
        var parts = new List<string>();
        if (RuleKinds.TryParse(rule.Kind, out var kind))
        {
            switch (kind)
            {
                case RuleKind.Steps:
                    parts.Add(string.Join("; ", (rule.Steps ?? []).Select(s => $"{Num(s.Min)}:{Num(s.Points)}")));
                    break;
                case RuleKind.Goalposts:
                    parts.Add($"low={Num(rule.Low ?? 0)}; high={Num(rule.High ?? 0)}; direction={rule.Direction ?? "up"}");
                    break;
                case RuleKind.Choice:
                    parts.Add(string.Join("; ", (rule.Options ?? []).Select(o => $"{o.Code}={Num(o.Points)}{(o.Label is { Length: > 0 } l ? $" ({l})" : "")}")));
                    break;
            }
        }
        if (!string.IsNullOrEmpty(rule.Unit))
        {
            parts.Add($"unit={rule.Unit}");
        }
        return string.Join("; ", parts.Where(p => p.Length > 0));
    }

    private static RuleDefinition ParseRule(string kind, Dictionary<string, string> parameters)
    {
        var unit = parameters.GetValueOrDefault("unit");
        var rest = parameters.GetValueOrDefault("") ?? "";
        switch (kind.ToLowerInvariant())
        {
            case "steps":
                var steps = rest.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(part => part.Split(':', StringSplitOptions.TrimEntries))
                    .Select(p => p.Length == 2 ? new StepDefinition { Min = Number(p[0], "steps"), Points = Number(p[1], "steps") } : throw new FormatException("mức của steps phải có dạng min:points, ví dụ 0:0; 10:5."))
                    .ToList();
                return new RuleDefinition { Kind = "steps", Steps = steps, Unit = unit };
            case "goalposts":
                return new RuleDefinition
                {
                    Kind = "goalposts",
                    Low = Number(parameters.GetValueOrDefault("low"), "low"),
                    High = Number(parameters.GetValueOrDefault("high"), "high"),
                    Direction = parameters.GetValueOrDefault("direction") ?? "up",
                    Unit = unit,
                };
            case "choice":
                var options = rest.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(part => ChoicePattern().Match(part))
                    .Select(m => m.Success
                        ? new ChoiceOption { Code = m.Groups[1].Value.Trim(), Points = Number(m.Groups[2].Value, "choice"), Label = m.Groups[3].Success ? m.Groups[3].Value.Trim() : null }
                        : throw new FormatException("lựa chọn phải có dạng MÃ=điểm (nhãn), ví dụ A=10 (Đầy đủ); B=5."))
                    .ToList();
                return new RuleDefinition { Kind = "choice", Options = options, Unit = unit };
            default:
                return new RuleDefinition { Kind = kind, Unit = unit };
        }
    }

    /// <summary>"a=1; b=2; 0:0; 10:5" → named values, and the unnamed parts (steps, options) under "" joined back with ';'.</summary>
    private static Dictionary<string, string> ParseParams(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unnamed = new List<string>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? part[..eq].Trim().ToLowerInvariant() : "";
            if (key is "year" or "unittype" or "illustrative" or "minfraction" or "low" or "high" or "direction" or "unit")
            {
                result[key] = part[(eq + 1)..].Trim();
            }
            else
            {
                unnamed.Add(part);
            }
        }
        result[""] = string.Join("; ", unnamed);
        return result;
    }

    private static double Number(string? text, string field) =>
        double.TryParse(text?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' ở cột {field} không phải là số.");

    private static string Num(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Row(string kind, string? code, string? parent, string name, double? points, string? evidence, string? rule, string? parameters, string? guidance) =>
        new()
        {
            [Columns[0]] = kind,
            [Columns[1]] = code,
            [Columns[2]] = parent,
            [Columns[3]] = name,
            [Columns[4]] = points,
            [Columns[5]] = evidence,
            [Columns[6]] = rule,
            [Columns[7]] = parameters,
            [Columns[8]] = guidance,
        };

    private static string SheetName(string code, IEnumerable<string> taken)
    {
        var name = new string(code.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        name = name.Length > 31 ? name[..31] : name;
        return taken.Contains(name) ? name[..Math.Min(name.Length, 28)] + "-" + taken.Count() : name;
    }

    [GeneratedRegex(@"^\s*([^=;]+?)\s*=\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*(?:\((.*)\))?\s*$")]
    private static partial Regex ChoicePattern();
}
