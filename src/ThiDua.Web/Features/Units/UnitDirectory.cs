using ThiDua.Core.Units;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>All units and lineage of one request, with lookups the pages and the API share.</summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<int, Unit> _byId;
    private readonly Dictionary<string, Unit> _byCode;
    private readonly ILookup<int, UnitLineage> _predecessors;
    private readonly ILookup<int, UnitLineage> _successors;
    private readonly Dictionary<int, UnitNode> _nodes;
    private readonly ILookup<int, int> _predecessorIds;

    public UnitDirectory(IReadOnlyList<Unit> units, IReadOnlyList<UnitLineage> links)
    {
        Units = units;
        Links = links;
        _byId = units.ToDictionary(u => u.Id);
        _byCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        _predecessors = links.ToLookup(l => l.SuccessorId);
        _successors = links.ToLookup(l => l.PredecessorId);
        _nodes = units.ToDictionary(u => u.Id, u => u.ToNode());
        _predecessorIds = links.ToLookup(l => l.SuccessorId, l => l.PredecessorId);
    }

    public IReadOnlyList<Unit> Units { get; }
    public IReadOnlyList<UnitLineage> Links { get; }

    public Unit? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    public Unit? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<(Unit Unit, DateOnly EffectiveDate)> PredecessorsOf(Unit unit) =>
        _predecessors[unit.Id].Select(l => (_byId[l.PredecessorId], l.EffectiveDate)).OrderBy(p => p.Item1.Code, StringComparer.Ordinal);

    public IEnumerable<(Unit Unit, DateOnly EffectiveDate)> SuccessorsOf(Unit unit) =>
        _successors[unit.Id].Select(l => (_byId[l.SuccessorId], l.EffectiveDate)).OrderBy(p => p.Item1.Code, StringComparer.Ordinal);

    public IEnumerable<Unit> ChildrenOf(Unit unit, DateOnly? asOf) =>
        Units.Where(u => ParentOf(u, asOf)?.Id == unit.Id && (asOf is null || u.Validity.Contains(asOf.Value)));

    /// <summary>The parent on <paramref name="asOf"/> (through lineage when the stored parent began later), or the stored parent.</summary>
    public Unit? ParentOf(Unit unit, DateOnly? asOf)
    {
        if (asOf is not { } day)
        {
            return unit.ParentId is int p ? _byId.GetValueOrDefault(p) : null;
        }
        var id = UnitTree.ParentAsOf(unit.ParentId, day, _nodes, _predecessorIds);
        return id is int found ? _byId[found] : null;
    }

    public IReadOnlyList<UnitTreeItem> TreeAsOf(DateOnly day) =>
        UnitTree.AsOf(_nodes.Values, Links.Select(l => new LineageLink(l.PredecessorId, l.SuccessorId, l.EffectiveDate)).ToList(), day);

    public UnitDto ToDto(Unit unit, DateOnly? asOf) => new(
        unit.Code,
        unit.Name,
        unit.Type,
        unit.Subtype,
        ParentOf(unit, asOf)?.Code,
        unit.ValidFrom,
        unit.ValidTo,
        PredecessorsOf(unit).Select(p => p.Unit.Code).ToList(),
        SuccessorsOf(unit).Select(s => s.Unit.Code).ToList(),
        unit.FocalPersonName is null && unit.FocalPersonEmail is null && unit.FocalPersonPhone is null
            ? null
            : new FocalPersonDto(unit.FocalPersonName, unit.FocalPersonEmail, unit.FocalPersonPhone),
        unit.Version)
    {
        Abbreviation = unit.Abbreviation,
        KeepsRegisterInThiDua = unit.KeepsRegisterInThiDua,
    };
}
