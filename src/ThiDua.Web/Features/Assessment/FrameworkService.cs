using System.Collections.Concurrent;
using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Core.Units;
using ThiDua.Data.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>A framework as the API returns it: the document of API.md plus its state.</summary>
public sealed record FrameworkDto(
    string Code,
    string Name,
    int Year,
    string UnitType,
    double ScaleMax,
    List<BandDefinition> Bands,
    List<GroupDefinition> Groups,
    bool Illustrative,
    string? Description,
    int Revision,
    string? Supersedes,
    bool Frozen,
    int Assessments,
    DateTime? PublishedAt,
    int Version);

public sealed record FrameworkSummary(string Code, string Name, int Year, UnitType UnitType, double ScaleMax, bool Illustrative, int Revision, string? Supersedes, int Assessments, int Appraised, DateTime? PublishedAt);

/// <summary>Compiled frameworks, kept per row version: a framework changes rarely and is scored often.</summary>
public sealed class FrameworkCache
{
    private readonly ConcurrentDictionary<(int Id, int Version), CompiledFramework> _compiled = new();

    public CompiledFramework Get(Framework framework) =>
        _compiled.GetOrAdd((framework.Id, framework.Version), _ => new CompiledFramework(FrameworkService.Deserialize(framework.DefinitionJson)));
}

