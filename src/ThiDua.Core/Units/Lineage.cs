namespace ThiDua.Core.Units;

/// <summary>Walks lineage back in time (R2): a merged commune's history is its own and its predecessors', however many reorganisations back.</summary>
public static class Lineage
{
    /// <summary>The unit and every unit it came from, through any number of merges, splits and renames.</summary>
    public static HashSet<int> WithPredecessors(int unitId, ILookup<int, int> predecessorsOf)
    {
        var family = new HashSet<int> { unitId };
        var frontier = new Queue<int>([unitId]);
        while (frontier.TryDequeue(out var id))
        {
            foreach (var predecessor in predecessorsOf[id].Where(family.Add))
            {
                frontier.Enqueue(predecessor);
            }
        }
        return family;
    }
}
