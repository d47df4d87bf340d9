namespace ThiDua.IntegrationTests.Documents;

/// <summary>Decree 30's layout read from a PDF's text positions (pdftotext -bbox), in millimetres.</summary>
internal static class DocumentLayout
{
    /// <summary>Rounding of positions between Word units, LibreOffice and poppler.</summary>
    private const double Tolerance = 0.3;

    /// <summary>
    /// Margins within the decree's ranges on every page (the page number lives in the top margin from page 2, as the decree
    /// puts it), the issuing body left and the national title right on the same band of page 1, no page number on page 1.
    /// </summary>
    public static void AssertDecree30(byte[] pdf, string issuingBodyFirstWord, string nationalTitleFirstWord = "CỘNG")
    {
        var (words, pages) = DocumentTools.Words(pdf);
        var (width, height) = pages[0];
        Assert.InRange(width, 209, 211);
        Assert.InRange(height, 296, 298);
        foreach (var page in Enumerable.Range(1, pages.Count))
        {
            var onPage = words.Where(w => w.Page == page && !IsPageNumber(w, width)).ToList();
            if (onPage.Count == 0)
            {
                continue;
            }
            Assert.InRange(onPage.Min(w => w.Left), 30 - Tolerance, 36);
            Assert.True(onPage.Max(w => w.Right) <= width - 15 + Tolerance, $"page {page}: text reaches {onPage.Max(w => w.Right):0.0} mm, the right margin starts at {width - 15} mm");
            Assert.True(onPage.Min(w => w.Top) >= 20 - Tolerance, $"page {page}: text starts {onPage.Min(w => w.Top):0.0} mm from the top");
            Assert.True(onPage.Max(w => w.Bottom) <= height - 20 + Tolerance, $"page {page}: text ends {height - onPage.Max(w => w.Bottom):0.0} mm from the bottom");
        }

        var first = words.Where(w => w.Page == 1).ToList();
        Assert.DoesNotContain(first, w => IsPageNumber(w, width));
        if (pages.Count > 1)
        {
            Assert.Contains(words, w => w.Page == 2 && IsPageNumber(w, width) && w.Text == "2");
        }
        var body = first.First(w => w.Text == issuingBodyFirstWord);
        var title = first.First(w => w.Text == nationalTitleFirstWord);
        var bodyLine = first.Where(w => Math.Abs(w.Top - body.Top) < 1).ToList();
        var titleLine = first.Where(w => Math.Abs(w.Top - title.Top) < 1 && w.Left >= title.Left).ToList();
        Assert.True(Math.Abs(body.Top - title.Top) < 3, $"issuing body at {body.Top:0.0} mm, national title at {title.Top:0.0} mm");
        Assert.True((bodyLine.Min(w => w.Left) + bodyLine.Where(w => w.Right < title.Left).Max(w => w.Right)) / 2 < width / 2, "the issuing body is in the left half");
        Assert.True((titleLine.Min(w => w.Left) + titleLine.Max(w => w.Right)) / 2 > width / 2, "the national title is in the right half");
        Assert.True(bodyLine.Where(w => w.Right < title.Left).Max(w => w.Right) < title.Left, "the two columns do not overlap");
    }

    /// <summary>A number alone in the top margin, centred on the text area.</summary>
    private static bool IsPageNumber(PdfWord word, double width) =>
        word.Top < 20 && int.TryParse(word.Text, out _) && Math.Abs((word.Left + word.Right) / 2 - (30 + (width - 15)) / 2) < 5;
}