/// <summary>Frameworks: create, read, change (a new version once assessments use it), XLSX import and export.</summary>
public sealed class FrameworkService(ThiDuaDbContext db, FrameworkCache cache, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return options;
    }

    public static FrameworkDefinition Deserialize(string json) => JsonSerializer.Deserialize<FrameworkDefinition>(json, Json)!;

    public static string Serialize(FrameworkDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public async Task<PagedList<FrameworkSummary>> ListAsync(int? year, string? unitType, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Frameworks.AsNoTracking();
        if (year is int y)
        {
            query = query.Where(f => f.Year == y);
        }
        if (!string.IsNullOrWhiteSpace(unitType))
        {
            var type = UnitTypes.TryParse(unitType, out var t) ? t : throw DomainException.ForField("unitType", $"Loại đơn vị '{unitType}' không có.");
            query = query.Where(f => f.UnitType == type);
        }
        var page = await query.OrderByDescending(f => f.Year).ThenBy(f => f.UnitType).ThenBy(f => f.Code).ToPagedListAsync(paging, cancellationToken);
        var ids = page.Items.Select(f => f.Id).ToList();
        var counts = await db.Assessments.Where(a => ids.Contains(a.FrameworkId))
            .GroupBy(a => a.FrameworkId)
            .Select(g => new { g.Key, Total = g.Count(), Appraised = g.Count(a => a.Status == AssessmentStatus.Appraised) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var published = await LatestPublicationsAsync(ids, cancellationToken);
        return page.Select(f => new FrameworkSummary(f.Code, f.Name, f.Year, f.UnitType, f.ScaleMax, f.Illustrative, f.Revision, f.Supersedes,
            counts.TryGetValue(f.Id, out var c) ? c.Total : 0, counts.TryGetValue(f.Id, out var c2) ? c2.Appraised : 0,
            published.GetValueOrDefault(f.Id)));
    }

    public async Task<Dictionary<int, DateTime?>> LatestPublicationsAsync(IReadOnlyCollection<int> frameworkIds, CancellationToken cancellationToken)
    {
        var rows = await db.ResultPublications.Where(p => frameworkIds.Contains(p.FrameworkId))
            .GroupBy(p => p.FrameworkId).Select(g => new { g.Key, Latest = g.Max(p => p.PublishedAt) }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => (DateTime?)r.Latest);
    }

    public async Task<Framework> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Frameworks.FirstOrDefaultAsync(f => f.Code == code.Trim(), cancellationToken)
            ?? throw new NotFoundException($"Không có bộ chỉ số mã {code}.");

    public async Task<(Framework Framework, CompiledFramework Compiled)> CompiledAsync(string code, CancellationToken cancellationToken = default)
    {
        var framework = await FindAsync(code, cancellationToken);
        return (framework, cache.Get(framework));
    }

    public CompiledFramework Compiled(Framework framework) => cache.Get(framework);

    public async Task<FrameworkDto> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var framework = await db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code.Trim(), cancellationToken)
            ?? throw new NotFoundException($"Không có bộ chỉ số mã {code}.");
        var assessments = await db.Assessments.CountAsync(a => a.FrameworkId == framework.Id, cancellationToken);
        var published = (await LatestPublicationsAsync([framework.Id], cancellationToken)).GetValueOrDefault(framework.Id);
        var definition = Deserialize(framework.DefinitionJson);
        return new FrameworkDto(framework.Code, framework.Name, framework.Year, framework.UnitType.Code(), framework.ScaleMax, definition.Bands, definition.Groups,
            framework.Illustrative, definition.Description, framework.Revision, framework.Supersedes, assessments > 0, assessments, published, framework.Version);
    }

    public async Task<FrameworkDto> CreateAsync(FrameworkDefinition definition, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(definition);
        _ = new CompiledFramework(normalized); // validates the whole tree, naming every faulty node
        if (await db.Frameworks.AnyAsync(f => f.Code == normalized.Code, cancellationToken))
        {
            throw new ConflictException($"Bộ chỉ số mã {normalized.Code} đã có; để sửa, dùng PUT /api/v1/frameworks/{normalized.Code}.");
        }
        db.Frameworks.Add(NewEntity(normalized, revision: 1, supersedes: null));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(normalized.Code, cancellationToken);
    }

    /// <summary>
    /// Replaces the tree. A framework no assessment uses is changed in place; one in use is frozen, so the change
    /// becomes a new framework "CODE-v{n}" that supersedes it (the caller learns its code from the result).
    /// </summary>
    public async Task<(FrameworkDto Framework, bool NewVersion)> UpdateAsync(string code, FrameworkDefinition definition, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var framework = await FindAsync(code, cancellationToken);
        Versions.EnsureCurrent(framework.Version, expectedVersion);
        var normalized = Normalize(definition with { Code = framework.Code });
        _ = new CompiledFramework(normalized);
        if (normalized.Year != framework.Year || !string.Equals(normalized.UnitType, framework.UnitType.Code(), StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.ForField("year", "Năm và loại đơn vị của bộ chỉ số không đổi được; hãy tạo bộ chỉ số mới.");
        }

        if (await db.Assessments.AnyAsync(a => a.FrameworkId == framework.Id, cancellationToken))
        {
            var baseCode = framework.Supersedes is null ? framework.Code : BaseCode(framework.Code);
            var revision = await db.Frameworks.Where(f => f.Code == baseCode || f.Code.StartsWith(baseCode + "-v")).MaxAsync(f => f.Revision, cancellationToken) + 1;
            var newCode = $"{baseCode}-v{revision}";
            db.Frameworks.Add(NewEntity(normalized with { Code = newCode }, revision, framework.Code));
            await db.SaveChangesAsync(cancellationToken);
            return (await GetAsync(newCode, cancellationToken), true);
        }

        framework.Name = normalized.Name;
        framework.ScaleMax = normalized.ScaleMax;
        framework.Illustrative = normalized.Illustrative;
        framework.DefinitionJson = Serialize(normalized);
        db.Entry(framework).Property(f => f.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(code, cancellationToken), false);
    }

    public async Task<IReadOnlyList<FrameworkDto>> ImportAsync(Stream xlsx, CancellationToken cancellationToken = default)
    {
        var definitions = FrameworkWorkbook.Read(xlsx);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new List<FrameworkDto>();
        foreach (var definition in definitions)
        {
            created.Add(await CreateAsync(definition, cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<byte[]> ExportAsync(string code, CancellationToken cancellationToken = default)
    {
        var framework = await FindAsync(code, cancellationToken);
        return FrameworkWorkbook.Write([Deserialize(framework.DefinitionJson)]);
    }

    private Framework NewEntity(FrameworkDefinition definition, int revision, string? supersedes) => new()
    {
        Code = definition.Code,
        Name = definition.Name,
        Year = definition.Year,
        UnitType = UnitTypes.TryParse(definition.UnitType, out var type) ? type : UnitType.Commune,
        ScaleMax = definition.ScaleMax,
        Illustrative = definition.Illustrative,
        DefinitionJson = Serialize(definition),
        Revision = revision,
        Supersedes = supersedes,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedBy = user.UserName,
    };

    private static string BaseCode(string code)
    {
        var at = code.LastIndexOf("-v", StringComparison.Ordinal);
        return at > 0 && int.TryParse(code[(at + 2)..], out _) ? code[..at] : code;
    }

    /// <summary>Trims codes and makes text NFC, so that "Tốt" typed on any keyboard matches.</summary>
    private static FrameworkDefinition Normalize(FrameworkDefinition d)
    {
        static string N(string? s) => (s ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        GroupDefinition Group(GroupDefinition g) => g with
        {
            Code = N(g.Code),
            Name = N(g.Name),
            Children = (g.Children ?? []).Select(Group).ToList(),
            Indicators = (g.Indicators ?? []).Select(i => i with { Code = N(i.Code), Name = N(i.Name), Rule = i.Rule ?? new RuleDefinition(), Guidance = i.Guidance?.Trim() }).ToList(),
        };
        return d with
        {
            Code = N(d.Code),
            Name = N(d.Name),
            UnitType = N(d.UnitType).ToLowerInvariant(),
            Bands = (d.Bands ?? []).Select(b => b with { Name = N(b.Name) }).ToList(),
            Groups = (d.Groups ?? []).Select(Group).ToList(),
        };
    }
}
