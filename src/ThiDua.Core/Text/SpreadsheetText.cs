namespace ThiDua.Core.Text;

/// <summary>
/// Text written into a CSV cell that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is kept as
/// text with a leading apostrophe (OWASP, "CSV injection"). Numbers are written by their own formatter, not through here.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
}
