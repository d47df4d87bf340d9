using System.Globalization;

namespace ThiDua.Web;

/// <summary>Dates typed on pages: dd/MM/yyyy as Vietnamese users write them; ISO yyyy-MM-dd is accepted too.</summary>
public static class DateInput
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Parses an optional date; adds a Vietnamese model error naming the field when the text is not a date.</summary>
    public static DateOnly? Parse(string? text, string field, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TryParse(text, out var date))
        {
            return date;
        }
        modelState.AddModelError(field, $"{label} phải có dạng ngày/tháng/năm, ví dụ 31/12/2025.");
        return null;
    }
}
