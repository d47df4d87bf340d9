using System.Globalization;
using System.Text.Json;

namespace ThiDua.Core.Assessment;

/// <summary>
/// Reads a value that a person wrote — in the self-assessment form, the appraisal form or a CSV cell — into the API's
/// JSON form of the indicator's rule, so that every way in goes through one reader and then through
/// <see cref="CompiledFramework.ParseValue"/>. The browser's running score (<c>wwwroot/js/indicator-values.js</c>)
/// reads text by the same rules; <c>tests/vectors/indicator-values.json</c> holds the cases both are tested against.
/// </summary>
/// <remarks>
/// <para>Numbers are read the Vietnamese way and the invariant way alike: "75,5" and "75.5" are 75.5. With one kind
/// of mark, a single mark is the decimal one and repeated marks group thousands ("1.234.567"); with both, the last is
/// the decimal one ("1.234,5" and "1,234.5" are 1234.5). Spaces inside a number group thousands ("1 234").</para>
/// <para>A ratio is a fraction from 0 to 1 (API.md), "3/4", or a percentage written with its sign ("75 %"). A bare
/// number above 1 is not read as a percentage — it is refused, so "75" in a CSV cell can no longer score full marks —
/// except in the form's ratio box, which shows a "%" after it: there the person typed a percentage, and
/// <paramref name="percentBox"/> says so.</para>
/// </remarks>
public static class IndicatorText
{
    /// <summary>
    /// The JSON the API takes for <paramref name="text"/> under a rule of <paramref name="kind"/>: "null" for an empty
    /// box, or null with <paramref name="error"/> (a Vietnamese phrase) when the text is not a value of that kind.
    /// </summary>
    public static string? ToJson(RuleKind kind, string? text, bool percentBox, out string? error)
    {
        error = null;
        var t = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (t.Length == 0)
        {
            return "null";
        }
        switch (kind)
        {
            case RuleKind.Boolean:
                var flag = Boolean(t);
                if (flag is null)
                {
                    error = "cần Có hoặc Không.";
                }
                return flag is { } b ? (b ? "true" : "false") : null;
            case RuleKind.Choice:
                return JsonSerializer.Serialize(t);
            case RuleKind.Ratio:
                var parts = t.Split('/');
                if (parts.Length == 2)
                {
                    if (TryNumber(parts[0], out var n) && TryNumber(parts[1], out var d))
                    {
                        return $"{{\"numerator\":{Invariant(n)},\"denominator\":{Invariant(d)}}}";
                    }
                    error = "cần tỷ lệ dạng tử số/mẫu số, ví dụ 3/4.";
                    return null;
                }
                return Fraction(t, percentBox, out error);
            case RuleKind.Index:
                return Fraction(t, percentBox: false, out error);
            default:
                // Steps, goalposts and manual points are numbers in the rule's own unit; a "%" written after them is that unit.
                if (TryNumber(StripPercent(t, out _), out var number))
                {
                    return Invariant(number);
                }
                error = "cần một số.";
                return null;
        }
    }

    /// <summary>True for "true", "có", "co", "1"; false for "false", "không", "khong", "0"; null otherwise.</summary>
    public static bool? Boolean(string text) => text.Trim().Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant() switch
    {
        "true" or "có" or "co" or "1" => true,
        "false" or "không" or "khong" or "0" => false,
        _ => null,
    };

    /// <summary>A number written the Vietnamese or the invariant way (see the remarks of the class).</summary>
    public static bool TryNumber(string text, out double value)
    {
        value = double.NaN;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return false;
        }
        var lastDot = t.LastIndexOf('.');
        var lastComma = t.LastIndexOf(',');
        var dots = t.Count(c => c == '.');
        var commas = t.Count(c => c == ',');
        if (dots > 0 && commas > 0)
        {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            var (group, decimalMark) = lastComma > lastDot ? ('.', ',') : (',', '.');
            if (t.Count(c => c == decimalMark) > 1)
            {
                return false;
            }
            t = t.Replace(group.ToString(), "", StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (dots > 1 || commas > 1)
        {
            // One mark repeated: thousands groups ("1.234.567").
            t = t.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        }
        else
        {
            t = t.Replace(',', '.');
        }
        return double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>A 0–1 value: a bare number, or a percentage with its sign (or typed in a box that shows the sign).</summary>
    private static string? Fraction(string text, bool percentBox, out string? error)
    {
        error = null;
        var digits = StripPercent(text, out var percent);
        if (!TryNumber(digits, out var number))
        {
            error = "cần một số.";
            return null;
        }
        return Invariant(percent || percentBox ? number / 100 : number);
    }

    private static string StripPercent(string text, out bool percent)
    {
        var t = text.TrimEnd();
        percent = t.EndsWith('%');
        return percent ? t[..^1] : t;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
