using System.Globalization;
using ThiDua.Core.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>A rule in words, for the framework page and the form: "≥ 10 tin, bài: 20 điểm; ≥ 24: 30 điểm".</summary>
public static class RuleText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Describe(IndicatorDefinition indicator)
    {
        var rule = indicator.Rule;
        var unit = string.IsNullOrEmpty(rule.Unit) || rule.Unit == "%" ? "" : " " + rule.Unit;
        if (!RuleKinds.TryParse(rule.Kind, out var kind))
        {
            return rule.Kind;
        }
        return kind switch
        {
            RuleKind.Boolean => $"Có: {N(indicator.MaxPoints)} điểm; không: 0",
            RuleKind.Ratio => $"Tỷ lệ × {N(indicator.MaxPoints)} điểm",
            RuleKind.Index => $"Chỉ số (0–1) × {N(indicator.MaxPoints)} điểm",
            RuleKind.Manual => $"Thẩm định chấm 0–{N(indicator.MaxPoints)} điểm",
            RuleKind.Steps => string.Join("; ", (rule.Steps ?? []).OrderBy(s => s.Min).Select(s => $"≥ {N(s.Min)}{unit}: {N(s.Points)} điểm")),
            RuleKind.Goalposts => rule.Direction == "down"
                ? $"≤ {N(rule.Low ?? 0)}{unit}: {N(indicator.MaxPoints)} điểm, ≥ {N(rule.High ?? 0)}{unit}: 0, tuyến tính ở giữa"
                : $"≤ {N(rule.Low ?? 0)}{unit}: 0, ≥ {N(rule.High ?? 0)}{unit}: {N(indicator.MaxPoints)} điểm, tuyến tính ở giữa",
            RuleKind.Choice => string.Join("; ", (rule.Options ?? []).Select(o => $"{o.Code}{(o.Label is { } l ? $" ({l})" : "")}: {N(o.Points)}")),
            _ => "",
        };
    }

    public static string N(double value) => value.ToString("0.##", Vi);
}
