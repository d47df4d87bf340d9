using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;

namespace ThiDua.UnitTests.Assessment;

public class ScoringTests
{
    private static readonly CompiledFramework Framework = new(Frameworks.EveryRule());

    private static double Raw(string code, string json) => Framework.ParseValue(Framework.IndexOf(code), JsonDocument.Parse(json).RootElement);

    private static double Points(string code, string json) => Framework.Points(Framework.IndexOf(code), Raw(code, json));

    [Theory]
    [InlineData("B", "true", 10)]
    [InlineData("B", "false", 0)]
    [InlineData("R", "0.75", 15)]
    [InlineData("R", "{\"numerator\": 3, \"denominator\": 4}", 15)]
    [InlineData("R", "{\"numerator\": 5, \"denominator\": 4}", 20)]
    [InlineData("S", "9.99", 0)]
    [InlineData("S", "10", 5)]
    [InlineData("S", "25", 10)]
    [InlineData("GP", "2", 20)]
    [InlineData("GP", "6", 10)]
    [InlineData("GP", "12", 0)]
    [InlineData("C", "\"B\"", 5)]
    [InlineData("C", "\"a\"", 10)]
    [InlineData("I", "0.5", 10)]
    [InlineData("M", "7.5", 7.5)]
    [InlineData("M", "null", 0)]
    public void EachRuleGivesTheHandComputedPoints(string code, string json, double expected) =>
        Assert.Equal(expected, Points(code, json), 9);

    [Theory]
    [InlineData("B", "\"yes\"")]
    [InlineData("R", "-0.1")]
    [InlineData("R", "{\"numerator\": 1, \"denominator\": 0}")]
    [InlineData("C", "\"D\"")]
    [InlineData("I", "1.5")]
    [InlineData("M", "11")]
    [InlineData("S", "\"nhiều\"")]
    public void AValueOfTheWrongFormIsRefusedNamingTheIndicator(string code, string json)
    {
        var error = Assert.Throws<DomainException>(() => Raw(code, json));

        Assert.Contains(code, error.Errors.Keys);
        Assert.StartsWith($"Chỉ tiêu {code}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EightyFivePointsOfAHundredIsGoodAndEightyFourNinetyNineIsNot()
    {
        Assert.Equal("Tốt", Framework.Band(85.00));
        Assert.Equal("Khá", Framework.Band(84.99));
        Assert.Equal("Tốt", Framework.Band(0.1 + 0.2 + 84.7));
        Assert.Equal("Yếu", Framework.Band(0));
        Assert.Equal(("Tốt", 85.0), Framework.NextBand(84.99));
        Assert.Null(Framework.NextBand(100));
    }

    [Fact]
    public void TiesShareARankAndTheNextRankSkips()
    {
        var ranks = Ranking.Competition([70, 90, 80, 80, 60.0000000000001, 60]);

        Assert.Equal([4, 1, 2, 2, 5, 5], ranks);
    }
}
