using ThiDua.Core.Rewards;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Calendar;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The public notice of the nominations the council passed (R13, "công khai"): the Reward Board opens it for a number
/// of working days; anyone may comment until it ends, without signing in; the Board reads the comments.
/// </summary>
public sealed class PublicNoticeService(ThiDuaDbContext db, NominationService nominations, CalendarService calendar, NotificationService notifications,
    NominationNotices notices, CurrentUser user, RewardRulesService rules, TimeProvider clock)
{
    /// <summary>Puts a nomination the council passed on notice for <paramref name="workingDays"/> working days (the setting when omitted).</summary>
    public async Task<NominationDto> StartAsync(int id, int? workingDays, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Steps).FindTrackedAsync(id, cancellationToken);
        NominationWorkflow.EnsureCanMove(nomination.Status, NominationStatus.PubliclyNoticed);
        var today = VietnamTime.Today(clock);
        var ruleSet = await rules.InForceAsync(nomination.Award, today, cancellationToken);
        RewardRoute.EnsureCanStartNotice(ruleSet, nomination.Status);
        var days = workingDays ?? ruleSet.NoticeWorkingDays;
        var (start, end) = PublicNotice.Period(today, days, await calendar.WorkingDaysAsync(today.Year, today.Year + 1, cancellationToken));
        (nomination.NoticeStart, nomination.NoticeEnd) = (start, end);
        nomination.MoveTo(NominationStatus.PubliclyNoticed, user.UserName, clock.GetUtcNow().UtcDateTime, PublicNotice.StepReason(days, end));
        await db.SaveChangesAsync(cancellationToken);
        await notices.StepAsync(nomination, null, cancellationToken);
        return await nominations.GetAsync(id, cancellationToken);
    }

    /// <summary>The nominations on notice now, for everyone.</summary>
    public async Task<IReadOnlyList<NoticeDto>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(clock);
        var list = await db.Nominations.AsNoTracking().Include(n => n.NomineeUnit)
            .Where(n => n.Status == NominationStatus.PubliclyNoticed && n.NoticeEnd >= today)
            .OrderBy(n => n.NoticeEnd).ThenBy(n => n.Id)
            .ToListAsync(cancellationToken);
        return list.Select(n => new NoticeDto(n.Id, n.NomineeName, n.NomineeKind, n.Award, n.Round, n.Year, n.Achievements, n.NoticeStart!.Value, n.NoticeEnd!.Value)).ToList();
    }

    /// <summary>A comment of the public on a nomination under notice; 404 for any other, 409 once its time has run out.</summary>
    public async Task<PublicCommentDto> CommentAsync(int id, PublicCommentRequest request, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.Status, n.NoticeEnd }).FirstOrDefaultAsync(cancellationToken);
        PublicNotice.EnsureOpenForComments(nomination?.Status, nomination?.NoticeEnd, VietnamTime.Today(clock));
        var comment = new PublicComment
        {
            NominationId = id,
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
            Contact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim(),
            Body = request.Body.Trim().Normalize(System.Text.NormalizationForm.FormC),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PublicComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(new Recipients([Roles.RewardBoard]), "Ý kiến của nhân dân về hồ sơ đang công khai", comment.Body, $"/khen-thuong/{id}", cancellationToken);
        return new PublicCommentDto(comment.Id, id, comment.Name, comment.Contact, comment.Body, comment.CreatedAt, false);
    }

    /// <summary>The public's comments for the Reward Board; with <paramref name="markRead"/> the unread ones are marked read by the reader.</summary>
    public async Task<IReadOnlyList<PublicCommentDto>> CommentsAsync(int id, bool markRead, CancellationToken cancellationToken = default)
    {
        var comments = await db.PublicComments.Where(c => c.NominationId == id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var list = comments.Select(c => new PublicCommentDto(c.Id, c.NominationId, c.Name, c.Contact, c.Body, c.CreatedAt, c.ReadAt is not null)).ToList();
        var unread = comments.Where(c => c.ReadAt is null).ToList();
        if (markRead && unread.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            unread.ForEach(c => (c.ReadAt, c.ReadBy) = (now, user.UserName));
            await db.SaveChangesAsync(cancellationToken);
        }
        return list;
    }
}
