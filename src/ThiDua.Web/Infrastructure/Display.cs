using System.Globalization;

namespace ThiDua.Web;

/// <summary>How pages show values: dates dd/MM/yyyy, numbers with Vietnamese separators (1.234,5).</summary>
public static class Display
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateTime? utc) => utc is { } d ? DateOnly.FromDateTime(ToVietnam(d)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>An instant in Vietnam time: 15/12/2025 08:30.</summary>
    public static string DateTime(DateTime? utc) => utc is { } d ? ToVietnam(d).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>An instant in Vietnam time to the second, as the audit log shows it: 15/12/2025 08:30:05.</summary>
    public static string DateTimeSeconds(DateTime? utc) => utc is { } d ? ToVietnam(d).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "";

    /// <summary>A measured value as typed, without padding: 1,5; 23,45; 1.234,5 (at most six decimals, so 23.450000000000003 reads 23,45).</summary>
    public static string Decimal(double value) => value.ToString("#,##0.######", Vi);

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Vi);

    public static string Number(int value) => value.ToString("N0", Vi);

    /// <summary>The CSS class that indents a row of a tree in a table (site.css; deeper than 6 stays at 6).</summary>
    public static string Indent(int depth) => "indent-" + Math.Clamp(depth, 0, 6).ToString(CultureInfo.InvariantCulture);

    /// <summary>"Thứ Hai" … "Chủ nhật".</summary>
    public static string DayOfWeek(DateOnly date) => date.DayOfWeek switch
    {
        System.DayOfWeek.Sunday => "Chủ nhật",
        System.DayOfWeek.Monday => "Thứ Hai",
        System.DayOfWeek.Tuesday => "Thứ Ba",
        System.DayOfWeek.Wednesday => "Thứ Tư",
        System.DayOfWeek.Thursday => "Thứ Năm",
        System.DayOfWeek.Friday => "Thứ Sáu",
        _ => "Thứ Bảy",
    };

    /// <summary>"702.000 đ"; empty when there is no amount.</summary>
    public static string Money(decimal? amount) => amount is { } a ? $"{a.ToString("N0", Vi)} đ" : "";

    public static string Percent(double fraction, int decimals = 1) => Number(fraction * 100, decimals) + " %";

    /// <summary>A validity period: "01/07/2025 – nay".</summary>
    public static string Period(DateOnly from, DateOnly? to) => $"{Date(from)} – {(to is null ? "nay" : Date(to))}";

    private static System.DateTime ToVietnam(System.DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(VietnamOffset);
}
