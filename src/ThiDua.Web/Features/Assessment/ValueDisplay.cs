using System.Globalization;
using System.Text.Json;
using ThiDua.Core.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// A stored value as the pages show it: in the form's text box (the Vietnamese way, "75,5"; a ratio's box shows
/// "%" after it, so it holds the percentage) and for reading ("75 %", "Có", "B (Đã thành lập)"). Text typed back is
/// read by Core's <see cref="IndicatorText"/>.
/// </summary>
public static class ValueDisplay
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>What the text box shows for a stored value.</summary>
    public static string ToText(RuleKind kind, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        return kind switch
        {
            RuleKind.Boolean => v.ValueKind == JsonValueKind.True ? "true" : v.ValueKind == JsonValueKind.False ? "false" : "",
            RuleKind.Choice => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "",
            RuleKind.Ratio when v.ValueKind == JsonValueKind.Object =>
                $"{Local(v.GetProperty("numerator").GetDouble())}/{Local(v.GetProperty("denominator").GetDouble())}",
            RuleKind.Ratio when v.ValueKind == JsonValueKind.Number => Local(Math.Round(v.GetDouble() * 100, 6)),
            _ when v.ValueKind == JsonValueKind.Number => Local(v.GetDouble()),
            _ => v.GetRawText(),
        };
    }

    /// <summary>A stored value for reading: "75 %", "Có", "B (Đã thành lập)".</summary>
    public static string Describe(IndicatorDefinition indicator, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind == JsonValueKind.Null || !RuleKinds.TryParse(indicator.Rule.Kind, out var kind))
        {
            return "—";
        }
        var unit = string.IsNullOrEmpty(indicator.Rule.Unit) || indicator.Rule.Unit == "%" ? "" : " " + indicator.Rule.Unit;
        return kind switch
        {
            RuleKind.Boolean => v.ValueKind == JsonValueKind.True ? "Có" : "Không",
            RuleKind.Choice => indicator.Rule.Options?.FirstOrDefault(o => string.Equals(o.Code, v.GetString(), StringComparison.OrdinalIgnoreCase)) is { } o
                ? $"{o.Code}{(o.Label is { } l ? $" ({l})" : "")}" : v.GetString() ?? "",
            RuleKind.Ratio => ToText(kind, v) + (v.ValueKind == JsonValueKind.Number ? " %" : ""),
            _ => ToText(kind, v) + unit,
        };
    }

    private static string Local(double value) => value.ToString("0.######", Vi);
}
