using System.Globalization;
using System.Text.Json;
using ThiDua.Core.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Between the form's text boxes and the API's JSON values. People type numbers the Vietnamese way ("75,5") and
/// ratios as percentages ("75" for 75 %); the API takes fractions (0.75) and invariant numbers.
/// </summary>
public static class FormValues
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The JSON the API expects for what was typed; "null" for an empty box; null when the text is not a value of the rule.</summary>
    public static string? ToJson(RuleKind kind, string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return "null";
        }
        switch (kind)
        {
            case RuleKind.Boolean:
                return t is "true" or "false" ? t : null;
            case RuleKind.Choice:
                return JsonSerializer.Serialize(t);
            case RuleKind.Ratio:
                var parts = t.Split('/');
                if (parts.Length == 2 && TryNumber(parts[0], out var n) && TryNumber(parts[1], out var d))
                {
                    return $"{{\"numerator\":{Invariant(n)},\"denominator\":{Invariant(d)}}}";
                }
                return TryNumber(t.TrimEnd('%', ' '), out var percent) ? Invariant(percent / 100) : null;
            default:
                return TryNumber(t, out var number) ? Invariant(number) : null;
        }
    }

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

    /// <summary>"75,5" (Vietnamese decimal comma) and "75.5" both mean seventy-five and a half; no thousands separators.</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Local(double value) => value.ToString("0.######", Vi);
}
