using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;
using ThiDua.Core.Units;

namespace ThiDua.UnitTests.Assessment;

public class FrameworkFitTests
{
    [Theory]
    [InlineData(UnitType.Commune, UnitType.Commune, true)]
    [InlineData(UnitType.MassOrg, UnitType.Department, true)]
    [InlineData(UnitType.Department, UnitType.MassOrg, false)]
    [InlineData(UnitType.District, UnitType.Commune, false)]
    public void AUnitIsAssessedWithAFrameworkOfItsTypeAndMassOrganisationsWithTheDepartments(UnitType unit, UnitType framework, bool fits) =>
        Assert.Equal(fits, FrameworkFit.TypeFits(unit, framework));

    [Fact]
    public void AUnitMustHaveExistedInTheFrameworksYear()
    {
        var merged = new Validity(new DateOnly(2025, 7, 1), null);
        var abolished = new Validity(new DateOnly(2010, 1, 1), new DateOnly(2025, 6, 30));

        FrameworkFit.Ensure("QN-DTI-2025-XA", UnitType.Commune, 2025, "Phường Bãi Cháy", UnitType.Commune, merged);
        FrameworkFit.Ensure("QN-DTI-2025-XA", UnitType.Commune, 2025, "Xã cũ", UnitType.Commune, abolished);
        var error = Assert.Throws<DomainException>(() => FrameworkFit.Ensure("QN-DTI-2024-XA", UnitType.Commune, 2024, "Phường Bãi Cháy", UnitType.Commune, merged));
        Assert.Contains("năm 2024", error.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => FrameworkFit.Ensure("QN-DTI-2025-SO", UnitType.Department, 2025, "Phường Bãi Cháy", UnitType.Commune, merged));
    }

    [Fact]
    public void TheGoodLineIsTheFrameworksBandNamedTot()
    {
        Assert.Equal(85, GoodBand.From100(Frameworks.EveryRule())!.Value, 9);
        Assert.Null(GoodBand.From100(Frameworks.EveryRule() with { Bands = [new() { Name = "Đạt", MinFraction = 0.5 }] }));
        Assert.Equal(90, GoodBand.From100(Frameworks.EveryRule() with { Bands = [new() { Name = "tốt", MinFraction = 0.9 }] })!.Value, 9);
    }
}
