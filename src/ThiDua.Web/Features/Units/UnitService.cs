using ThiDua.Core.Text;
using ThiDua.Core.Units;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>Units (R1): the list, one unit with its lineage, creating and changing one, and its focal person.</summary>
public sealed class UnitService(ThiDuaDbContext db, CurrentUser user)
{
    /// <summary>All units with lineage, loaded once per request: a province has a few hundred, the country a few thousand.</summary>
    public async Task<UnitDirectory> DirectoryAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var links = await db.UnitLineage.AsNoTracking().ToListAsync(cancellationToken);
        return new UnitDirectory(units, links);
    }

    /// <summary>
    /// A page of units, filtered by type, the day they are valid on and a search of name (diacritics optional) or code,
    /// in SQL; the page's parents and lineage come from the unit directory.
    /// </summary>
    public async Task<PagedList<UnitDto>> ListAsync(string? type, DateOnly? asOf, string? q, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Units.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type))
        {
            var filter = UnitTypes.TryParse(type, out var t)
                ? t
                : throw DomainException.ForField("type", $"Loại đơn vị '{type}' không có; dùng một trong: {string.Join(", ", UnitTypes.All.Select(x => x.Code()))}.");
            query = query.Where(u => u.Type == filter);
        }
        if (asOf is { } day)
        {
            query = query.Where(u => u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo >= day));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = TextSearch.Fold(q.Trim());
            var code = q.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // Translated to SQL: UPPER(code) LIKE; the StringComparison overloads are not translated.
            query = query.Where(u => u.SearchName.Contains(folded) || u.Code.ToUpper().Contains(code));
#pragma warning restore CA1862
        }
        // The order of the types as the API lists them (province, department, mass_org, district, commune, enterprise), then the code.
        var page = await query
            .OrderBy(u => u.Type == UnitType.Province ? 0 : u.Type == UnitType.Department ? 1 : u.Type == UnitType.MassOrg ? 2
                : u.Type == UnitType.District ? 3 : u.Type == UnitType.Commune ? 4 : 5)
            .ThenBy(u => u.Code)
            .ToPagedListAsync(paging, cancellationToken);
        var directory = await DirectoryAsync(cancellationToken);
        return page.Select(u => directory.ToDto(directory.Find(u.Id)!, asOf));
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
            // A People's Committee signs as UBND; other bodies need theirs to issue decisions.
            Abbreviation = request.Abbreviation?.Trim() ?? (request.Type is UnitType.Province or UnitType.District or UnitType.Commune ? "UBND" : null),
            KeepsRegisterInThiDua = request.KeepsRegisterInThiDua ?? true,
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
        unit.Abbreviation = request.Abbreviation?.Trim() ?? unit.Abbreviation;
        unit.KeepsRegisterInThiDua = request.KeepsRegisterInThiDua ?? unit.KeepsRegisterInThiDua;
        unit.ValidFrom = validity.From;
        unit.ValidTo = validity.To;
        // The row is updated only if nobody else saved it since expectedVersion was read (409 otherwise).
        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken);
    }

    /// <summary>The unit's focal person, kept by the unit itself (its reporter or leader) or the Secretariat.</summary>
    public async Task<UnitDto> UpdateFocalPersonAsync(string code, UpdateFocalPersonRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có đơn vị mã {code}.");
        await user.EnsureAsync(unit.Id, UnitScope.Act);
        Versions.EnsureCurrent(unit.Version, expectedVersion);
        unit.FocalPersonName = Clean(request.Name);
        unit.FocalPersonEmail = Clean(request.Email);
        unit.FocalPersonPhone = Clean(request.Phone);
        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(unit.Code, cancellationToken);
    }

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
