using ThiDua.Core.Initiatives;
using ThiDua.Data.Initiatives;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// The Secretariat's review (R14): return with a reason, accept, publish, feature for the provincial media centre.
/// Each step checks the state it starts from (409 otherwise) and, when the caller sends <c>If-Match</c>, the version read.
/// </summary>
public sealed class InitiativeReviewService(ThiDuaDbContext db, InitiativeService initiatives, NotificationService notifications, CurrentUser user, TimeProvider clock)
{
    public async Task<InitiativeDto> ReturnAsync(int id, string reason, int? version, CancellationToken cancellationToken = default)
    {
        var initiative = await FindAsync(id, version, cancellationToken);
        InitiativeWorkflow.EnsureCanReturn(initiative.Status);
        initiative.Status = InitiativeStatus.Returned;
        initiative.ReturnReason = reason.Trim().Normalize(System.Text.NormalizationForm.FormC);
        Reviewed(initiative);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(NotificationService.UnitStaff(initiative.UnitId), "Sáng kiến, mô hình được trả lại để bổ sung", initiative.Title, Link(id), cancellationToken);
        return await initiatives.GetAsync(id, cancellationToken);
    }

    public async Task<InitiativeDto> AcceptAsync(int id, int? version, CancellationToken cancellationToken = default)
    {
        var initiative = await FindAsync(id, version, cancellationToken);
        InitiativeWorkflow.EnsureCanAccept(initiative.Status);
        initiative.Status = InitiativeStatus.Accepted;
        Reviewed(initiative);
        await db.SaveChangesAsync(cancellationToken);
        return await initiatives.GetAsync(id, cancellationToken);
    }

    public async Task<InitiativeDto> PublishAsync(int id, int? version, CancellationToken cancellationToken = default)
    {
        var initiative = await FindAsync(id, version, cancellationToken);
        InitiativeWorkflow.EnsureCanPublish(initiative.Status);
        initiative.Status = InitiativeStatus.Published;
        initiative.PublishedAt = clock.GetUtcNow().UtcDateTime;
        initiative.PublishedBy = user.UserName;
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(NotificationService.UnitStaff(initiative.UnitId), "Sáng kiến, mô hình đã được công bố", initiative.Title, Link(id), cancellationToken);
        return await initiatives.GetAsync(id, cancellationToken);
    }

    /// <summary>Features a published one (or, with <paramref name="featured"/> false, takes it off the list).</summary>
    public async Task<InitiativeDto> FeatureAsync(int id, bool featured, int? version, CancellationToken cancellationToken = default)
    {
        var initiative = await FindAsync(id, version, cancellationToken);
        InitiativeWorkflow.EnsureCanFeature(initiative.Status);
        initiative.Featured = featured;
        initiative.FeaturedAt = featured ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        return await initiatives.GetAsync(id, cancellationToken);
    }

    private async Task<Initiative> FindAsync(int id, int? version, CancellationToken cancellationToken)
    {
        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException(InitiativeService.NotFound(id));
        if (!user.ActsForEveryUnit)
        {
            throw new ForbiddenException("Chỉ cơ quan thường trực xem xét, công bố sáng kiến, mô hình.");
        }
        if (version is int expected)
        {
            Versions.EnsureCurrent(initiative.Version, expected);
        }
        return initiative;
    }

    private void Reviewed(Initiative initiative)
    {
        initiative.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        initiative.ReviewedBy = user.UserName;
    }

    private static string Link(int id) => $"/sang-kien/{id}";
}
