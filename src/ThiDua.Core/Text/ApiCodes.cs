using System.Globalization;
using System.Text.Json;
using ThiDua.Core.Errors;

namespace ThiDua.Core.Text;

/// <summary>
/// Enum values as the API writes them (snake_case, as the API's JSON enum converter writes them):
/// read from query strings and form fields, and written into links.
/// </summary>
public static class ApiCodes
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>"chairman_certificate" (or "ChairmanCertificate"); never a number, never an undefined value.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var code = text?.Trim() ?? "";
        return Enum.TryParse(code.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value)
            && Enum.IsDefined(value)
            && !int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
    }

    public static T Parse<T>(string text, string field) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw DomainException.ForField(field, $"Giá trị \"{text}\" của {field} không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetValues<T>().Select(Code))}.");
}
