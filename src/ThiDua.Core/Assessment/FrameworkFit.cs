using ThiDua.Core.Errors;
using ThiDua.Core.Units;

namespace ThiDua.Core.Assessment;

/// <summary>
/// Which framework a unit is assessed with (R6): one of its own type — mass organisations are ranked with the
/// departments, as the province's index does — and of a year in which the unit existed.
/// </summary>
public static class FrameworkFit
{
    public static bool TypeFits(UnitType unitType, UnitType frameworkType) =>
        unitType == frameworkType || (unitType == UnitType.MassOrg && frameworkType == UnitType.Department);

    public static void Ensure(string frameworkCode, UnitType frameworkType, int frameworkYear, string unitName, UnitType unitType, Validity validity)
    {
        if (!TypeFits(unitType, frameworkType))
        {
            throw DomainException.ForField("unitCode", $"{unitName} ({unitType.VietnameseName()}) không thuộc đối tượng của bộ chỉ số {frameworkCode} ({frameworkType.VietnameseName()}).");
        }
        if (!validity.Overlaps(new DateOnly(frameworkYear, 1, 1), new DateOnly(frameworkYear, 12, 31)))
        {
            throw DomainException.ForField("unitCode", $"{unitName} không có hiệu lực trong năm {frameworkYear}.");
        }
    }
}
