using ThiDua.Core.Rewards;
using ThiDua.Web.Features.Notifications;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The dossier (R12): typed documents, each upload of a kind its next version with the earlier kept; the proposing
/// unit's leader submits it once the documents of its award are all there.
/// </summary>
public sealed class DossierService(ThiDuaDbContext db, FileService files, NominationService nominations, RewardRulesService rules, NotificationService notifications,
    NominationNotices notices, CurrentUser user, TimeProvider clock)
{
    public async Task<DocumentDto> AddDocumentAsync(int id, DocumentKind kind, IFormFile? file, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Documents).FindTrackedAsync(id, cancellationToken);
        // The Reward Board may complete a dossier at any step; the unit only while it is its own to edit.
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(id));
        if (!user.HandlesRewards)
        {
            await user.EnsureAsync(nomination.Scope(), NominationAccess.Prepare, "Bạn chỉ được thao tác trên dữ liệu của đơn vị mình.");
            NominationRules.EnsureUnitCanEdit(nomination.Status, "bổ sung tài liệu");
        }
        await EnsureNotInDossierAsync(id, kind, await files.Sha256Async(file, cancellationToken), cancellationToken);
        var required = (await rules.TodayAsync(nomination.Award, cancellationToken)).RequiredDocuments;
        var wasComplete = NominationRules.MissingDocuments(required, nomination.Documents.Select(d => d.Kind)).Count == 0;
        var stored = await files.SaveAsync(file, FileTypes.Documents, cancellationToken);
        var document = nomination.AddDocument(kind, stored.Id, user.UserName, clock.GetUtcNow().UtcDateTime);
        db.Entry(nomination).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        // A reporter's upload that completes the dossier hands it to the unit's leader, who submits it.
        if (!wasComplete && required.Count > 0 && NominationWorkflow.UnitCanEdit(nomination.Status) && !user.HandlesRewards && !user.IsIn(Roles.UnitLeader)
            && NominationRules.MissingDocuments(required, nomination.Documents.Select(d => d.Kind)).Count == 0)
        {
            await notices.ReadyAsync(nomination, cancellationToken);
        }
        return new DocumentDto(document.Id, document.Kind, document.VersionNumber, FileService.ToDto(stored), document.UploadedAt, document.UploadedBy);
    }

    /// <summary>
    /// The same file (same SHA-256) offered a second time in one dossier is refused (409) naming the document it already
    /// is: three kinds of document are three papers, and a second version identical to the first changes nothing.
    /// </summary>
    private async Task EnsureNotInDossierAsync(int id, DocumentKind kind, string? sha256, CancellationToken cancellationToken)
    {
        if (sha256 is null)
        {
            return;
        }
        var same = await db.NominationDocuments.AsNoTracking().Where(d => d.NominationId == id && d.File.Sha256 == sha256)
            .OrderBy(d => d.Id).Select(d => new { d.Kind, d.VersionNumber, d.UploadedAt, d.File.FileName }).FirstOrDefaultAsync(cancellationToken);
        if (same is null)
        {
            return;
        }
        var document = $"“{same.Kind.VietnameseName()}” (bản {same.VersionNumber}, tệp {same.FileName}, tải lên ngày {Display.Date(same.UploadedAt)})";
        throw new ConflictException(same.Kind == kind
            ? $"Tệp này giống hệt tài liệu {document} đã có trong hồ sơ: không cần tải lại. Nếu muốn thay bằng bản mới, hãy chọn tệp đã sửa."
            : $"Tệp này trùng nội dung với tài liệu {document} đã có trong hồ sơ. Mỗi loại tài liệu phải là một tệp riêng: hãy chọn đúng tệp {kind.VietnameseName()}.");
    }

    /// <summary>The proposing unit's leader submits once the documents its award's rule set requires are there (400 lists the missing ones).</summary>
    public async Task<NominationDto> SubmitAsync(int id, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Documents).Include(n => n.Steps).AsSplitQuery().FindTrackedAsync(id, cancellationToken);
        await user.EnsureVisibleAsync(nomination.Scope(), NominationAccess.Read, NominationQueries.NotFound(id));
        await user.EnsureAsync(nomination.Scope(), NominationAccess.Submit, "Chỉ lãnh đạo đơn vị đề nghị được trình hồ sơ.");
        NominationWorkflow.EnsureCanMove(nomination.Status, NominationStatus.Submitted);
        // The documents the award's rule set in force today requires (Law 06/2022, Art. 84: Tờ trình, báo cáo thành tích, biên bản).
        NominationRules.EnsureComplete((await rules.TodayAsync(nomination.Award, cancellationToken)).RequiredDocuments, nomination.Documents.Select(d => d.Kind));
        nomination.MoveTo(NominationStatus.Submitted, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        if (nomination.Award != AwardLevel.UnitCertificate)
        {
            var summary = nomination.Achievements.Length > 200 ? nomination.Achievements[..200] + "…" : nomination.Achievements;
            await notifications.NotifyAsync(new Recipients([Roles.RewardBoard]), "Hồ sơ đề nghị khen thưởng mới", summary, $"/khen-thuong/{nomination.Id}", cancellationToken);
        }
        return await nominations.GetAsync(id, cancellationToken);
    }
}
