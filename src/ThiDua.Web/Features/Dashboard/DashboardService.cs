using ThiDua.Core.Assessment;
using ThiDua.Core.Inspections;
using ThiDua.Core.Rewards;
using ThiDua.Core.Targets;
using ThiDua.Core.Text;
using ThiDua.Core.Units;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Movements;
using ThiDua.Web.Features.Reports;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Features.Targets;
using ThiDua.Web.Features.Tasks;

namespace ThiDua.Web.Features.Dashboard;

/// <summary>
/// The leaders' dashboard: one figure per area, each from the area's own service where it has one (registration and
/// reporting status, live DTI results, target progress, overdue tasks), counted in SQL where it does not (assessments
/// by state, nominations by status, overdue recommendations). Callers are province-wide readers (policy Leadership).
/// </summary>
public sealed class DashboardService(
    ThiDuaDbContext db,
    MovementService movements,
    ReportService reports,
    ResultsService results,
    TargetService targets,
    TaskService tasks,
    CurrentUser user,
    TimeProvider clock)
{
    /// <summary>How many entries each list shows; the counts say how many there are.</summary>
    public const int ListSize = 10;

    public async Task<DashboardDto> BuildAsync(int? year, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(clock);
        var y = year ?? today.Year;
        if (y is < 2000 or > 2100)
        {
            throw DomainException.ForField("year", "Năm phải từ 2000 đến 2100.");
        }

        var movement = await db.Movements.AsNoTracking()
            .Where(m => m.StartDate.Year <= y && m.EndDate.Year >= y)
            .OrderByDescending(m => m.StartDate).Select(m => m.Code).FirstOrDefaultAsync(cancellationToken);
        RateDto? registration = null, reporting = null;
        if (movement is not null)
        {
            var yearEnd = new DateOnly(y, 12, 31);
            var registered = await movements.StatusAsync(movement, yearEnd < today ? yearEnd : today, cancellationToken);
            registration = RateDto.Of(registered.Registered, registered.Total);
            var reported = await reports.StatusAsync(movement, y, cancellationToken);
            var sent = reported.OnTime.Count + reported.Late.Count;
            reporting = RateDto.Of(sent, sent + reported.Missing.Count);
        }

        var dtiYear = await db.Frameworks.AsNoTracking().Where(f => f.Year <= y).MaxAsync(f => (int?)f.Year, cancellationToken);
        var assessments = dtiYear is int d ? await AssessmentProgressAsync(d, cancellationToken) : [];
        var (distribution, movers) = dtiYear is int e ? await DtiAsync(e, cancellationToken) : ([], []);

        var progress = await targets.ProgressAsync(y, cancellationToken);
        var offTrack = progress.Items.Where(i => i.Status == TargetStatus.OffTrack).ToList();

        var overdueTasks = await tasks.ListAsync(null, null, overdue: true, phase: null, new Paging(1, ListSize), cancellationToken);
        var (overdueRecommendations, recommendationList) = await OverdueRecommendationsAsync(today, cancellationToken);

        return new DashboardDto(y, movement, registration, reporting, dtiYear, assessments, distribution,
            movers.Where(m => m.Change100 > 0).OrderByDescending(m => m.Change100).Take(5).ToList(),
            movers.Where(m => m.Change100 < 0).OrderBy(m => m.Change100).Take(5).ToList(),
            offTrack.Count,
            offTrack.Take(ListSize).Select(t => new OffTrackTargetDto(t.Code, t.Text, TargetService.StatusCode(t.Status))).ToList(),
            await NominationsAsync(y, cancellationToken),
            overdueTasks.Total,
            overdueTasks.Items.Select(t => new OverdueTaskDto(t.Id, t.Code, t.Title, t.DueDate, t.Assignees.Where(a => a.Overdue).Select(a => a.UnitCode).ToList())).ToList(),
            overdueRecommendations, recommendationList);
    }

    /// <summary>Assessments of the year's frameworks by unit type and state, counted in SQL.</summary>
    private async Task<IReadOnlyList<AssessmentProgressDto>> AssessmentProgressAsync(int year, CancellationToken cancellationToken)
    {
        var counts = await db.Assessments.AsNoTracking().Where(a => a.Framework.Year == year)
            .GroupBy(a => new { a.Framework.UnitType, a.Status })
            .Select(g => new { g.Key.UnitType, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.UnitType).OrderBy(g => g.Key).Select(g =>
        {
            int Of(AssessmentStatus s) => g.Where(c => c.Status == s).Sum(c => c.Count);
            return new AssessmentProgressDto(g.Key.Code(), Of(AssessmentStatus.Draft), Of(AssessmentStatus.Submitted), Of(AssessmentStatus.Returned),
                Of(AssessmentStatus.Appraised), g.Sum(c => c.Count));
        }).ToList();
    }

    /// <summary>
    /// The band distribution and the score changes of each framework of the year, from the live results (the engine of
    /// ResultsService, with last year's results through lineage): leaders read every unit, as on the results page.
    /// </summary>
    private async Task<(IReadOnlyList<DistributionDto>, IReadOnlyList<MoverDto>)> DtiAsync(int year, CancellationToken cancellationToken)
    {
        var distribution = new List<DistributionDto>();
        var movers = new List<MoverDto>();
        foreach (var framework in await db.Frameworks.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.UnitType).ThenBy(f => f.Code).ToListAsync(cancellationToken))
        {
            var live = await results.LiveAsync(framework, cancellationToken);
            if (live.Items.Count == 0)
            {
                continue;
            }
            distribution.Add(new DistributionDto(framework.Code, framework.Name, live.UnitType,
                live.Bands.Select(b => new BandCountDto(b, live.Items.Count(i => i.Band == b))).ToList()));
            movers.AddRange(live.Items.Where(i => i.Previous is not null).Select(i =>
                new MoverDto(framework.Code, i.UnitCode, i.UnitName, i.Score100, i.Previous!.Score100, Math.Round(i.Previous.Change100, 2), i.Previous.Basis)));
        }
        return (distribution, movers);
    }

    /// <summary>Nominations of the year past the unit's draft, by status (drafts are the unit's own until submitted).</summary>
    private async Task<IReadOnlyList<StatusCountDto>> NominationsAsync(int year, CancellationToken cancellationToken)
    {
        var counts = await db.Nominations.AsNoTracking().VisibleTo(user).Where(n => n.Year == year && n.Status != NominationStatus.Draft)
            .GroupBy(n => n.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.OrderBy(c => c.Status).Select(c => new StatusCountDto(ApiCodes.Code(c.Status), c.Count)).ToList();
    }

    private async Task<(int, IReadOnlyList<OverdueRecommendationDto>)> OverdueRecommendationsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var overdue = db.InspectionRecommendations.AsNoTracking().Where(r => r.Status != RecommendationStatus.Done && r.DueDate < today);
        var count = await overdue.CountAsync(cancellationToken);
        var list = await overdue.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(ListSize)
            .Select(r => new OverdueRecommendationDto(r.Finding.PlanId, db.InspectionPlans.Where(p => p.Id == r.Finding.PlanId).Select(p => p.Title).First(),
                r.Id, r.Finding.Unit.Code, r.Finding.Unit.Name, r.Text, r.DueDate))
            .ToListAsync(cancellationToken);
        return (count, list);
    }
}
