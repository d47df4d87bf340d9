namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// The question the leader answers before submitting (the submit button's <c>data-confirm</c>): it names the indicators
/// still empty as last saved, which score 0 once the values lock, so nobody submits 28 blanks without knowing.
/// </summary>
public static class SubmitConfirmation
{
    /// <summary>Longer lists end with "và N chỉ tiêu khác" so the browser's dialog stays on the screen.</summary>
    private const int Listed = 12;

    public const string Question = "Gửi đánh giá? Sau khi gửi, giá trị sẽ khoá cho đến khi thẩm định xong.";

    public static string Text(AssessmentDto assessment)
    {
        var empty = assessment.Values.Where(v => assessment.Missing.Contains(v.IndicatorCode, StringComparer.OrdinalIgnoreCase)).ToList();
        if (empty.Count == 0)
        {
            return Question;
        }
        var lines = empty.Take(Listed).Select(v => $"• {v.IndicatorCode} {Shorten(v.IndicatorName)}").ToList();
        if (empty.Count > Listed)
        {
            lines.Add($"… và {Display.Number(empty.Count - Listed)} chỉ tiêu khác.");
        }
        return $"Còn {Display.Number(empty.Count)} chỉ tiêu chưa nhập (theo lần lưu gần nhất), sẽ tính 0 điểm:\n{string.Join("\n", lines)}\n\n{Question}";
    }

    private static string Shorten(string name) => name.Length <= 70 ? name : name[..69].TrimEnd() + "…";
}
