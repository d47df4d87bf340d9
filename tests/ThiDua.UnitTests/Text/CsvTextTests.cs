using ThiDua.Core.Text;

namespace ThiDua.UnitTests.Text;

public class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("UBND phường Bãi Cháy", "UBND phường Bãi Cháy")]
    [InlineData("", "")]
    public void TextThatASpreadsheetWouldRunIsKeptAsText(string value, string written) =>
        Assert.Equal(written, SpreadsheetText.Safe(value));
}
