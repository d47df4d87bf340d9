using ThiDua.Core.Text;

namespace ThiDua.UnitTests.Text;

public class TextSearchTests
{
    [Theory]
    [InlineData("Phường Bãi Cháy", "bai chay")]
    [InlineData("Đặc khu Vân Đồn", "van don")]
    [InlineData("Sở Y tế", "SỞ Y")]
    public void DiacriticsAndCaseAreOptional(string text, string query) => Assert.True(TextSearch.Matches(text, query));

    [Fact]
    public void DifferentWordsDoNotMatch() => Assert.False(TextSearch.Matches("Phường Hà Tu", "ha long"));
}
