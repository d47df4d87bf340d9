namespace ThiDua.Core.Units;

/// <summary>A unit as the tree needs it: plain values, no database entity.</summary>
public sealed record UnitNode(int Id, string Code, string Name, UnitType Type, string? Subtype, int? ParentId, Validity Validity);

/// <summary>One link of lineage: the predecessor's work continues in the successor from <see cref="EffectiveDate"/>.</summary>
public sealed record LineageLink(int PredecessorId, int SuccessorId, DateOnly EffectiveDate);

public sealed record UnitTreeItem(UnitNode Unit, int Depth, IReadOnlyList<UnitTreeItem> Children);

/// <summary>
/// The hierarchy of units as of one day. A unit's stored parent is its parent on its own last valid day; on an
/// earlier day that parent may not exist yet (Đông Triều became a city on 2024-11-01), so the parent is followed
/// back through lineage to the unit that held the place on that day.
/// </summary>
public static class UnitTree
{
    public static IReadOnlyList<UnitTreeItem> AsOf(IReadOnlyCollection<UnitNode> units, IReadOnlyCollection<LineageLink> lineage, DateOnly day)
    {
        var valid = units.Where(u => u.Validity.Contains(day)).ToDictionary(u => u.Id);
        var byId = units.ToDictionary(u => u.Id);
        var predecessorsOf = lineage.ToLookup(l => l.SuccessorId, l => l.PredecessorId);

        var children = new Dictionary<int, List<UnitNode>>();
        var roots = new List<UnitNode>();
        foreach (var unit in valid.Values)
        {
            var parentId = ParentAsOf(unit.ParentId, day, byId, predecessorsOf);
            if (parentId is int p && valid.ContainsKey(p))
            {
                if (!children.TryGetValue(p, out var list))
                {
                    children[p] = list = [];
                }
                list.Add(unit);
            }
            else
            {
                roots.Add(unit);
            }
        }

        return Order(roots).Select(r => Build(r, 0, children)).ToList();
    }

    /// <summary>The unit that held the parent's place on <paramref name="day"/>, following predecessors back in time.</summary>
    public static int? ParentAsOf(int? parentId, DateOnly day, IReadOnlyDictionary<int, UnitNode> byId, ILookup<int, int> predecessorsOf)
    {
        var seen = new HashSet<int>();
        var current = parentId;
        while (current is int id && byId.TryGetValue(id, out var parent) && seen.Add(id))
        {
            if (parent.Validity.Contains(day))
            {
                return id;
            }
            if (day > parent.Validity.To)
            {
                return null;
            }
            // The parent began after the day: its predecessor was the parent then (first one that existed that day).
            current = predecessorsOf[id].Cast<int?>().FirstOrDefault(pid => pid is int x && byId.TryGetValue(x, out var pu) && pu.Validity.From <= day)
                ?? predecessorsOf[id].Cast<int?>().FirstOrDefault();
        }
        return null;
    }

    public static IEnumerable<UnitTreeItem> Flatten(IEnumerable<UnitTreeItem> items)
    {
        foreach (var item in items)
        {
            yield return item;
            foreach (var child in Flatten(item.Children))
            {
                yield return child;
            }
        }
    }

    private static UnitTreeItem Build(UnitNode unit, int depth, Dictionary<int, List<UnitNode>> children) =>
        new(unit, depth, children.TryGetValue(unit.Id, out var list)
            ? Order(list).Select(c => Build(c, depth + 1, children)).ToList()
            : []);

    private static IEnumerable<UnitNode> Order(IEnumerable<UnitNode> units) =>
        units.OrderBy(u => u.Type).ThenBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false));
}
