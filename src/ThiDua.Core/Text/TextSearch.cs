using System.Globalization;
using System.Text;

namespace ThiDua.Core.Text;

/// <summary>Search that forgives missing diacritics and case: "bai chay" finds "Phường Bãi Cháy".</summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    public static bool Matches(string text, string query) =>
        Fold(text).Contains(Fold(query.Trim()), StringComparison.Ordinal);
}
