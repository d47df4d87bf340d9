using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>The emulation clusters and blocs of each year (R1, section VI.1), whose members are ranked among themselves.</summary>
public sealed class ClusterService(ThiDuaDbContext db)
{
    public async Task<PagedList<ClusterDto>> ListAsync(int? year, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Clusters.AsNoTracking();
        if (year is int y)
        {
            query = query.Where(c => c.Year == y);
        }
        var page = await query.OrderByDescending(c => c.Year).ThenBy(c => c.Kind).ThenBy(c => c.Code)
            .ToPagedListAsync(paging, rows => rows.Include(c => c.Members).ThenInclude(m => m.Unit), cancellationToken);
        return page.Select(ToDto);
    }

    public async Task<ClusterDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var cluster = await db.Clusters.AsNoTracking().Include(c => c.Members).ThenInclude(m => m.Unit).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có cụm/khối số {id}.");
        return ToDto(cluster);
    }

    public async Task<ClusterDto> CreateAsync(ClusterRequest request, CancellationToken cancellationToken = default)
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
        return await GetAsync(cluster.Id, cancellationToken);
    }

    public async Task<ClusterDto> UpdateAsync(int id, ClusterRequest request, int expectedVersion, CancellationToken cancellationToken = default)
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
        return await GetAsync(id, cancellationToken);
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
}
