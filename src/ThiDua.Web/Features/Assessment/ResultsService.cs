using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Core.Units;
using ThiDua.Data.Assessment;
using Unit = ThiDua.Data.Units.Unit;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Results of a framework (R6, R7): the engine of ThiDua.Core over the appraised assessments, with clusters of the
/// year and last year's results through lineage. Province-wide roles see live results; publication freezes a
/// snapshot (with its SHA-256) that unit users and the public read.
/// </summary>
public sealed partial class ResultsService(ThiDuaDbContext db, FrameworkService frameworks, NotificationService notifications, CurrentUser user, TimeProvider clock,
    ResultsSignal signal, ILogger<ResultsService> logger)
{
    private static readonly JsonSerializerOptions SnapshotJson = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        WebSetup.ConfigureJson(options);
        return options;
    }

    /// <summary>Live results from the appraised assessments, with the engine's cohort for explanations.</summary>
    public async Task<(ResultsDto Results, CohortResult Cohort)> ComputeAsync(Framework framework, bool withPrevious = true, CancellationToken cancellationToken = default)
    {
        var compiled = frameworks.Compiled(framework);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.FrameworkId == framework.Id)
            // In a fixed order: the cohort's averages are sums of doubles, and a stored result must equal a fresh one to the bit.
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.UnitId, a.Status, a.Unit.Code, a.Unit.Name, a.Unit.Type, a.Unit.Subtype })
            .ToListAsync(cancellationToken);
        var appraised = assessments.Where(a => a.Status == AssessmentStatus.Appraised).ToList();
        var ids = appraised.Select(a => a.Id).ToList();
        var values = await db.AssessmentValues.AsNoTracking()
            .Where(v => ids.Contains(v.AssessmentId))
            .Select(v => new { v.AssessmentId, v.IndicatorCode, v.SelfRaw, v.AppraisedRaw })
            .ToListAsync(cancellationToken);
        var valuesOf = values.ToLookup(v => v.AssessmentId);

        var clusters = await db.ClusterMembers.AsNoTracking()
            .Where(m => m.Cluster.Year == framework.Year)
            .Select(m => new { m.UnitId, m.Cluster.Code })
            .ToListAsync(cancellationToken);
        var clustersOf = clusters.ToLookup(c => c.UnitId, c => c.Code);

        var members = appraised.Select(a =>
        {
            var raw = Enumerable.Repeat(double.NaN, compiled.IndicatorCount).ToArray();
            var self = Enumerable.Repeat(double.NaN, compiled.IndicatorCount).ToArray();
            foreach (var v in valuesOf[a.Id])
            {
                var i = compiled.IndexOf(v.IndicatorCode);
                if (i >= 0)
                {
                    raw[i] = v.AppraisedRaw ?? double.NaN;
                    self[i] = v.SelfRaw ?? double.NaN;
                }
            }
            return new CohortMember(a.UnitId, a.Code, a.Name, a.Type.Code(), raw, self) { ClusterCodes = clustersOf[a.UnitId].ToList() };
        }).ToList();

        var previous = withPrevious ? await PreviousCohortAsync(framework, cancellationToken) : null;
        var cohort = CohortScoring.Compute(compiled, members, previous?.Cohort);
        var subtypes = appraised.ToDictionary(a => a.Code, a => a.Subtype);
        var items = cohort.Units.Select(u => ToItem(u, subtypes.GetValueOrDefault(u.UnitCode), previous?.FrameworkCodes)).ToList();
        var results = new ResultsDto(framework.Code, framework.Name, framework.Year, framework.UnitType.Code(), framework.ScaleMax,
            compiled.Definition.Bands.OrderByDescending(b => b.MinFraction).Select(b => b.Name).ToList(),
            false, null, null, Headers(compiled), cohort.GroupAverages,
            assessments.Where(a => a.Status != AssessmentStatus.Appraised).Select(a => a.Code).OrderBy(c => c, StringComparer.Ordinal).ToList(),
            items);
        return (results, cohort);
    }

    /// <summary>The results a user may see: live for province-wide roles, otherwise the published snapshot (404 before publication).</summary>
    public async Task<ResultsDto> ForUserAsync(string frameworkCode, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(frameworkCode, cancellationToken);
        if (user.ReadsEveryUnit)
        {
            var live = await LiveAsync(framework, cancellationToken);
            var latest = await db.ResultPublications.AsNoTracking().Where(p => p.FrameworkId == framework.Id)
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
                .Select(p => new { p.PublishedAt, p.Sha256 }).FirstOrDefaultAsync(cancellationToken);
            // Live figures; the publication fields say whether (and when) a snapshot was made public.
            return latest is null ? live : live with { Published = true, PublishedAt = latest.PublishedAt, Sha256 = latest.Sha256 };
        }
        return await PublishedAsync(framework, cancellationToken)
            ?? throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố.");
    }

    public async Task<ResultsDto?> PublishedAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        var latest = await db.ResultPublications.AsNoTracking()
            .Where(p => p.FrameworkId == framework.Id)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }
        var snapshot = JsonSerializer.Deserialize<ResultsDto>(latest.SnapshotJson, SnapshotJson)!;
        return snapshot with { Published = true, PublishedAt = latest.PublishedAt, Sha256 = latest.Sha256 };
    }

    /// <summary>
    /// Every unit's published result of a year, by unit code (a unit is in one framework of a year), with the score from
    /// which its framework's band "Tốt" begins: what reward eligibility judges a unit on.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DtiEvidence>> PublishedEvidenceAsync(int year, CancellationToken cancellationToken = default)
    {
        var scores = new Dictionary<string, DtiEvidence>(StringComparer.Ordinal);
        foreach (var framework in await db.Frameworks.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.Code).ToListAsync(cancellationToken))
        {
            if (await LatestPublicationIdAsync(framework.Id, cancellationToken) is not int publicationId)
            {
                continue;
            }
            var good = GoodBand.From100(frameworks.Compiled(framework).Definition);
            // Only the columns judged, read from the publication's rows: no snapshot is parsed.
            var rows = await db.ResultRows.AsNoTracking().Where(r => r.PublicationId == publicationId).OrderBy(r => r.Position)
                .Select(r => new { r.UnitCode, r.Score100, r.Band }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                scores.TryAdd(row.UnitCode, new DtiEvidence(year, framework.Code, row.Score100, row.Band, good));
            }
        }
        return scores;
    }

    /// <summary>
    /// The units a publication of the framework would leave out: those whose assessment is not appraised yet, and those
    /// of its unit type, in being at the end of its year (or today), that have not started one for that year.
    /// </summary>
    public async Task<IReadOnlyList<UnappraisedUnit>> UnappraisedAsync(string frameworkCode, CancellationToken cancellationToken = default) =>
        await UnappraisedAsync(await frameworks.FindAsync(frameworkCode, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<UnappraisedUnit>> UnappraisedAsync(Framework framework, CancellationToken cancellationToken)
    {
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.FrameworkId == framework.Id && a.Status != AssessmentStatus.Appraised)
            .Select(a => new { a.Unit.Code, a.Unit.Name, a.Status }).ToListAsync(cancellationToken);
        var today = VietnamTime.Today(clock);
        var day = new DateOnly(framework.Year, 12, 31) < today ? new DateOnly(framework.Year, 12, 31) : today;
        var (year, type) = (framework.Year, framework.UnitType);
        var notStarted = await db.Units.AsNoTracking()
            .Where(u => u.Type == type && u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo >= day))
            .Where(u => !db.Assessments.Any(a => a.UnitId == u.Id && a.Framework.Year == year && a.Framework.UnitType == type))
            .Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        return open.Select(a => new UnappraisedUnit(a.Code, a.Name, ApiCodes.Code(a.Status), a.Status.VietnameseName()))
            .Concat(notStarted.Select(u => new UnappraisedUnit(u.Code, u.Name, "not_started", "Chưa lập bản tự đánh giá")))
            .OrderBy(u => u.UnitName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
    }

    /// <summary>
    /// Publishes the appraised results. Units not appraised yet are left out of the ranking and named in the answer;
    /// with <paramref name="requireAllAppraised"/> their presence refuses the publication instead (<see cref="UnappraisedUnitsException"/>).
    /// The ranked units are told (<paramref name="notify"/>: not when the demo data is seeded).
    /// </summary>
    public async Task<PublicationDto> PublishAsync(string frameworkCode, bool requireAllAppraised = false, bool notify = true, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(frameworkCode, cancellationToken);
        var live = await CurrentAsync(framework, cancellationToken);
        var results = await FullAsync(live, cancellationToken);
        if (results.Items.Count == 0)
        {
            throw new ConflictException($"Bộ chỉ số {frameworkCode} chưa có đánh giá nào đã thẩm định xong: chưa công bố được.");
        }
        var unappraised = await UnappraisedAsync(framework, cancellationToken);
        if (requireAllAppraised && unappraised.Count > 0)
        {
            throw new UnappraisedUnitsException(unappraised);
        }
        var json = JsonSerializer.Serialize(results, SnapshotJson);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var publication = new ResultPublication
        {
            FrameworkId = framework.Id,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedBy = user.UserName,
            SnapshotJson = json,
            Sha256 = sha256,
            UnitCount = results.Items.Count,
            HeaderJson = JsonSerializer.Serialize(results with { Items = [] }, SnapshotJson),
        };
        // The publication and its rows in one transaction: a reader sees both or neither, and they never change after.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ResultPublications.Add(publication);
            await db.SaveChangesAsync(cancellationToken);
            db.ResultRows.AddRange(await RowsOfAsync(framework, live, results, publication.Id, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        signal.Nudge();
        // The units in the ranking learn that it is public; those left out still have their assessment to finish.
        var ranked = results.Items.Select(i => i.UnitCode).ToList();
        var unitIds = notify ? await db.Units.Where(u => ranked.Contains(u.Code)).Select(u => u.Id).ToListAsync(cancellationToken) : [];
        await notifications.NotifyUnitsAsync(unitIds, $"Đã công bố kết quả {framework.Name}",
            $"Cơ quan thường trực đã công bố kết quả xếp hạng của {Display.Number(results.Items.Count)} đơn vị; xem thứ hạng và điểm của đơn vị mình.",
            $"/ket-qua?bo-chi-so={Uri.EscapeDataString(framework.Code)}", cancellationToken);
        return new PublicationDto(framework.Code, publication.PublishedAt, sha256, results.Items.Count, results.Pending, unappraised,
            unappraised.Count == 0 ? null : UnappraisedUnitsException.Text(unappraised, published: true));
    }

    public async Task<ExplanationDto> ExplainAsync(string frameworkCode, string unitCode, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(frameworkCode, cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new NotFoundException($"Không có đơn vị mã {unitCode}.");
        var ownUnit = user.UnitId == unit.Id;
        if (!user.ReadsEveryUnit && !ownUnit && await LatestPublicationIdAsync(framework.Id, cancellationToken) is null)
        {
            throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố.");
        }
        var live = await CurrentAsync(framework, cancellationToken);
        Explanation e;
        if (live.Memory is { } memory)
        {
            if (!memory.Cohort.Units.Any(u => u.UnitId == unit.Id))
            {
                throw NotRanked(unit, frameworkCode);
            }
            e = Explainer.Explain(memory.Cohort, unit.Code);
        }
        else
        {
            // The unit's stored row and the lowest total ranked above it: two small queries, no cohort recomputed.
            var rows = db.ResultRows.AsNoTracking().Where(r => r.CohortId == live.CohortId);
            var row = await rows.Where(r => r.UnitId == unit.Id)
                .Select(r => new { r.UnitCode, r.Total, r.Score100, r.Band, r.Rank, r.ExplainJson }).FirstOrDefaultAsync(cancellationToken)
                ?? throw NotRanked(unit, frameworkCode);
            var better = await rows.Where(r => r.Rank < row.Rank).OrderBy(r => r.Total).ThenBy(r => r.Position)
                .Select(r => new { r.Rank, r.Total }).FirstOrDefaultAsync(cancellationToken);
            var stored = JsonSerializer.Deserialize<StoredExplanation>(row.ExplainJson!, RowJson)!;
            e = Explainer.Explain(frameworks.Compiled(framework), row.UnitCode, row.Total, row.Score100, row.Band, row.Rank, stored.Points, stored.Missing,
                better is null ? null : (better.Rank, better.Total));
        }
        return new ExplanationDto(framework.Code, unit.Code, unit.Name, e.Total, e.Score100, e.Band, e.Rank,
            e.Gaps.Select(g => new GapItem(g.Code, g.Name, g.GroupCode, g.MaxPoints, g.Points, g.Lost)).ToList(),
            e.NextBand, e.PointsToNextBand, e.NextRank, e.PointsToNextRank, e.Missing);
    }

    private static NotFoundException NotRanked(Unit unit, string frameworkCode) =>
        new($"{unit.Name} chưa có kết quả đã thẩm định theo bộ chỉ số {frameworkCode}.");

    /// <summary>Last year's frameworks of the same unit type: their published results if any, else live ones.</summary>
    private async Task<(PreviousCohort Cohort, Dictionary<string, string> FrameworkCodes)?> PreviousCohortAsync(Framework framework, CancellationToken cancellationToken)
    {
        var candidates = await db.Frameworks.AsNoTracking()
            .Where(f => f.Year == framework.Year - 1 && f.UnitType == framework.UnitType)
            .OrderBy(f => f.Revision)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return null;
        }
        var results = new Dictionary<string, (PreviousRow Item, string FrameworkCode)>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in candidates)
        {
            // Totals do not depend on the year before, so last year's live rows serve whether or not they compared further back.
            foreach (var item in await PreviousRowsAsync(candidate, cancellationToken))
            {
                results[item.UnitCode] = (item, candidate.Code);
            }
        }
        var codes = results.Keys.ToList();
        var ids = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var lineage = await db.UnitLineage.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(cancellationToken);
        var previous = results.Values
            .Where(r => ids.ContainsKey(r.Item.UnitCode))
            .Select(r => new PreviousResult(ids[r.Item.UnitCode], r.Item.UnitCode, r.Item.Total, r.Item.Score100))
            .ToList();
        return (new PreviousCohort(previous, lineage.ToLookup(l => l.SuccessorId, l => l.PredecessorId)),
            results.ToDictionary(r => r.Key, r => r.Value.FrameworkCode, StringComparer.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<GroupHeader> Headers(CompiledFramework compiled) =>
        compiled.Groups.Select(g => new GroupHeader(g.Code, g.Name, g.Depth, g.MaxPoints, g.Scored)).ToList();

    private static ResultItem ToItem(UnitResult u, string? subtype, Dictionary<string, string>? previousFrameworks) => new(
        u.UnitCode, u.UnitName, u.UnitType, subtype, u.Total, u.Score100, u.Band, u.Rank, u.RankInType, null, u.RankInClusters,
        u.Groups.Select(g => new GroupItem(g.Code, g.Value, g.Points, g.MaxPoints)).ToList(),
        new UncertaintyItem(u.Uncertainty.Median, u.Uncertainty.P5, u.Uncertainty.P95),
        u.Previous is { } p
            ? new PreviousItem(previousFrameworks?.GetValueOrDefault(p.UnitCodes[0]) ?? "", p.Total, p.Score100, p.Rank, p.Basis, p.UnitCodes, p.Change100)
            : null,
        u.Flags);
}

/// <summary>A publication refused because units of the cohort are not appraised yet (409, listing them).</summary>
public sealed class UnappraisedUnitsException(IReadOnlyList<UnappraisedUnit> units) : ConflictException(Text(units, published: false)), Infrastructure.Errors.IProblemExtensions
{
    public IReadOnlyList<UnappraisedUnit> Units { get; } = units;

    public IReadOnlyDictionary<string, object?> ProblemExtensions => new Dictionary<string, object?> { ["unappraised"] = Units };

    public static string Text(IReadOnlyList<UnappraisedUnit> units, bool published)
    {
        var names = string.Join(", ", units.Take(20).Select(u => u.UnitName)) + (units.Count > 20 ? $" và {units.Count - 20} đơn vị khác" : "");
        return published
            ? $"{units.Count} đơn vị chưa thẩm định xong nên không có trong kết quả đã công bố: {names}."
            : $"{units.Count} đơn vị chưa thẩm định xong: {names}. Gửi lại không kèm requireAllAppraised để công bố không tính các đơn vị này.";
    }
}
