using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Core.Assessment;
using ThiDua.Data.Assessment;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// The live results of a framework: stored (<see cref="CohortId"/>, the header with its rows in the database) or, when
/// another instance holds the claim on the current inputs, computed in memory for this answer only (<see cref="Memory"/>).
/// </summary>
public sealed record LiveCohort(int? CohortId, ResultsDto Header, int RowCount, (ResultsDto Results, CohortResult Cohort)? Memory);

/// <summary>
/// Results computed once and stored (ADR 025): the inputs key of a framework, the claim that lets one instance
/// compute a cohort, the stored header and per-unit rows, and the reads that page them in SQL.
/// </summary>
public sealed partial class ResultsService
{
    /// <summary>Changes when what the key covers changes meaning (a new component, a change of the engine's output).</summary>
    private const string KeyFormat = "results-key-1";

    /// <summary>A claim older than this whose computation never finished (a crash) may be taken again.</summary>
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(10);

    /// <summary>This process, as a claim names it.</summary>
    public static readonly string Instance = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 128);

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    private static readonly JsonSerializerOptions RowJson = CreateRowJson();

    private static JsonSerializerOptions CreateRowJson()
    {
        var options = CreateJson();
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }

    private sealed record StoredExplanation(double[] Points, IReadOnlyList<string> Missing);

    private sealed record PreviousRow(string UnitCode, double Total, double Score100);

    /// <summary>
    /// The fingerprint of everything a framework's results are computed from, read by a few aggregate queries: the
    /// framework and its version; its assessments (how many, which are appraised and at which version — the values of
    /// an appraised assessment cannot change without its status or version changing); the units (names, codes,
    /// types); the clusters of the year and their members; lineage; last year's frameworks of the same type (their
    /// latest publication, or their own inputs when none is published). No service has to remember to bump anything.
    /// </summary>
    public async Task<string> InputsKeyAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder(KeyFormat);
        await AppendOwnInputsAsync(text, framework.Id, cancellationToken);
        var units = await db.Units.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), Max = g.Max(u => u.Id), Versions = g.Sum(u => (long)u.Version) }).FirstOrDefaultAsync(cancellationToken);
        text.Append("|u:").Append(units?.N).Append(':').Append(units?.Max).Append(':').Append(units?.Versions);
        var year = framework.Year;
        var clusters = await db.Clusters.AsNoTracking().Where(c => c.Year == year).GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), Sum = g.Sum(c => (long)c.Id * 1_000_003 + c.Version) }).FirstOrDefaultAsync(cancellationToken);
        var members = await db.ClusterMembers.AsNoTracking().Where(m => m.Cluster.Year == year).GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), Sum = g.Sum(m => (long)m.ClusterId * 1_000_003 + m.UnitId) }).FirstOrDefaultAsync(cancellationToken);
        text.Append("|c:").Append(clusters?.N).Append(':').Append(clusters?.Sum).Append(':').Append(members?.N).Append(':').Append(members?.Sum);
        var lineage = await db.UnitLineage.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), Max = g.Max(l => l.Id), Sum = g.Sum(l => (long)l.PredecessorId * 1_000_003 + l.SuccessorId) }).FirstOrDefaultAsync(cancellationToken);
        text.Append("|l:").Append(lineage?.N).Append(':').Append(lineage?.Max).Append(':').Append(lineage?.Sum);
        var type = framework.UnitType;
        var previous = await db.Frameworks.AsNoTracking().Where(f => f.Year == year - 1 && f.UnitType == type)
            .OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var id in previous)
        {
            text.Append("|p:").Append(id).Append(':');
            if (await LatestPublicationIdAsync(id, cancellationToken) is int publication)
            {
                text.Append("pub").Append(publication);
            }
            else
            {
                await AppendOwnInputsAsync(text, id, cancellationToken);
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The framework's own version and its assessments: which exist, which are appraised, at which version.</summary>
    private async Task AppendOwnInputsAsync(StringBuilder text, int frameworkId, CancellationToken cancellationToken)
    {
        var version = await db.Frameworks.AsNoTracking().Where(f => f.Id == frameworkId).Select(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.FrameworkId == frameworkId).GroupBy(_ => 1)
            .Select(g => new
            {
                N = g.Count(),
                Max = g.Max(a => a.Id),
                Appraised = g.Sum(a => a.Status == AssessmentStatus.Appraised ? 1 : 0),
                Sum = g.Sum(a => a.Status == AssessmentStatus.Appraised ? (long)a.Id * 1_000_003 + a.Version : 0L),
            }).FirstOrDefaultAsync(cancellationToken);
        text.Append("|f:").Append(frameworkId).Append(':').Append(version)
            .Append("|a:").Append(assessments?.N).Append(':').Append(assessments?.Max).Append(':').Append(assessments?.Appraised).Append(':').Append(assessments?.Sum);
    }

    /// <summary>
    /// The framework's live results for its current inputs: the stored ones if their key is current; otherwise they
    /// are computed now through the claim and stored, or — when another instance or request holds the claim —
    /// computed in memory for this answer (correct now, stored by whoever holds the claim).
    /// </summary>
    public async Task<LiveCohort> CurrentAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        var key = await InputsKeyAsync(framework, cancellationToken);
        if (await StoredAsync(framework.Id, key, cancellationToken) is { } stored)
        {
            return stored;
        }
        return await ComputeAndStoreAsync(framework, key, cancellationToken);
    }

    /// <summary>
    /// Recomputes and stores the framework's results if their stored key is not the current one and no one else is
    /// computing it; true when this call computed them. What the background service runs.
    /// </summary>
    public async Task<bool> RefreshAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        var key = await InputsKeyAsync(framework, cancellationToken);
        if (await db.StoredCohorts.AsNoTracking().AnyAsync(c => c.FrameworkId == framework.Id && c.InputsKey == key, cancellationToken))
        {
            return false;
        }
        var claim = await TryClaimAsync(framework.Id, key, cancellationToken);
        if (claim is not long claimId)
        {
            return false;
        }
        var (results, cohort) = await ComputeAsync(framework, cancellationToken: cancellationToken);
        return await StoreAsync(framework, key, claimId, results, cohort, cancellationToken) is not null;
    }

    /// <summary>Refreshes every framework; returns how many were computed.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken = default)
    {
        var computed = 0;
        foreach (var framework in await db.Frameworks.AsNoTracking().OrderBy(f => f.Year).ThenBy(f => f.Id).ToListAsync(cancellationToken))
        {
            if (await RefreshAsync(framework, cancellationToken))
            {
                computed++;
            }
        }
        return computed;
    }

    private async Task<LiveCohort?> StoredAsync(int frameworkId, string key, CancellationToken cancellationToken)
    {
        var stored = await db.StoredCohorts.AsNoTracking().Where(c => c.FrameworkId == frameworkId && c.InputsKey == key)
            .Select(c => new { c.Id, c.HeaderJson, c.RowCount }).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : new LiveCohort(stored.Id, JsonSerializer.Deserialize<ResultsDto>(stored.HeaderJson, SnapshotJson)!, stored.RowCount, null);
    }

    private async Task<LiveCohort> ComputeAndStoreAsync(Framework framework, string key, CancellationToken cancellationToken)
    {
        var claim = await TryClaimAsync(framework.Id, key, cancellationToken);
        if (claim is not long claimId)
        {
            // Someone else computes these inputs: they may have finished meanwhile; if not, answer from memory.
            if (await StoredAsync(framework.Id, key, cancellationToken) is { } stored)
            {
                return stored;
            }
            var memory = await ComputeAsync(framework, cancellationToken: cancellationToken);
            return new LiveCohort(null, memory.Results with { Items = [] }, memory.Results.Items.Count, memory);
        }
        var (results, cohort) = await ComputeAsync(framework, cancellationToken: cancellationToken);
        var id = await StoreAsync(framework, key, claimId, results, cohort, cancellationToken);
        return id is int cohortId
            ? new LiveCohort(cohortId, results with { Items = [] }, results.Items.Count, null)
            : new LiveCohort(null, results with { Items = [] }, results.Items.Count, (results, cohort));
    }

    /// <summary>
    /// Claims the computation of (framework, key) by inserting its row: the unique index lets one insert win. A claim
    /// abandoned by a crash, or finished for inputs that were replaced since and came back, is removed and taken again.
    /// </summary>
    private async Task<long?> TryClaimAsync(int frameworkId, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claim = new CohortComputation { FrameworkId = frameworkId, InputsKey = key, Instance = Instance, StartedAt = now };
            db.CohortComputations.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(claim).State = EntityState.Detached;
                return claim.Id;
            }
            catch (DbUpdateException)
            {
                db.Entry(claim).State = EntityState.Detached;
            }
            var abandoned = now - ClaimTime;
            // One statement, so a claim that finishes meanwhile (its result stored in the same transaction) is never taken.
            var removed = await db.CohortComputations
                .Where(c => c.FrameworkId == frameworkId && c.InputsKey == key)
                .Where(c => (c.FinishedAt == null && c.StartedAt < abandoned)
                    || (c.FinishedAt != null && !db.StoredCohorts.Any(s => s.FrameworkId == frameworkId && s.InputsKey == key)))
                .ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// Replaces the framework's stored results with these, and marks the claim finished, in one transaction. Null when
    /// another instance stored results of other inputs at the same moment (the next check recomputes if need be).
    /// </summary>
    private async Task<int?> StoreAsync(Framework framework, string key, long claimId, ResultsDto results, CohortResult cohort, CancellationToken cancellationToken)
    {
        var stored = new StoredCohort
        {
            FrameworkId = framework.Id,
            InputsKey = key,
            ComputedAt = clock.GetUtcNow().UtcDateTime,
            HeaderJson = JsonSerializer.Serialize(results with { Items = [] }, SnapshotJson),
            RowCount = results.Items.Count,
            Rows = RowsOf(framework, results, cohort.Units.Select(u => u.UnitId).ToList(), cohort, null),
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var old = await db.StoredCohorts.Where(c => c.FrameworkId == framework.Id).Select(c => c.Id).ToListAsync(cancellationToken);
            await db.ResultRows.Where(r => r.CohortId != null && old.Contains(r.CohortId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.StoredCohorts.Where(c => old.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            db.StoredCohorts.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.CohortComputations.Where(c => c.Id == claimId).ExecuteUpdateAsync(s => s.SetProperty(c => c.FinishedAt, finished), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored.Id;
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning(e, "Storing the results of framework {Framework} lost to another instance", framework.Code);
            return null;
        }
        finally
        {
            // The rows are not read back through this context; 3,000 tracked rows would only slow its next save.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is StoredCohort or ResultRow).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>The rows of a ranking in its order; with the engine's cohort (live rows) they keep what explaining a unit needs.</summary>
    private static List<ResultRow> RowsOf(Framework framework, ResultsDto results, IReadOnlyList<int> unitIds, CohortResult? cohort, int? publicationId) =>
        results.Items.Select((item, position) => new ResultRow
        {
            PublicationId = publicationId,
            FrameworkId = framework.Id,
            Year = framework.Year,
            Position = position,
            UnitId = unitIds[position],
            UnitCode = item.UnitCode,
            UnitType = item.UnitType,
            Rank = item.Rank,
            Total = item.Total,
            Score100 = item.Score100,
            Band = item.Band,
            Clusters = "|" + string.Concat(item.RankInClusters.Keys.Order(StringComparer.Ordinal).Select(c => c + "|")),
            ItemJson = JsonSerializer.Serialize(item, RowJson),
            ExplainJson = cohort is null ? null : JsonSerializer.Serialize(new StoredExplanation(cohort.Units[position].Points, cohort.Units[position].Missing), RowJson),
        }).ToList();

    /// <summary>The rows a publication of <paramref name="results"/> (read from <paramref name="live"/>) writes.</summary>
    private async Task<List<ResultRow>> RowsOfAsync(Framework framework, LiveCohort live, ResultsDto results, int publicationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> unitIds = live.Memory is { } memory
            ? memory.Cohort.Units.Select(u => u.UnitId).ToList()
            : await db.ResultRows.AsNoTracking().Where(r => r.CohortId == live.CohortId).OrderBy(r => r.Position).Select(r => r.UnitId).ToListAsync(cancellationToken);
        return RowsOf(framework, results, unitIds, null, publicationId);
    }

    private static ResultItem ItemOf(string json) => JsonSerializer.Deserialize<ResultItem>(json, RowJson)!;

    /// <summary>Every row of the live results, read from the stored rows (or the memory computation).</summary>
    private async Task<ResultsDto> FullAsync(LiveCohort live, CancellationToken cancellationToken)
    {
        if (live.Memory is { } memory)
        {
            return memory.Results;
        }
        var items = await db.ResultRows.AsNoTracking().Where(r => r.CohortId == live.CohortId).OrderBy(r => r.Position)
            .Select(r => r.ItemJson).ToListAsync(cancellationToken);
        return live.Header with { Items = items.Select(ItemOf).ToList() };
    }

    /// <summary>
    /// The live results of a framework, whole, from the stored rows: what the staff's ranking, the dashboard and the
    /// reports read. The stored results can be replaced between reading their header and their rows; then it reads again.
    /// </summary>
    public async Task<ResultsDto> LiveAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var live = await CurrentAsync(framework, cancellationToken);
            var results = await FullAsync(live, cancellationToken);
            if (results.Items.Count == live.RowCount || attempt == 2)
            {
                return results;
            }
        }
    }

    private async Task<int?> LatestPublicationIdAsync(int frameworkId, CancellationToken cancellationToken) =>
        await db.ResultPublications.AsNoTracking().Where(p => p.FrameworkId == frameworkId)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The latest publication of a framework with its header, its rows written if it was made before rows were stored
    /// (from its snapshot, once: the conditional update lets one writer do it). Null before any publication.
    /// </summary>
    private async Task<(int Id, ResultsDto Header)?> LatestPublicationAsync(Framework framework, CancellationToken cancellationToken)
    {
        if (await LatestPublicationIdAsync(framework.Id, cancellationToken) is not int id)
        {
            return null;
        }
        var publication = await db.ResultPublications.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.PublishedAt, p.Sha256, p.HeaderJson }).FirstAsync(cancellationToken);
        ResultsDto header;
        if (publication.HeaderJson is null)
        {
            header = await WritePublicationRowsAsync(framework, id, cancellationToken);
        }
        else
        {
            header = JsonSerializer.Deserialize<ResultsDto>(publication.HeaderJson, SnapshotJson)!;
        }
        return (id, header with { Published = true, PublishedAt = publication.PublishedAt, Sha256 = publication.Sha256 });
    }

    private async Task<ResultsDto> WritePublicationRowsAsync(Framework framework, int publicationId, CancellationToken cancellationToken)
    {
        var json = await db.ResultPublications.AsNoTracking().Where(p => p.Id == publicationId).Select(p => p.SnapshotJson).FirstAsync(cancellationToken);
        var snapshot = JsonSerializer.Deserialize<ResultsDto>(json, SnapshotJson)!;
        var header = snapshot with { Items = [] };
        var codes = snapshot.Items.Select(i => i.UnitCode).ToList();
        var ids = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var headerJson = JsonSerializer.Serialize(header, SnapshotJson);
        var mine = await db.ResultPublications.Where(p => p.Id == publicationId && p.HeaderJson == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.HeaderJson, headerJson), cancellationToken);
        if (mine == 1)
        {
            var rows = RowsOf(framework, snapshot, snapshot.Items.Select(i => ids.GetValueOrDefault(i.UnitCode)).ToList(), null, publicationId);
            db.ResultRows.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            rows.ForEach(r => db.Entry(r).State = EntityState.Detached);
        }
        await transaction.CommitAsync(cancellationToken);
        return header;
    }

    /// <summary>
    /// One page of the ranking a user may see (live for province-wide roles, else the latest publication), filtered
    /// to a cluster (ranks within it) or a unit type and paged in SQL in the ranking's order.
    /// </summary>
    public async Task<ResultsPage> PageForUserAsync(string frameworkCode, string? clusterCode, string? unitType, Paging paging, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(frameworkCode, cancellationToken);
        clusterCode = string.IsNullOrWhiteSpace(clusterCode) ? null : clusterCode;
        unitType = string.IsNullOrWhiteSpace(unitType) ? null : unitType;
        ResultsDto header;
        PagedList<ResultItem> items;
        if (user.ReadsEveryUnit)
        {
            var live = await CurrentAsync(framework, cancellationToken);
            var latest = await db.ResultPublications.AsNoTracking().Where(p => p.FrameworkId == framework.Id)
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
                .Select(p => new { p.PublishedAt, p.Sha256 }).FirstOrDefaultAsync(cancellationToken);
            header = latest is null ? live.Header : live.Header with { Published = true, PublishedAt = latest.PublishedAt, Sha256 = latest.Sha256 };
            items = live.Memory is { } memory
                ? paging.OfComputed(Filter(memory.Results.Items, clusterCode, unitType))
                : await PageRowsAsync(db.ResultRows.Where(r => r.CohortId == live.CohortId), clusterCode, unitType, paging, cancellationToken);
        }
        else
        {
            var published = await LatestPublicationAsync(framework, cancellationToken)
                ?? throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố.");
            header = published.Header;
            items = await PageRowsAsync(db.ResultRows.Where(r => r.PublicationId == published.Id), clusterCode, unitType, paging, cancellationToken);
        }
        return new ResultsPage(header.FrameworkCode, header.FrameworkName, header.Year, header.UnitType, header.ScaleMax,
            header.Published, header.PublishedAt, header.Sha256, clusterCode, header.GroupColumns, items.Items, items.Total, items.Page, items.PageSize);
    }

    /// <summary>A page of the latest published ranking of a framework (open data); null before any publication.</summary>
    public async Task<ResultsPage?> PublishedPageAsync(Framework framework, Paging paging, CancellationToken cancellationToken = default)
    {
        if (await LatestPublicationAsync(framework, cancellationToken) is not { } published)
        {
            return null;
        }
        var header = published.Header;
        var items = await PageRowsAsync(db.ResultRows.Where(r => r.PublicationId == published.Id), null, null, paging, cancellationToken);
        return new ResultsPage(header.FrameworkCode, header.FrameworkName, header.Year, header.UnitType, header.ScaleMax,
            header.Published, header.PublishedAt, header.Sha256, null, header.GroupColumns, items.Items, items.Total, items.Page, items.PageSize);
    }

    private static async Task<PagedList<ResultItem>> PageRowsAsync(IQueryable<ResultRow> rows, string? clusterCode, string? unitType, Paging paging, CancellationToken cancellationToken)
    {
        rows = rows.AsNoTracking();
        if (clusterCode is not null)
        {
            var token = "|" + clusterCode + "|";
            rows = rows.Where(r => r.Clusters.Contains(token));
        }
        if (unitType is not null)
        {
            // Unit type codes are lower case ("commune"); the filter has always ignored case.
            var type = unitType.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.UnitType == type);
        }
        // Ranks within a cluster follow the order of the whole ranking, so one order serves both.
        var page = await rows.OrderBy(r => r.Position).ToPagedListAsync(paging, q => q.Select(r => r.ItemJson), cancellationToken);
        return page.Select(json =>
        {
            var item = ItemOf(json);
            return clusterCode is null ? item : item with { RankInCluster = item.RankInClusters[clusterCode] };
        });
    }

    /// <summary>The in-memory form of the filters of <see cref="PageRowsAsync"/> (the same rows, the same order).</summary>
    public static IReadOnlyList<ResultItem> Filter(IReadOnlyList<ResultItem> items, string? clusterCode, string? unitType)
    {
        IEnumerable<ResultItem> filtered = items;
        if (!string.IsNullOrWhiteSpace(clusterCode))
        {
            filtered = filtered.Where(i => i.RankInClusters.ContainsKey(clusterCode))
                .Select(i => i with { RankInCluster = i.RankInClusters[clusterCode] })
                .OrderBy(i => i.RankInCluster);
        }
        if (!string.IsNullOrWhiteSpace(unitType))
        {
            filtered = filtered.Where(i => string.Equals(i.UnitType, unitType, StringComparison.OrdinalIgnoreCase));
        }
        return filtered.ToList();
    }

    /// <summary>Last year's totals of a framework: its latest publication's rows, else its live rows.</summary>
    private async Task<IReadOnlyList<PreviousRow>> PreviousRowsAsync(Framework framework, CancellationToken cancellationToken)
    {
        if (await LatestPublicationAsync(framework, cancellationToken) is { } published)
        {
            return await db.ResultRows.AsNoTracking().Where(r => r.PublicationId == published.Id).OrderBy(r => r.Position)
                .Select(r => new PreviousRow(r.UnitCode, r.Total, r.Score100)).ToListAsync(cancellationToken);
        }
        var live = await CurrentAsync(framework, cancellationToken);
        if (live.Memory is { } memory)
        {
            return memory.Results.Items.Select(i => new PreviousRow(i.UnitCode, i.Total, i.Score100)).ToList();
        }
        return await db.ResultRows.AsNoTracking().Where(r => r.CohortId == live.CohortId).OrderBy(r => r.Position)
            .Select(r => new PreviousRow(r.UnitCode, r.Total, r.Score100)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The published rows of units (by code) in every framework's latest publication, with their framework: what a
    /// unit's public profile lists, read by unit through the rows' index instead of every snapshot.
    /// </summary>
    public async Task<IReadOnlyList<(Framework Framework, int Of, ResultItem Item)>> PublishedRowsOfUnitsAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default)
    {
        var latest = await db.ResultPublications.AsNoTracking()
            .Where(p => !db.ResultPublications.Any(q => q.FrameworkId == p.FrameworkId && (q.PublishedAt > p.PublishedAt || (q.PublishedAt == p.PublishedAt && q.Id > p.Id))))
            .Select(p => new { p.Id, p.FrameworkId, p.UnitCount, p.HeaderJson }).ToListAsync(cancellationToken);
        var byId = (await db.Frameworks.AsNoTracking().Where(f => latest.Select(p => p.FrameworkId).Contains(f.Id)).ToListAsync(cancellationToken)).ToDictionary(f => f.Id);
        foreach (var old in latest.Where(p => p.HeaderJson is null))
        {
            await WritePublicationRowsAsync(byId[old.FrameworkId], old.Id, cancellationToken);
        }
        var ids = latest.Select(p => p.Id).ToList();
        var codes = unitCodes.ToList();
        var rows = await db.ResultRows.AsNoTracking().Where(r => r.PublicationId != null && ids.Contains(r.PublicationId.Value) && codes.Contains(r.UnitCode))
            .Select(r => new { r.PublicationId, r.ItemJson }).ToListAsync(cancellationToken);
        var publications = latest.ToDictionary(p => p.Id);
        return rows.Select(r => publications[r.PublicationId!.Value])
            .Zip(rows, (p, r) => (byId[p.FrameworkId], p.UnitCount, ItemOf(r.ItemJson))).ToList();
    }
}
