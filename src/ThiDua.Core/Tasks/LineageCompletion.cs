using ThiDua.Core.Calendar;
using ThiDua.Core.Units;

namespace ThiDua.Core.Tasks;

/// <summary>A task given to a unit, with its due date.</summary>
public sealed record TaskAssignment(int TaskId, int UnitId, DateOnly DueDate);

/// <summary>The latest progress a unit reported on a task.</summary>
public sealed record LatestProgress(int TaskId, int UnitId, bool Completed, double Percent);

/// <summary>
/// How completely a unit carried out its tasks in a phase when units merge (R2, R9): a unit formed by a merger
/// answers for the tasks given to its predecessors as well as its own, and a task counts as completed when the
/// unit that was given it reported it completed, or when the successor did — it carries the work on.
/// </summary>
public static class LineageCompletion
{
    public static Completion For(
        int unitId,
        ILookup<int, int> predecessorsOf,
        ILookup<int, TaskAssignment> assignmentsByUnit,
        IReadOnlyDictionary<(int TaskId, int UnitId), LatestProgress> latest,
        Phase phase,
        DateOnly today)
    {
        var family = Lineage.WithPredecessors(unitId, predecessorsOf);
        var assignments = family.SelectMany(id => assignmentsByUnit[id])
            .Select(a =>
            {
                var byAssignee = latest.TryGetValue((a.TaskId, a.UnitId), out var own) && own.Completed;
                var bySuccessor = latest.TryGetValue((a.TaskId, unitId), out var successor) && successor.Completed;
                return new Assignment(a.TaskId, a.UnitId, a.DueDate, byAssignee || bySuccessor, own?.Percent ?? 0);
            })
            .ToList();
        return TaskCompletion.For(assignments, phase, today);
    }
}
