using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;

namespace ThiDua.UnitTests.Assessment;

public class FrameworkValidatorTests
{
    [Fact]
    public void TheTestFrameworksAreValid()
    {
        FrameworkValidator.Validate(Frameworks.EveryRule());
        FrameworkValidator.Validate(Frameworks.NationalProvincial());
    }

    [Fact]
    public void ADuplicateCodeIsNamed()
    {
        var framework = Frameworks.EveryRule();
        framework.Groups[1].Indicators[0] = framework.Groups[1].Indicators[0] with { Code = "B" };

        var error = Assert.Throws<DomainException>(() => FrameworkValidator.Validate(framework));

        Assert.Contains("indicator B", error.Errors.Keys);
        Assert.Contains("trùng", error.Errors["indicator B"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void NegativePointsAndUnknownKindsAreNamed()
    {
        var framework = Frameworks.EveryRule();
        framework.Groups[0].Indicators[1] = framework.Groups[0].Indicators[1] with { MaxPoints = -20 };
        framework.Groups[1].Indicators[1] = framework.Groups[1].Indicators[1] with { Rule = new() { Kind = "lottery" } };

        var error = Assert.Throws<DomainException>(() => FrameworkValidator.Validate(framework));

        Assert.Contains("không được âm", error.Errors["indicator R"][0], StringComparison.Ordinal);
        Assert.Contains("lottery", error.Errors["indicator C"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void PointsThatDoNotAddUpToTheScaleAreRefused()
    {
        var framework = Frameworks.EveryRule() with { ScaleMax = 1000 };

        var error = Assert.Throws<DomainException>(() => FrameworkValidator.Validate(framework));

        Assert.Contains("scaleMax", error.Errors.Keys);
    }

    [Fact]
    public void RulesAreCheckedAgainstTheirIndicator()
    {
        var framework = Frameworks.EveryRule();
        framework.Groups[0].Indicators[2] = framework.Groups[0].Indicators[2] with { Rule = new() { Kind = "steps", Steps = [new() { Min = 1, Points = 50 }] } };
        framework.Groups[1].Indicators[0] = framework.Groups[1].Indicators[0] with { Rule = new() { Kind = "goalposts", Low = 10, High = 2 } };

        var error = Assert.Throws<DomainException>(() => FrameworkValidator.Validate(framework));

        Assert.Contains("indicator S", error.Errors.Keys);
        Assert.Contains("indicator GP", error.Errors.Keys);
    }

    [Fact]
    public void BandsAreFractionsOfTheScale()
    {
        var framework = Frameworks.EveryRule() with { Bands = [new() { Name = "Tốt", MinFraction = 85 }] };

        var error = Assert.Throws<DomainException>(() => FrameworkValidator.Validate(framework));

        Assert.Contains("bands", error.Errors.Keys);
    }
}
