using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class EligibilityTests
{
    private static readonly TaskEvidence AllDone = new("Tổng kết 2022–2025", 4, 4);

    /// <summary>Where the band "Tốt" of the province's frameworks begins (0.85 of 100, R7): the line comes with the evidence.</summary>
    private const double GoodLine = 85;

    [Fact]
    public void EightyFivePointsExactlyIsGoodAndJustBelowIsNot()
    {
        var good = Eligibility.ForUnit(2025, new DtiEvidence(2025, "QN-DTI-2025-XA", 85.0, "Tốt", GoodLine), AllDone);
        var below = Eligibility.ForUnit(2025, new DtiEvidence(2025, "QN-DTI-2025-XA", 84.99, "Khá", GoodLine), AllDone);

        Assert.True(good.Eligible);
        Assert.False(below.Eligible);
        Assert.Equal("DTI 2025: 85/100 — đạt loại Tốt (từ 85 điểm).", good.Reasons[0].Detail);
        Assert.Equal("DTI 2025: 84,99/100 — dưới ngưỡng Tốt 85.", below.Reasons[0].Detail);
    }

    [Fact]
    public void TheDetailReadsAsTheBriefSaysIt()
    {
        var result = Eligibility.ForUnit(2025, new DtiEvidence(2025, "X", 78.4, "Khá", GoodLine), AllDone);

        Assert.Equal("DTI 2025: 78,4/100 — dưới ngưỡng Tốt 85.", result.Reasons.Single(r => r.Rule == "dti_good").Detail);
    }

    [Fact]
    public void EveryTaskMustBeCompletedByDefaultAndTheThresholdIsASetting()
    {
        var dti = new DtiEvidence(2025, "X", 90, "Tốt", GoodLine);
        var oneLeft = new TaskEvidence("Tổng kết 2022–2025", 4, 3);

        Assert.False(Eligibility.ForUnit(2025, dti, oneLeft).Eligible);
        Assert.True(Eligibility.ForUnit(2025, dti, oneLeft, taskThreshold: 0.75).Eligible);
        Assert.True(Eligibility.ForUnit(2025, dti, new TaskEvidence("x", 0, 0)).Eligible);
        Assert.Contains("3/4 (75 %)", Eligibility.ForUnit(2025, dti, oneLeft).Reasons[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAPublishedResultAUnitIsNotEligible()
    {
        var result = Eligibility.ForUnit(2023, null, AllDone);

        Assert.False(result.Eligible);
        Assert.Equal("DTI 2023: chưa có kết quả đã công bố.", result.Reasons[0].Detail);
    }

    [Fact]
    public void ChecklistsNeedEveryMandatoryItemTicked()
    {
        CriterionCheck[] criteria =
        [
            new("product", "Có sản phẩm, dịch vụ số mới", true, true, "Nền tảng du lịch số"),
            new("security", "Bảo đảm an toàn, an ninh mạng", true, false, null),
            new("confirmed", "Được cơ quan quản lý xác nhận", false, false, null),
        ];

        var result = Eligibility.ForChecklist(criteria);
        var ticked = Eligibility.ForChecklist([criteria[0], criteria[1] with { Checked = true }, criteria[2]]);

        Assert.False(result.Eligible);
        Assert.True(ticked.Eligible);
        Assert.Contains("Nền tảng du lịch số", result.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NominationRound.Midterm, 2026, 2023)]
    [InlineData(NominationRound.Final, 2026, 2025)]
    [InlineData(NominationRound.Annual, 2024, 2024)]
    public void TheRoundDecidesWhichYearsResultCounts(NominationRound round, int year, int expected) =>
        Assert.Equal(expected, Rounds.DtiYear(round, year));
}
