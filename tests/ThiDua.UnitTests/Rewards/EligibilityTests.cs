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
        Assert.Equal("DTI 2023: chưa có kết quả đã công bố (của đơn vị hoặc các đơn vị tiền thân).", result.Reasons[0].Detail);
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

    [Fact]
    public void AUnitFormedByMergerIsJudgedOnItsPredecessorsMean()
    {
        var evidence = DtiEvidence.FromPredecessors(2024, [("Sở Giao thông vận tải", new DtiEvidence(2024, "QN-DTI-2024-SO", 89.59, "Tốt", 85)), ("Sở Xây dựng", new DtiEvidence(2024, "QN-DTI-2024-SO", 86.66, "Tốt", 85))]);

        var result = Eligibility.ForUnit(2024, evidence, new TaskEvidence("2022–2025", 0, 0));

        Assert.True(result.Eligible);
        Assert.Equal(88.125, evidence!.Score100, 6);
        Assert.Equal("DTI 2024: đơn vị chưa có kết quả riêng; xét theo trung bình các đơn vị tiền thân (Sở Giao thông vận tải 89,59; Sở Xây dựng 86,66) là 88,12/100 — đạt loại Tốt (từ 85 điểm).", result.Reasons[0].Detail);
    }

    [Fact]
    public void ARoundNamingSeveralYearsNeedsEachOfThemGood()
    {
        var result = Eligibility.ForUnit([(2022, new DtiEvidence(2022, "F", 90, "Tốt", 85)), (2023, new DtiEvidence(2023, "F", 84, "Khá", 85))], new TaskEvidence("2022–2023", 0, 0));

        Assert.False(result.Eligible);
        Assert.Equal([true, false], result.Reasons.Where(r => r.Rule.StartsWith("dti_good_", StringComparison.Ordinal)).Select(r => r.Passed));
    }

    [Fact]
    public void AUnitsChecklistOfTheLawsPreconditionsCounts()
    {
        var result = Eligibility.ForUnit(2024, new DtiEvidence(2024, "F", 90, "Tốt", 85), new TaskEvidence("2024", 0, 0), criteria: [new CriterionCheck("doan-ket", "Nội bộ đoàn kết", true, false, null)]);

        Assert.False(result.Eligible);
        Assert.False(result.Reasons.Single(r => r.Rule == "criterion:doan-ket").Passed);
    }
}
