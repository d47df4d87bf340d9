using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The Reward Board's review of a submitted dossier (R12, R13): it receives it, returns it to the unit with a reason,
/// or rejects it; and it ticks the checklist of an enterprise's or a person's award. Every step is on the route.
/// </summary>
public sealed class BoardReviewService(ThiDuaDbContext db, NominationService nominations, NominationNotices notices, CurrentUser user, TimeProvider clock)
{
    public Task<NominationDto> ReceiveAsync(int id, CancellationToken cancellationToken = default) =>
        StepAsync(id, NominationStatus.Received, null, cancellationToken);

    public Task<NominationDto> ReturnAsync(int id, string reason, CancellationToken cancellationToken = default) =>
        StepAsync(id, NominationStatus.Returned, reason, cancellationToken);

    public Task<NominationDto> RejectAsync(int id, string reason, CancellationToken cancellationToken = default) =>
        StepAsync(id, NominationStatus.Rejected, reason, cancellationToken);

    public async Task<NominationDto> SetCriteriaAsync(int id, IReadOnlyList<CriterionEntry> entries, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Criteria).FindTrackedAsync(id, cancellationToken);
        NominationRules.EnsureCriteriaOpen(nomination.Status);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            var criterion = nomination.Criteria.FirstOrDefault(c => c.Code == entry.Code)
                ?? throw DomainException.ForField(entry.Code, $"Hồ sơ không có tiêu chí mã {entry.Code}.");
            criterion.Checked = entry.Checked;
            criterion.Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            criterion.CheckedBy = user.UserName;
            criterion.CheckedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return await nominations.GetAsync(id, cancellationToken);
    }

    private async Task<NominationDto> StepAsync(int id, NominationStatus to, string? reason, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.Include(n => n.Steps).FindTrackedAsync(id, cancellationToken);
        NominationRules.EnsureBoardHandles(nomination.Award);
        nomination.MoveTo(to, user.UserName, clock.GetUtcNow().UtcDateTime, reason);
        await db.SaveChangesAsync(cancellationToken);
        await notices.StepAsync(nomination, reason, cancellationToken);
        return await nominations.GetAsync(id, cancellationToken);
    }
}
