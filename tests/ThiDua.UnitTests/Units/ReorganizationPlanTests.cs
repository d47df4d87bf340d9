using ThiDua.Core.Errors;
using ThiDua.Core.Units;

namespace ThiDua.UnitTests.Units;

public class ReorganizationPlanTests
{
    private static readonly Dictionary<string, Validity> Existing = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = new(new DateOnly(2022, 1, 1), null),
        ["B"] = new(new DateOnly(2022, 1, 1), null),
        ["OLD"] = new(new DateOnly(2022, 1, 1), new DateOnly(2024, 10, 31)),
        ["P"] = new(new DateOnly(2022, 1, 1), null),
    };

    private static NewUnitSpec New(string code, string? parent = "P") => new(code, "Phường Mới", UnitType.Commune, parent);

    [Fact]
    public void MergeOfTwoValidUnitsIntoANewCodeIsValid()
    {
        var plan = new ReorganizationPlan(new DateOnly(2026, 1, 1), ReorganizationKind.Merge, ["A", "B"], [New("AB")]);

        plan.Validate(Existing);

        Assert.Equal(new DateOnly(2025, 12, 31), plan.LastDayOfOldUnits);
    }

    [Fact]
    public void MergeNeedsTwoOldUnitsAndOneNew()
    {
        var plan = new ReorganizationPlan(new DateOnly(2026, 1, 1), ReorganizationKind.Merge, ["A"], [New("X"), New("Y")]);

        var error = Assert.Throws<DomainException>(() => plan.Validate(Existing));

        Assert.Contains("from", error.Errors.Keys);
        Assert.Contains("to", error.Errors.Keys);
    }

    [Fact]
    public void UnknownEndedOrReusedCodesAreNamed()
    {
        var plan = new ReorganizationPlan(new DateOnly(2026, 1, 1), ReorganizationKind.Merge, ["A", "OLD", "NOPE"], [New("B")]);

        var error = Assert.Throws<DomainException>(() => plan.Validate(Existing));

        var messages = string.Join(" ", error.Errors.Values.SelectMany(m => m));
        Assert.Contains("NOPE", messages);
        Assert.Contains("OLD", messages);
        Assert.Contains("Mã B đã được dùng", messages);
    }

    [Fact]
    public void SplitNeedsOneOldUnitAndAtLeastTwoNew()
    {
        Assert.Throws<DomainException>(() =>
            new ReorganizationPlan(new DateOnly(2026, 1, 1), ReorganizationKind.Split, ["A"], [New("A1")]).Validate(Existing));

        new ReorganizationPlan(new DateOnly(2026, 1, 1), ReorganizationKind.Split, ["A"], [New("A1"), New("A2")]).Validate(Existing);
    }

    [Fact]
    public void AParentThatEndsInTheSameChangeIsRefused()
    {
        var plan = new ReorganizationPlan(new DateOnly(2026, 1, 1), ReorganizationKind.Rename, ["P"], [New("P2", parent: "P")]);

        var error = Assert.Throws<DomainException>(() => plan.Validate(Existing));

        Assert.Contains("to[0]", error.Errors.Keys);
    }

    [Fact]
    public void AUnitCannotEndOnItsFirstDay()
    {
        var plan = new ReorganizationPlan(new DateOnly(2022, 1, 1), ReorganizationKind.Rename, ["A"], [New("A2")]);

        Assert.Throws<DomainException>(() => plan.Validate(Existing));
    }
}
