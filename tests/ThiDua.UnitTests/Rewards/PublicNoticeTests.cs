using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;

namespace ThiDua.UnitTests.Rewards;

public class PublicNoticeTests
{
    private static readonly WorkingDays Calendar = WorkingDays.Statutory(2026, 2027);

    [Fact]
    public void ANoticeRunsItsWorkingDaysFromToday()
    {
        // Friday 27/11/2026: ten working days end on Thursday 10/12/2026.
        var (start, end) = PublicNotice.Period(new DateOnly(2026, 11, 27), 10, Calendar);

        Assert.Equal(new DateOnly(2026, 11, 27), start);
        Assert.Equal(new DateOnly(2026, 12, 10), end);
        Assert.Equal("Công khai 10 ngày làm việc, đến hết ngày 10/12/2026", PublicNotice.StepReason(10, end));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void ANoticeRunsOneToSixtyWorkingDays(int days) =>
        Assert.Contains("workingDays", Assert.Throws<DomainException>(() => PublicNotice.Period(new DateOnly(2026, 11, 27), days, Calendar)).Errors.Keys);

    [Fact]
    public void ThePublicCommentsWhileTheNoticeRunsAndOnlyOnANominationOnNotice()
    {
        var end = new DateOnly(2026, 12, 10);

        PublicNotice.EnsureOpenForComments(NominationStatus.PubliclyNoticed, end, end);
        Assert.Throws<ConflictException>(() => PublicNotice.EnsureOpenForComments(NominationStatus.PubliclyNoticed, end, end.AddDays(1)));
        Assert.Throws<NotFoundException>(() => PublicNotice.EnsureOpenForComments(NominationStatus.Voted, end, end));
        Assert.Throws<NotFoundException>(() => PublicNotice.EnsureOpenForComments(null, null, end));
    }
}
