using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class RoundsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(NominationRound.Midterm, null, 2023)]
    [InlineData(NominationRound.Midterm, 2030, 2023)]
    [InlineData(NominationRound.Final, null, 2025)]
    [InlineData(NominationRound.Annual, 2024, 2024)]
    public void AReviewStandsForItsOwnYearAndAnAnnualRoundForTheYearAskedFor(NominationRound round, int? asked, int year) =>
        Assert.Equal(year, Rounds.YearOf(round, asked));

    [Fact]
    public void AnAnnualRoundNeedsItsYear()
    {
        var error = Assert.Throws<DomainException>(() => Rounds.YearOf(NominationRound.Annual, null));

        Assert.Contains("year", error.Errors.Keys);
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
        Assert.Equal(Phases.Midterm, Rounds.TaskPhase(NominationRound.Midterm, 2023));
        Assert.Equal(Phases.Final, Rounds.TaskPhase(NominationRound.Final, 2025));
        var year = Rounds.TaskPhase(NominationRound.Annual, 2024);
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
        Assert.Equal("Tổng kết 2022–2025", Rounds.Name(NominationRound.Final, 2025));
    }
}
