using ThiDua.Core.Errors;
using ThiDua.Core.Units;

namespace ThiDua.Core.Assessment;

/// <summary>
/// Checks a framework tree and names every fault by its node: duplicate codes, negative points, unknown rule kinds,
/// rules whose points exceed the indicator's maximum, bands outside 0–1, a tree whose points differ from the scale.
/// </summary>
public static class FrameworkValidator
{
    private const double Tolerance = 1e-9;

    public static void Validate(FrameworkDefinition framework)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string node, string message)
        {
            if (!errors.TryGetValue(node, out var list))
            {
                errors[node] = list = [];
            }
            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(framework.Code) || framework.Code.Length > 64)
        {
            Add("code", "Mã bộ chỉ số phải có từ 1 đến 64 ký tự.");
        }
        if (string.IsNullOrWhiteSpace(framework.Name))
        {
            Add("name", "Tên bộ chỉ số không được để trống.");
        }
        CheckLength(framework.Name, FrameworkLimits.Name, "name", Add);
        CheckLength(framework.Description, FrameworkLimits.LongText, "description", Add);
        if (framework.Year is < 2000 or > 2100)
        {
            Add("year", "Năm phải từ 2000 đến 2100.");
        }
        if (!UnitTypes.TryParse(framework.UnitType, out _))
        {
            Add("unitType", $"Loại đơn vị '{framework.UnitType}' không có; dùng một trong: {string.Join(", ", UnitTypes.All.Select(t => t.Code()))}.");
        }
        if (!(framework.ScaleMax > 0) || double.IsInfinity(framework.ScaleMax))
        {
            Add("scaleMax", "Thang điểm phải lớn hơn 0.");
        }

        var bandNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var band in framework.Bands)
        {
            CheckLength(band.Name, FrameworkLimits.Short, "bands", Add);
            if (string.IsNullOrWhiteSpace(band.Name) || !bandNames.Add(band.Name.Trim()))
            {
                Add("bands", $"Tên xếp loại '{band.Name}' trống hoặc trùng.");
            }
            if (band.MinFraction is < 0 or > 1 || double.IsNaN(band.MinFraction))
            {
                Add("bands", $"Xếp loại '{band.Name}': ngưỡng phải là tỷ lệ từ 0 đến 1 của thang điểm (0,85 là 85/100).");
            }
        }
        if (framework.Bands.Select(b => b.MinFraction).Distinct().Count() != framework.Bands.Count)
        {
            Add("bands", "Hai xếp loại không được có cùng ngưỡng.");
        }

        if (framework.Groups.Count == 0)
        {
            Add("groups", "Bộ chỉ số cần ít nhất một nhóm.");
        }
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, _, _) in framework.Groups())
        {
            var node = NodeName("group", group.Code);
            CheckCode(group.Code, node, codes, Add);
            if (string.IsNullOrWhiteSpace(group.Name))
            {
                Add(node, "Tên nhóm không được để trống.");
            }
            CheckLength(group.Name, FrameworkLimits.Name, node, Add);
            if (group.Children.Count == 0 && group.Indicators.Count == 0)
            {
                Add(node, "Nhóm không có nhóm con hay chỉ tiêu nào.");
            }
        }
        foreach (var (indicator, _) in framework.Indicators())
        {
            var node = NodeName("indicator", indicator.Code);
            CheckCode(indicator.Code, node, codes, Add);
            if (string.IsNullOrWhiteSpace(indicator.Name))
            {
                Add(node, "Tên chỉ tiêu không được để trống.");
            }
            CheckLength(indicator.Name, FrameworkLimits.Name, node, Add);
            CheckLength(indicator.Guidance, FrameworkLimits.LongText, node, Add);
            CheckLength(indicator.Rule.Unit, FrameworkLimits.Short, node, Add);
            foreach (var option in indicator.Rule.Options ?? [])
            {
                CheckLength(option.Code, FrameworkLimits.Code, node, Add);
                CheckLength(option.Label, FrameworkLimits.Name, node, Add);
            }
            if (indicator.MaxPoints < 0 || double.IsNaN(indicator.MaxPoints) || double.IsInfinity(indicator.MaxPoints))
            {
                Add(node, $"Điểm tối đa {indicator.MaxPoints} không hợp lệ: điểm không được âm.");
            }
            CheckRule(indicator, node, Add);
        }

        var total = framework.Groups.Sum(g => g.MaxPoints());
        if (errors.Count == 0 && Math.Abs(total - framework.ScaleMax) > 1e-6)
        {
            Add("scaleMax", $"Tổng điểm tối đa các chỉ tiêu là {total:0.####}, khác thang điểm {framework.ScaleMax:0.####}.");
        }

        if (errors.Count > 0)
        {
            var first = errors.First();
            throw new DomainException($"Bộ chỉ số không hợp lệ: {first.Key}: {first.Value[0]}",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    private static void CheckLength(string? text, int max, string node, Action<string, string> add)
    {
        if (text?.Length > max)
        {
            add(node, $"Nội dung dài {text.Length} ký tự, quá giới hạn {max} ký tự.");
        }
    }

    private static string NodeName(string kind, string? code) => string.IsNullOrWhiteSpace(code) ? kind : $"{kind} {code}";

    private static void CheckCode(string? code, string node, HashSet<string> codes, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            add(node, "Thiếu mã.");
        }
        else if (code.Length > 64)
        {
            add(node, "Mã dài quá 64 ký tự.");
        }
        else if (!codes.Add(code.Trim()))
        {
            add(node, $"Mã {code} bị trùng trong bộ chỉ số.");
        }
    }

    private static void CheckRule(IndicatorDefinition indicator, string node, Action<string, string> add)
    {
        var rule = indicator.Rule;
        if (!RuleKinds.TryParse(rule.Kind, out var kind))
        {
            add(node, $"Loại quy tắc '{rule.Kind}' không có; dùng một trong: boolean, ratio, steps, goalposts, choice, index, manual.");
            return;
        }
        switch (kind)
        {
            case RuleKind.Steps:
                if (rule.Steps is not { Count: > 0 })
                {
                    add(node, "Quy tắc steps cần ít nhất một mức {min, points}.");
                    break;
                }
                if (rule.Steps.Any(s => s.Points < 0 || s.Points > indicator.MaxPoints + Tolerance || double.IsNaN(s.Points) || double.IsNaN(s.Min)))
                {
                    add(node, $"Điểm của mỗi mức phải từ 0 đến {indicator.MaxPoints}.");
                }
                if (rule.Steps.Select(s => s.Min).Distinct().Count() != rule.Steps.Count)
                {
                    add(node, "Hai mức không được có cùng ngưỡng min.");
                }
                break;
            case RuleKind.Goalposts:
                if (rule.Low is not { } low || rule.High is not { } high || double.IsNaN(low) || double.IsNaN(high) || !(high > low))
                {
                    add(node, "Quy tắc goalposts cần low < high.");
                }
                if (rule.Direction is not ("up" or "down" or null))
                {
                    add(node, $"Hướng '{rule.Direction}' không hợp lệ; dùng up hoặc down.");
                }
                break;
            case RuleKind.Choice:
                if (rule.Options is not { Count: > 0 })
                {
                    add(node, "Quy tắc choice cần ít nhất một lựa chọn {code, points}.");
                    break;
                }
                if (rule.Options.Any(o => string.IsNullOrWhiteSpace(o.Code)) || rule.Options.Select(o => o.Code.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != rule.Options.Count)
                {
                    add(node, "Mã lựa chọn trống hoặc trùng.");
                }
                if (rule.Options.Any(o => o.Points < 0 || o.Points > indicator.MaxPoints + Tolerance || double.IsNaN(o.Points)))
                {
                    add(node, $"Điểm của mỗi lựa chọn phải từ 0 đến {indicator.MaxPoints}.");
                }
                break;
        }
    }
}
