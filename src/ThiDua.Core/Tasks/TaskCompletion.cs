using ThiDua.Core.Calendar;

namespace ThiDua.Core.Tasks;

/// <summary>One unit's assignment to a task, with the latest progress the unit reported.</summary>
public sealed record Assignment(int TaskId, int UnitId, DateOnly DueDate, bool Completed, double Percent);

public sealed record Completion(int Assigned, int Completed, int Overdue, double? CompletionRate);

/// <summary>
/// How completely a unit carried out its tasks in a phase (R9): tasks due in the phase that were assigned to it,
/// and how many it reported completed. A unit formed by a merger answers for its predecessors' tasks too, so that
/// the 2025 communes can be judged at the final review.
/// </summary>
public static class TaskCompletion
{
    public static Completion For(IEnumerable<Assignment> assignments, Phase phase, DateOnly today)
    {
        var inPhase = assignments.Where(a => phase.Contains(a.DueDate)).ToList();
        // A task assigned to both a unit and its predecessor counts once: completed if either reported it.
        var byTask = inPhase.GroupBy(a => a.TaskId).Select(g => (Due: g.First().DueDate, Completed: g.Any(a => a.Completed))).ToList();
        var completed = byTask.Count(t => t.Completed);
        var overdue = byTask.Count(t => !t.Completed && t.Due < today);
        return new Completion(byTask.Count, completed, overdue, byTask.Count == 0 ? null : (double)completed / byTask.Count);
    }
}
