using ThiDua.Core.Initiatives;
using ThiDua.Core.Rewards;
using ThiDua.Data.Initiatives;
using ThiDua.Web.Features.Rewards;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// Published initiatives and models offered as evidence in a nomination's dossier (R14 → R12): one of the proposing
/// unit or of the nominated unit (for a person, the unit that proposes them is theirs). Whoever keeps the dossier
/// links and unlinks, under the same rules as its documents.
/// </summary>
public sealed class NominationEvidence(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<NominationInitiativeDto>> ListAsync(int nominationId, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().FindTrackedAsync(nominationId, cancellationToken);
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(nominationId));
        return await db.NominationInitiatives.AsNoTracking().Where(l => l.NominationId == nominationId)
            .OrderBy(l => l.LinkedAt).ThenBy(l => l.InitiativeId)
            .Select(l => new NominationInitiativeDto(l.InitiativeId, l.Initiative.Kind, l.Initiative.Title, l.Initiative.Sector, l.Initiative.Unit.Code,
                l.Initiative.Unit.Name, l.Initiative.PublishedAt, l.LinkedAt, l.LinkedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The published initiatives that may still be linked to the nomination: its units', not linked yet.</summary>
    public async Task<IReadOnlyList<OpenInitiativeOption>> CandidatesAsync(int nominationId, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().FindTrackedAsync(nominationId, cancellationToken);
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(nominationId));
        return await db.Initiatives.AsNoTracking()
            .Where(i => i.Status == InitiativeStatus.Published && (i.UnitId == nomination.ProposingUnitId || i.UnitId == nomination.NomineeUnitId)
                && !db.NominationInitiatives.Any(l => l.NominationId == nominationId && l.InitiativeId == i.Id))
            .OrderByDescending(i => i.PublishedAt)
            .Select(i => new OpenInitiativeOption(i.Id, i.Title, i.Kind))
            .ToListAsync(cancellationToken);
    }

    public async Task<NominationInitiativeDto> LinkAsync(int nominationId, int initiativeId, CancellationToken cancellationToken = default)
    {
        var nomination = await EditableAsync(nominationId, "bổ sung minh chứng", cancellationToken);
        var initiative = await db.Initiatives.AsNoTracking().Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == initiativeId, cancellationToken);
        // One the caller may not see is, to them, one that does not exist.
        if (initiative is null || !(initiative.Status == InitiativeStatus.Published || await user.CanAsync(initiative.UnitId, UnitScope.Read)))
        {
            throw DomainException.ForField("initiativeId", InitiativeService.NotFound(initiativeId));
        }
        if (initiative.Status != InitiativeStatus.Published)
        {
            throw new ConflictException("Chỉ sáng kiến, mô hình đã công bố mới dùng làm minh chứng cho hồ sơ khen thưởng.");
        }
        if (initiative.UnitId != nomination.ProposingUnitId && initiative.UnitId != nomination.NomineeUnitId)
        {
            throw DomainException.ForField("initiativeId", $"Sáng kiến, mô hình này của {initiative.Unit.Name}, không phải của đơn vị đề nghị hoặc được đề nghị khen thưởng.");
        }
        if (await db.NominationInitiatives.AnyAsync(l => l.NominationId == nominationId && l.InitiativeId == initiativeId, cancellationToken))
        {
            throw new ConflictException("Sáng kiến, mô hình này đã có trong hồ sơ.");
        }
        var link = new NominationInitiative { NominationId = nominationId, InitiativeId = initiativeId, LinkedAt = clock.GetUtcNow().UtcDateTime, LinkedBy = user.UserName };
        db.NominationInitiatives.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new NominationInitiativeDto(initiative.Id, initiative.Kind, initiative.Title, initiative.Sector, initiative.Unit.Code, initiative.Unit.Name,
            initiative.PublishedAt, link.LinkedAt, link.LinkedBy);
    }

    public async Task UnlinkAsync(int nominationId, int initiativeId, CancellationToken cancellationToken = default)
    {
        await EditableAsync(nominationId, "bỏ minh chứng", cancellationToken);
        var link = await db.NominationInitiatives.FirstOrDefaultAsync(l => l.NominationId == nominationId && l.InitiativeId == initiativeId, cancellationToken)
            ?? throw new NotFoundException("Sáng kiến, mô hình này không có trong hồ sơ.");
        db.NominationInitiatives.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>As for its documents: the Reward Board at any step, the proposing unit's staff while the dossier is theirs to edit.</summary>
    private async Task<ThiDua.Data.Rewards.Nomination> EditableAsync(int nominationId, string what, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().FindTrackedAsync(nominationId, cancellationToken);
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(nominationId));
        if (!user.HandlesRewards)
        {
            await user.EnsureAsync(nomination.Scope(), NominationAccess.Prepare, CurrentUser.OwnUnitOnly);
            NominationRules.EnsureUnitCanEdit(nomination.Status, what);
        }
        return nomination;
    }
}

public sealed record OpenInitiativeOption(int Id, string Title, InitiativeKind Kind);

/// <summary>What the nomination page shows of its evidence: the linked ones, those that may be added, and whether the user may change them.</summary>
public sealed record NominationEvidenceView(IReadOnlyList<NominationInitiativeDto> Linked, IReadOnlyList<OpenInitiativeOption> Candidates, bool CanChange);
