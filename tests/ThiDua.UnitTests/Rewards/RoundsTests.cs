using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class RoundsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly DateOnly MovementStart = new(2022, 7, 15);

    private static ReviewRound Round(NominationRound kind, int year, params int[] dtiYears) =>
        new(Rounds.DefaultCode(kind, year), kind, year, new DateOnly(year, 12, 20), dtiYears, Rounds.DefaultTaskPhase(kind, year, MovementStart));

    private static readonly ReviewRound[] Cds = [Round(NominationRound.Annual, 2024), Round(NominationRound.Annual, 2025), Round(NominationRound.Midterm, 2023), Round(NominationRound.Final, 2025)];

    [Theory]
    [InlineData(NominationRound.Final, 2025, 2024)]
    [InlineData(NominationRound.Midterm, 2023, 2022)]
    [InlineData(NominationRound.Annual, 2025, 2024)]
    public void ByDefaultARoundJudgesTheDtiOfTheYearBeforeItsReview(NominationRound kind, int year, int judged) =>
        Assert.Equal([judged], Round(kind, year).JudgedDtiYears);

    [Fact]
    public void ARoundMayNameItsYears() =>
        Assert.Equal([2022, 2023, 2024], Round(NominationRound.Final, 2025, 2022, 2023, 2024).JudgedDtiYears);

    [Fact]
    public void AReviewIsFoundWithoutItsYearWhenItIsTheOnlyOneOfItsKind()
    {
        Assert.Equal("final-2025", Rounds.Find(Cds, NominationRound.Final, null, "CDS").Code);
        Assert.Equal("annual-2024", Rounds.Find(Cds, NominationRound.Annual, 2024, "CDS").Code);
    }

    [Fact]
    public void ARoundTheMovementDoesNotHaveIsRefused()
    {
        Assert.Contains("round", Assert.Throws<DomainException>(() => Rounds.Find(Cds, NominationRound.Midterm, 2028, "CDS")).Errors.Keys);
        Assert.Contains("year", Assert.Throws<DomainException>(() => Rounds.Find(Cds, NominationRound.Annual, null, "CDS")).Errors.Keys);
    }

    [Fact]
    public void AnAnnualRoundCannotBeForAYearNotBegun()
    {
        Rounds.EnsureNotFuture(NominationRound.Annual, Today.Year, Today);
        Rounds.EnsureNotFuture(NominationRound.Final, 2025, Today);

        Assert.Throws<DomainException>(() => Rounds.EnsureNotFuture(NominationRound.Annual, Today.Year + 1, Today));
    }

    [Fact]
    public void TheTasksJudgedAreThoseOfTheReviewsPeriodOrOfTheCalendarYear()
    {
        var final = Round(NominationRound.Final, 2025).TaskPhase;
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31)), (final.From, final.To));
        var year = Round(NominationRound.Annual, 2024).TaskPhase;
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (year.From, year.To));
        Assert.Equal("năm 2024", year.Name);
    }

    [Theory]
    [InlineData(NominationRound.Annual, AwardLevel.UnitCertificate, true)]
    [InlineData(NominationRound.Annual, AwardLevel.ChairmanCertificate, false)]
    [InlineData(NominationRound.Annual, AwardLevel.StateAward, false)]
    [InlineData(NominationRound.Midterm, AwardLevel.ChairmanCertificate, true)]
    [InlineData(NominationRound.Final, AwardLevel.StateAward, true)]
    [InlineData(NominationRound.Final, AwardLevel.UnitCertificate, true)]
    public void EachYearUnitsAwardTheirOwnCertificateAndTheReviewsProposeHigherOnes(NominationRound round, AwardLevel award, bool allowed)
    {
        Assert.Equal(allowed, Rounds.Allows(round, award));
        if (!allowed)
        {
            Assert.Contains("mục IV.3", Assert.Throws<DomainException>(() => Rounds.EnsureAllows(round, award)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ARoundIsNamedAsTheBoardWritesIt()
    {
        Assert.Equal("Năm 2024", Rounds.Name(NominationRound.Annual, 2024));
        Assert.Equal("Tổng kết năm 2025", Rounds.Name(NominationRound.Final, 2025));
        Assert.Equal("Tổng kết 2022–2025", Round(NominationRound.Final, 2025).Name);
        Assert.Equal("Sơ kết 2026–2028", Round(NominationRound.Midterm, 2028) with { TaskPhase = Rounds.DefaultTaskPhase(NominationRound.Midterm, 2028, new DateOnly(2026, 1, 1)) } is { } r ? r.Name : "");
    }
}
