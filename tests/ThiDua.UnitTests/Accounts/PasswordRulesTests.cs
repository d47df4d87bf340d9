using ThiDua.Core.Accounts;

namespace ThiDua.UnitTests.Accounts;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("aaaaaaaaaa", false)]
    [InlineData("1234567890", false)]
    [InlineData("ABCDEFGHIJ", false)]
    [InlineData("abcdefghi1", true)]
    [InlineData("thidua@quangninh", true)]
    [InlineData("ĐổiMậtKhẩu", true)]
    public void APasswordNeedsTwoClasses(string password, bool expected) =>
        Assert.Equal(expected, PasswordRules.HasEnoughClasses(password));
}
