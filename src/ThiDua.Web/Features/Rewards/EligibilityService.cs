using Microsoft.Extensions.Options;
using ThiDua.Core.Rewards;
using ThiDua.Core.Tasks;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Assessment;
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
    /// </summary>
    public async Task<IReadOnlyDictionary<int, EligibilityResult>> ForAsync(IReadOnlyCollection<Nomination> list, CancellationToken cancellationToken)
    {
        var publishedByYear = new Dictionary<int, IReadOnlyDictionary<string, DtiEvidence>>();
        var completionByPhase = new Dictionary<string, Dictionary<int, Completion>>();
        var eligibility = new Dictionary<int, EligibilityResult>();
        foreach (var nomination in list)
        {
            if (nomination.NomineeKind != NomineeKind.Unit)
            {
                eligibility[nomination.Id] = Eligibility.ForChecklist(nomination.Criteria.OrderBy(c => c.Code, StringComparer.Ordinal)
                    .Select(c => new CriterionCheck(c.Code, c.Text, c.Mandatory, c.Checked, c.Note)).ToList());
                continue;
            }
            var dtiYear = Rounds.DtiYear(nomination.Round, nomination.Year);
            if (!publishedByYear.TryGetValue(dtiYear, out var published))
            {
                publishedByYear[dtiYear] = published = await results.PublishedEvidenceAsync(dtiYear, cancellationToken);
            }
            var phase = Rounds.TaskPhase(nomination.Round, nomination.Year);
            if (!completionByPhase.TryGetValue(phase.Code, out var completions))
            {
                completionByPhase[phase.Code] = completions = await tasks.ForAllAsync(phase, cancellationToken);
            }
            var unit = nomination.NomineeUnit!;
            var completion = completions.GetValueOrDefault(unit.Id);
            eligibility[nomination.Id] = Eligibility.ForUnit(dtiYear, published.GetValueOrDefault(unit.Code),
                new TaskEvidence(phase.Name, completion?.Assigned ?? 0, completion?.Completed ?? 0), options.Value.TaskCompletionThreshold);
        }
        return eligibility;
    }
}
