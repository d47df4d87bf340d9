using ThiDua.Core.Text;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Errors;
using ThiDua.Core.Units;
using ThiDua.Data;
using ThiDua.Data.Units;
using ThiDua.Web.Infrastructure.Api;

namespace ThiDua.Web.Features.Units;

/// <summary>The handlers of the Units area, shared by its API endpoints and its pages.</summary>
public sealed class UnitService(ThiDuaDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>All units with lineage, loaded once per request: a province has a few hundred, the country a few thousand.</summary>
    public async Task<UnitDirectory> DirectoryAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var links = await db.UnitLineage.AsNoTracking().ToListAsync(cancellationToken);
        return new UnitDirectory(units, links);
    }

    public async Task<IReadOnlyList<UnitDto>> ListAsync(string? type, DateOnly? asOf, string? q, CancellationToken cancellationToken = default)
    {
        UnitType? typeFilter = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            typeFilter = UnitTypes.TryParse(type, out var t)
                ? t
                : throw DomainException.ForField("type", $"Loại đơn vị '{type}' không có; dùng một trong: {string.Join(", ", UnitTypes.All.Select(x => x.Code()))}.");
        }
        var directory = await DirectoryAsync(cancellationToken);
        IEnumerable<Unit> units = directory.Units;
        if (typeFilter is { } tf)
        {
            units = units.Where(u => u.Type == tf);
        }
        if (asOf is { } day)
        {
            units = units.Where(u => u.Validity.Contains(day));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            units = units.Where(u => TextSearch.Matches(u.Name, q) || u.Code.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        return units.OrderBy(u => u.Type).ThenBy(u => u.Code, StringComparer.Ordinal).Select(u => directory.ToDto(u, asOf)).ToList();
    }

    public async Task<UnitDto> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var directory = await DirectoryAsync(cancellationToken);
        var unit = directory.Find(code) ?? throw new NotFoundException($"Không có đơn vị mã {code}.");
        return directory.ToDto(unit, null);
    }

    public async Task<UnitDto> CreateAsync(CreateUnitRequest request, CancellationToken cancellationToken = default)
    {
        var code = request.Code.Trim();
        if (await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
        {
            throw new ConflictException($"Mã đơn vị {code} đã có.");
        }
        var validity = CheckValidity(request.ValidFrom!.Value, request.ValidTo);
        var parent = await FindParentAsync(request.ParentCode, cancellationToken);
        var predecessors = new List<Unit>();
        foreach (var predecessorCode in request.Predecessors ?? [])
        {
            predecessors.Add(await db.Units.FirstOrDefaultAsync(u => u.Code == predecessorCode, cancellationToken)
                ?? throw DomainException.ForField("predecessors", $"Không có đơn vị tiền thân mã {predecessorCode}."));
        }

        var name = request.Name.Trim().Normalize(System.Text.NormalizationForm.FormC);
        var unit = new Unit
        {
            Code = code,
            Name = name,
            Type = request.Type!.Value,
            Subtype = string.IsNullOrWhiteSpace(request.Subtype) ? UnitTypes.SubtypeFromName(request.Type.Value, name) : request.Subtype.Trim(),
            ParentId = parent?.Id,
            ValidFrom = validity.From,
            ValidTo = validity.To,
        };
        foreach (var predecessor in predecessors)
        {
            unit.PredecessorLinks.Add(new UnitLineage { PredecessorId = predecessor.Id, EffectiveDate = validity.From });
        }
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken);
    }

    public async Task<UnitDto> UpdateAsync(string code, UpdateUnitRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có đơn vị mã {code}.");
        Versions.EnsureCurrent(unit.Version, expectedVersion);
        var validity = CheckValidity(request.ValidFrom!.Value, request.ValidTo);
        var parent = await FindParentAsync(request.ParentCode, cancellationToken);
        if (parent?.Id == unit.Id)
        {
            throw DomainException.ForField("parentCode", "Đơn vị không thể là cấp trên của chính nó.");
        }

        var name = request.Name.Trim().Normalize(System.Text.NormalizationForm.FormC);
        unit.Name = name;
        unit.Type = request.Type!.Value;
        unit.Subtype = string.IsNullOrWhiteSpace(request.Subtype) ? UnitTypes.SubtypeFromName(unit.Type, name) : request.Subtype.Trim();
        unit.ParentId = parent?.Id;
        unit.ValidFrom = validity.From;
        unit.ValidTo = validity.To;
        // The row is updated only if nobody else saved it since expectedVersion was read (409 otherwise).
        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken);
    }

    public async Task<UnitDto> UpdateFocalPersonAsync(Unit unit, UpdateFocalPersonRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Versions.EnsureCurrent(unit.Version, expectedVersion);
        unit.FocalPersonName = Clean(request.Name);
        unit.FocalPersonEmail = Clean(request.Email);
        unit.FocalPersonPhone = Clean(request.Phone);
        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(unit.Code, cancellationToken);
    }

    public async Task<Unit> FindTrackedAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có đơn vị mã {code}.");

    /// <summary>Merge, split or rename in one transaction: old units end the day before, new ones start, lineage links both (R2).</summary>
    public async Task<ReorganizationResult> ReorganizeAsync(ReorganizationRequest request, CancellationToken cancellationToken = default)
    {
        var plan = new ReorganizationPlan(
            request.EffectiveDate!.Value,
            request.Kind!.Value,
            request.From.Select(c => c.Trim()).ToList(),
            request.To.Select(t => new NewUnitSpec(t.Code.Trim(), t.Name.Trim().Normalize(System.Text.NormalizationForm.FormC), t.Type!.Value, string.IsNullOrWhiteSpace(t.ParentCode) ? null : t.ParentCode.Trim())).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var all = await db.Units.ToListAsync(cancellationToken);
        var byCode = all.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        plan.Validate(all.ToDictionary(u => u.Code, u => u.Validity, StringComparer.OrdinalIgnoreCase));

        var reorganization = new Reorganization
        {
            EffectiveDate = plan.EffectiveDate,
            Kind = plan.Kind,
            Note = request.Note,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = http.HttpContext?.User.Identity?.Name,
        };
        db.Reorganizations.Add(reorganization);

        var oldUnits = plan.From.Select(c => byCode[c]).ToList();
        foreach (var old in oldUnits)
        {
            old.ValidTo = plan.LastDayOfOldUnits;
        }

        var newUnits = new List<Unit>();
        foreach (var spec in plan.To)
        {
            var unit = new Unit
            {
                Code = spec.Code,
                Name = spec.Name,
                Type = spec.Type,
                Subtype = UnitTypes.SubtypeFromName(spec.Type, spec.Name),
                ValidFrom = plan.EffectiveDate,
            };
            newUnits.Add(unit);
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync(cancellationToken);

        var newByCode = newUnits.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plan.To.Count; i++)
        {
            var spec = plan.To[i];
            newUnits[i].ParentId = spec.ParentCode is null ? null
                : newByCode.TryGetValue(spec.ParentCode, out var newParent) ? newParent.Id : byCode[spec.ParentCode].Id;
            foreach (var old in oldUnits)
            {
                db.UnitLineage.Add(new UnitLineage { PredecessorId = old.Id, SuccessorId = newUnits[i].Id, EffectiveDate = plan.EffectiveDate, Reorganization = reorganization });
            }
        }

        // Children still valid after the change follow a merged or renamed parent; after a split nobody can tell
        // which half they belong to, so they are listed for the Secretariat to reassign.
        var oldIds = oldUnits.Select(u => u.Id).ToHashSet();
        var children = all.Where(u => u.ParentId is int p && oldIds.Contains(p) && u.Validity.Contains(plan.EffectiveDate) && !oldIds.Contains(u.Id)).ToList();
        var reparented = new List<string>();
        var toReassign = new List<string>();
        foreach (var child in children)
        {
            if (plan.Kind == ReorganizationKind.Split)
            {
                toReassign.Add(child.Code);
            }
            else
            {
                child.ParentId = newUnits[0].Id;
                reparented.Add(child.Code);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new ReorganizationResult(reorganization.Id, plan.EffectiveDate, plan.Kind,
            oldUnits.Select(u => u.Code).ToList(), newUnits.Select(u => u.Code).ToList(), reparented, toReassign);
    }

    public async Task<IReadOnlyList<ClusterDto>> ClustersAsync(int? year, CancellationToken cancellationToken = default)
    {
        var query = db.Clusters.AsNoTracking().Include(c => c.Members).ThenInclude(m => m.Unit).AsQueryable();
        if (year is int y)
        {
            query = query.Where(c => c.Year == y);
        }
        var clusters = await query.OrderByDescending(c => c.Year).ThenBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        return clusters.Select(ToDto).ToList();
    }

    public async Task<ClusterDto> GetClusterAsync(int id, CancellationToken cancellationToken = default)
    {
        var cluster = await db.Clusters.AsNoTracking().Include(c => c.Members).ThenInclude(m => m.Unit).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có cụm/khối số {id}.");
        return ToDto(cluster);
    }

    public async Task<ClusterDto> CreateClusterAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        var code = request.Code.Trim();
        var year = request.Year!.Value;
        if (await db.Clusters.AnyAsync(c => c.Code == code && c.Year == year, cancellationToken))
        {
            throw new ConflictException($"Cụm/khối {code} của năm {year} đã có.");
        }
        var cluster = new Cluster { Code = code, Name = request.Name.Trim(), Kind = request.Kind!.Value, Year = year };
        foreach (var unit in await MembersAsync(request.MemberCodes, year, cancellationToken))
        {
            cluster.Members.Add(new ClusterMember { UnitId = unit.Id });
        }
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(cancellationToken);
        return await GetClusterAsync(cluster.Id, cancellationToken);
    }

    public async Task<ClusterDto> UpdateClusterAsync(int id, ClusterRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var cluster = await db.Clusters.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có cụm/khối số {id}.");
        Versions.EnsureCurrent(cluster.Version, expectedVersion);
        var year = request.Year!.Value;
        var code = request.Code.Trim();
        if (await db.Clusters.AnyAsync(c => c.Id != id && c.Code == code && c.Year == year, cancellationToken))
        {
            throw new ConflictException($"Cụm/khối {code} của năm {year} đã có.");
        }
        var members = await MembersAsync(request.MemberCodes, year, cancellationToken);
        cluster.Code = code;
        cluster.Name = request.Name.Trim();
        cluster.Kind = request.Kind!.Value;
        cluster.Year = year;
        cluster.Members.RemoveAll(m => !members.Any(u => u.Id == m.UnitId));
        foreach (var unit in members.Where(u => !cluster.Members.Any(m => m.UnitId == u.Id)))
        {
            cluster.Members.Add(new ClusterMember { UnitId = unit.Id });
        }
        // Membership changes alone do not touch the cluster row; the version still has to move.
        db.Entry(cluster).State = EntityState.Modified;
        db.Entry(cluster).Property(c => c.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetClusterAsync(id, cancellationToken);
    }

    private async Task<List<Unit>> MembersAsync(IReadOnlyCollection<string> codes, int year, CancellationToken cancellationToken)
    {
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var units = await db.Units.Where(u => wanted.Contains(u.Code)).ToListAsync(cancellationToken);
        var missing = wanted.Except(units.Select(u => u.Code), StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.ForField("memberCodes", $"Không có đơn vị mã: {string.Join(", ", missing)}.");
        }
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var outside = units.Where(u => !u.Validity.Overlaps(first, last)).Select(u => u.Code).ToList();
        if (outside.Count > 0)
        {
            throw DomainException.ForField("memberCodes", $"Các đơn vị không có hiệu lực trong năm {year}: {string.Join(", ", outside)}.");
        }
        return units;
    }

    private static ClusterDto ToDto(Cluster cluster) => new(
        cluster.Id, cluster.Code, cluster.Name, cluster.Kind, cluster.Year,
        cluster.Members.Select(m => new ClusterMemberDto(m.Unit.Code, m.Unit.Name, m.Unit.Type)).OrderBy(m => m.Code, StringComparer.Ordinal).ToList(),
        cluster.Version);

    private async Task<Unit?> FindParentAsync(string? parentCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(parentCode))
        {
            return null;
        }
        return await db.Units.FirstOrDefaultAsync(u => u.Code == parentCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("parentCode", $"Không có đơn vị cấp trên mã {parentCode}.");
    }

    private static Validity CheckValidity(DateOnly from, DateOnly? to)
    {
        var validity = new Validity(from, to);
        if (!validity.IsValid)
        {
            throw DomainException.ForField("validTo", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.");
        }
        if (from.Year < 1945 || to?.Year > 2100)
        {
            throw DomainException.ForField("validFrom", "Ngày hiệu lực nằm ngoài khoảng cho phép (1945–2100).");
        }
        return validity;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

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
        unit.Version);
}
