namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>
/// Advance widths of Times New Roman's basic Latin letters (per 1000 em; Liberation Serif, which LibreOffice prints in
/// its place, has the same metrics by design). Decree 30 sizes some rules by the text above them ("1/3 to 1/2 of the
/// line"); a Vietnamese letter is as wide as its base letter, so the basic Latin table measures Vietnamese text too.
/// </summary>
internal static class TimesMetrics
{
    private static readonly short[] Regular =
    [
        250, 333, 408, 500, 500, 833, 777, 180, 333, 333, 500, 563, 250, 333, 250, 277, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 277, 277, 563, 563, 563, 443, 920, 722, 666, 666, 722, 610, 556, 722, 722, 333, 389, 722,
        610, 889, 722, 722, 556, 722, 666, 556, 610, 722, 722, 943, 722, 722, 610, 333, 277, 333, 469, 500, 333, 443,
        500, 443, 500, 443, 333, 500, 500, 277, 277, 500, 277, 777, 500, 500, 500, 500, 333, 389, 277, 500, 500, 722,
        500, 500, 443, 479, 200, 479, 541,
    ];

    private static readonly short[] Bold =
    [
        250, 333, 555, 500, 500, 1000, 833, 277, 333, 333, 500, 569, 250, 333, 250, 277, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 333, 333, 569, 569, 569, 500, 930, 722, 666, 722, 722, 666, 610, 777, 777, 389, 500, 777,
        666, 943, 722, 777, 610, 777, 722, 556, 666, 722, 722, 1000, 722, 722, 666, 333, 277, 333, 581, 500, 333, 500,
        556, 443, 556, 443, 333, 500, 556, 277, 333, 556, 277, 833, 556, 500, 556, 556, 443, 389, 333, 556, 500, 722,
        500, 500, 443, 394, 220, 394, 520,
    ];

    /// <summary>The width of one line of <paramref name="text"/> in points.</summary>
    public static double WidthPt(string text, double sizePt, bool bold)
    {
        var table = bold ? Bold : Regular;
        var total = 0;
        foreach (var ch in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            var c = ch switch { 'Đ' => 'D', 'đ' => 'd', '–' => 'n', _ => ch };
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            total += c is >= ' ' and <= '~' ? table[c - ' '] : 500;
        }
        return total / 1000.0 * sizePt;
    }
}
