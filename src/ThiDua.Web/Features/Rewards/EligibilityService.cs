using Microsoft.Extensions.Options;
using ThiDua.Core.Rewards;
using ThiDua.Core.Tasks;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Movements;
using ThiDua.Web.Features.Tasks;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Who may be rewarded (R10), decided from data where data can decide: a unit by its published DTI result of the
/// round's year (against its framework's band "Tốt") and the tasks of the round's phase; an enterprise or a person by
/// the checklist the Reward Board ticks. The rules are <see cref="Eligibility"/> and <see cref="Rounds"/> in Core;
/// this service gathers their evidence.
/// </summary>
public sealed class EligibilityService(ThiDuaDbContext db, ResultsService results, TaskCompletionService tasks, CurrentUser user, IOptions<RewardOptions> options)
{
    /// <summary>Every rule with whether it passed and why.</summary>
    public async Task<EligibilityDto> ForAsync(int id, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().Include(n => n.NomineeUnit).Include(n => n.Criteria)
            .FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException(NominationQueries.NotFound(id));
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(id));
        return await ForAsync(nomination, cancellationToken);
    }

    /// <summary>The eligibility of a nomination already loaded with its nominee unit and criteria.</summary>
    public async Task<EligibilityDto> ForAsync(Nomination nomination, CancellationToken cancellationToken = default)
    {
        var result = (await ForAsync([nomination], cancellationToken))[nomination.Id];
        return new EligibilityDto(result.Eligible, result.Reasons);
    }

    /// <summary>
    /// The eligibility of several nominations (a council session's): each year's published rankings and each phase's
    /// task completion are read once, not once per nomination. The nominations come with their nominee unit and criteria.
    /// A unit is judged on its round's DTI years (<see cref="ReviewRound.JudgedDtiYears"/>); for a year it has no result
    /// of its own — formed by a merger after it — on its predecessors' mean.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, EligibilityResult>> ForAsync(IReadOnlyCollection<Nomination> list, CancellationToken cancellationToken)
    {
        var publishedByYear = new Dictionary<int, IReadOnlyDictionary<string, DtiEvidence>>();
        var completionByPhase = new Dictionary<(DateOnly, DateOnly), Dictionary<int, Completion>>();
        var eligibility = new Dictionary<int, EligibilityResult>();
        var movements = await db.Movements.AsNoTracking().Include(m => m.Rounds).Include(m => m.Phases).AsSplitQuery()
            .Where(m => list.Select(n => n.MovementId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var unitIds = list.Where(n => n.NomineeKind == NomineeKind.Unit).Select(n => n.NomineeUnitId!.Value).ToList();
        var predecessors = (await db.UnitLineage.AsNoTracking().Where(l => unitIds.Contains(l.SuccessorId))
            .Select(l => new { l.SuccessorId, l.Predecessor.Code, l.Predecessor.Name }).OrderBy(l => l.Code).ToListAsync(cancellationToken))
            .ToLookup(l => l.SuccessorId, l => (l.Code, l.Name));
        foreach (var nomination in list)
        {
            var checklist = nomination.Criteria.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new CriterionCheck(c.Code, c.Text, c.Mandatory, c.Checked, c.Note)).ToList();
            if (nomination.NomineeKind != NomineeKind.Unit)
            {
                eligibility[nomination.Id] = Eligibility.ForChecklist(checklist);
                continue;
            }
            var movement = movements[nomination.MovementId];
            var rounds = movement.ToRounds();
            var round = rounds.FirstOrDefault(r => r.Code == movement.Rounds.FirstOrDefault(x => x.Id == nomination.ReviewRoundId)?.Code)
                ?? Rounds.Find(rounds, nomination.Round, nomination.Year, movement.Code);
            var unit = nomination.NomineeUnit!;
            var years = new List<(int, DtiEvidence?)>();
            foreach (var year in round.JudgedDtiYears)
            {
                if (!publishedByYear.TryGetValue(year, out var published))
                {
                    publishedByYear[year] = published = await results.PublishedEvidenceAsync(year, cancellationToken);
                }
                years.Add((year, published.GetValueOrDefault(unit.Code)
                    ?? DtiEvidence.FromPredecessors(year, predecessors[unit.Id].Select(p => (p.Name, published.GetValueOrDefault(p.Code))).ToList())));
            }
            var phase = round.TaskPhase;
            if (!completionByPhase.TryGetValue((phase.From, phase.To), out var completions))
            {
                completionByPhase[(phase.From, phase.To)] = completions = await tasks.ForAllAsync(phase, cancellationToken);
            }
            var completion = completions.GetValueOrDefault(unit.Id);
            eligibility[nomination.Id] = Eligibility.ForUnit(years,
                new TaskEvidence(phase.Name, completion?.Assigned ?? 0, completion?.Completed ?? 0), options.Value.TaskCompletionThreshold, checklist);
        }
        return eligibility;
    }
}
