using ThiDua.Core.Units;

namespace ThiDua.UnitTests.Units;

public class UnitTreeTests
{
    private static readonly DateOnly Start = new(2022, 1, 1);

    // A province with a town that became a city on 2024-11-01; a commune whose stored parent is the city.
    private static readonly UnitNode Province = new(1, "P", "Tỉnh", UnitType.Province, null, null, new Validity(Start, null));
    private static readonly UnitNode Town = new(2, "T", "Thị xã Đông Triều", UnitType.District, "town", 1, new Validity(Start, new DateOnly(2024, 10, 31)));
    private static readonly UnitNode City = new(3, "C", "Thành phố Đông Triều", UnitType.District, "city", 1, new Validity(new DateOnly(2024, 11, 1), new DateOnly(2025, 6, 30)));
    private static readonly UnitNode Commune = new(4, "X", "Xã Việt Dân", UnitType.Commune, "commune", 3, new Validity(Start, new DateOnly(2025, 6, 30)));
    private static readonly UnitNode Ward2025 = new(5, "W", "Phường An Sinh", UnitType.Commune, "ward", 1, new Validity(new DateOnly(2025, 7, 1), null));
    private static readonly UnitNode[] Units = [Province, Town, City, Commune, Ward2025];
    private static readonly LineageLink[] Lineage = [new(2, 3, new DateOnly(2024, 11, 1)), new(4, 5, new DateOnly(2025, 7, 1))];

    [Fact]
    public void ParentIsFollowedBackThroughLineageBeforeItExisted()
    {
        var tree = UnitTree.AsOf(Units, Lineage, new DateOnly(2023, 6, 1));

        var province = Assert.Single(tree);
        var town = Assert.Single(province.Children);
        Assert.Equal("T", town.Unit.Code);
        Assert.Equal("X", Assert.Single(town.Children).Unit.Code);
    }

    [Fact]
    public void ParentIsTheStoredOneOnItsOwnDays()
    {
        var tree = UnitTree.AsOf(Units, Lineage, new DateOnly(2025, 1, 15));

        var city = Assert.Single(Assert.Single(tree).Children);
        Assert.Equal("C", city.Unit.Code);
        Assert.Equal("X", Assert.Single(city.Children).Unit.Code);
    }

    [Fact]
    public void AfterTheReformCommunesHangFromTheProvinceAndNoDistrictRemains()
    {
        var tree = UnitTree.AsOf(Units, Lineage, new DateOnly(2025, 12, 31));

        var flat = UnitTree.Flatten(tree).ToList();
        Assert.DoesNotContain(flat, i => i.Unit.Type == UnitType.District);
        var ward = Assert.Single(Assert.Single(tree).Children);
        Assert.Equal("W", ward.Unit.Code);
        Assert.Equal(1, ward.Depth);
    }

    [Theory]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-07-01", false)]
    [InlineData("2021-12-31", false)]
    [InlineData("2022-01-01", true)]
    public void ValidityIncludesBothEnds(string day, bool expected) =>
        Assert.Equal(expected, Commune.Validity.Contains(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
