using ThiDua.Core.Assessment;

namespace ThiDua.UnitTests.Assessment;

public class IndicatorTextTests
{
    [Theory]
    [InlineData("75,5", 75.5)]
    [InlineData("75.5", 75.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1 250", 1250)]
    [InlineData("-3", -3)]
    [InlineData("1e3", 1000)]
    public void NumbersAreReadTheVietnameseWayAndTheInvariantWay(string text, double expected)
    {
        Assert.True(IndicatorText.TryNumber(text, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,2,3.4,5")]
    [InlineData("0x10")]
    [InlineData("Infinity")]
    [InlineData("năm")]
    public void WhatIsNotANumberIsNotReadAsOne(string text) =>
        Assert.False(IndicatorText.TryNumber(text, out _));

    [Theory]
    [InlineData(RuleKind.Ratio, "3/4", false, "{\"numerator\":3,\"denominator\":4}")]
    [InlineData(RuleKind.Ratio, "75 %", false, "0.75")]
    [InlineData(RuleKind.Ratio, "75", true, "0.75")]
    [InlineData(RuleKind.Ratio, "75", false, "75")]
    [InlineData(RuleKind.Boolean, "Có", false, "true")]
    [InlineData(RuleKind.Choice, " B ", false, "\"B\"")]
    [InlineData(RuleKind.Steps, "12 %", false, "12")]
    [InlineData(RuleKind.Manual, "", false, "null")]
    public void TextBecomesTheApisJsonOfItsRule(RuleKind kind, string text, bool percentBox, string json) =>
        Assert.Equal(json, IndicatorText.ToJson(kind, text, percentBox, out _));
}
