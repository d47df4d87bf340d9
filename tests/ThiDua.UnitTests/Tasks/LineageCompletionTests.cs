using ThiDua.Core.Calendar;
using ThiDua.Core.Tasks;
using ThiDua.Core.Units;

namespace ThiDua.UnitTests.Tasks;

public class LineageCompletionTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    // 1 and 2 merged into 3 in 2025; 3 was renamed 4.
    private static readonly ILookup<int, int> PredecessorsOf = new[] { (1, 3), (2, 3), (3, 4) }.ToLookup(l => l.Item2, l => l.Item1);

    [Fact]
    public void AUnitsFamilyIsItselfAndEveryUnitBeforeIt()
    {
        Assert.Equal([1, 2, 3, 4], Lineage.WithPredecessors(4, PredecessorsOf).Order());
        Assert.Equal([1], Lineage.WithPredecessors(1, PredecessorsOf).Order());
    }

    [Fact]
    public void ASuccessorAnswersForItsPredecessorsTasks()
    {
        var assignments = new[] { new TaskAssignment(10, 1, new DateOnly(2024, 6, 30)), new TaskAssignment(11, 2, new DateOnly(2025, 9, 30)) }.ToLookup(a => a.UnitId);
        var latest = new Dictionary<(int, int), LatestProgress> { [(10, 1)] = new(10, 1, true, 100) };

        var completion = LineageCompletion.For(3, PredecessorsOf, assignments, latest, Phases.Final, Today);

        Assert.Equal(new Completion(2, 1, 1, 0.5), completion);
    }

    [Fact]
    public void ASuccessorCompletesAPredecessorsTaskByReportingItItself()
    {
        var assignments = new[] { new TaskAssignment(11, 2, new DateOnly(2025, 9, 30)) }.ToLookup(a => a.UnitId);
        var latest = new Dictionary<(int, int), LatestProgress> { [(11, 2)] = new(11, 2, false, 40), [(11, 4)] = new(11, 4, true, 100) };

        Assert.Equal(new Completion(1, 1, 0, 1), LineageCompletion.For(4, PredecessorsOf, assignments, latest, Phases.Final, Today));
        Assert.Equal(new Completion(1, 0, 1, 0), LineageCompletion.For(2, PredecessorsOf, assignments, latest, Phases.Final, Today));
    }

    [Fact]
    public void OnlyTheTasksDueInThePhaseCount()
    {
        var assignments = new[] { new TaskAssignment(12, 1, new DateOnly(2026, 3, 31)) }.ToLookup(a => a.UnitId);

        Assert.Equal(new Completion(0, 0, 0, null), LineageCompletion.For(3, PredecessorsOf, assignments, new Dictionary<(int, int), LatestProgress>(), Phases.Final, Today));
    }
}
