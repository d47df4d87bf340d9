using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Tasks;

namespace ThiDua.UnitTests.Tasks;

public class TaskCompletionTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void CompletionCountsTasksDueInThePhase()
    {
        Assignment[] tasks =
        [
            new(1, 10, new DateOnly(2023, 6, 30), true, 100),
            new(2, 10, new DateOnly(2023, 12, 31), false, 60),
            new(3, 10, new DateOnly(2025, 12, 31), true, 100),
            new(4, 10, new DateOnly(2027, 12, 31), false, 0),
        ];

        var midterm = TaskCompletion.For(tasks, Phases.Midterm, Today);
        var final = TaskCompletion.For(tasks, Phases.Final, Today);
        var next = TaskCompletion.For(tasks, Phases.Next, Today);

        Assert.Equal(new Completion(2, 1, 1, 0.5), midterm);
        Assert.Equal(new Completion(3, 2, 1, 2.0 / 3), final);
        Assert.Equal(new Completion(1, 0, 0, 0), next);
    }

    [Fact]
    public void ATaskOfAUnitAndItsPredecessorCountsOnceAndEitherMayCompleteIt()
    {
        Assignment[] tasks = [new(7, 1, new DateOnly(2025, 6, 30), false, 50), new(7, 2, new DateOnly(2025, 6, 30), true, 100)];

        Assert.Equal(new Completion(1, 1, 0, 1), TaskCompletion.For(tasks, Phases.Final, Today));
    }

    [Fact]
    public void NoTasksMeansNoRate()
    {
        Assert.Equal(new Completion(0, 0, 0, null), TaskCompletion.For([], Phases.Final, Today));
    }

    [Fact]
    public void UnknownPhasesAreRefused() => Assert.Throws<DomainException>(() => Phases.Parse("2024"));
}
