using ThiDua.Core.Assessment;
using ThiDua.Core.Inspections;
using ThiDua.Core.Movements;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;
using ThiDua.Data.Notifications;
using ThiDua.Web.Features.Calendar;
using ThiDua.Web.Features.Movements;

namespace ThiDua.Web.Features.Home;

/// <summary>
/// One thing that waits for the signed-in user: what to do, why, by when, and the page where it is done.
/// <paramref name="DueBefore"/> says the due day itself is already too late ("trước ngày 15/12").
/// </summary>
public sealed record WorkItem(string Title, string? Detail, string Link, DateOnly? Due = null, bool DueBefore = false, bool Overdue = false);

/// <summary>A link of a reading role's overview ("Tổng quan"): not work, somewhere to look.</summary>
public sealed record OverviewLink(string Text, string Link);

public sealed record WorkListResult(IReadOnlyList<WorkItem> Items, IReadOnlyList<string> Notes, IReadOnlyList<OverviewLink> Overview)
{
    public static readonly WorkListResult Empty = new([], [], []);
}

/// <summary>
/// "Việc cần làm": the work that waits for the signed-in user, by role. Each query is a filtered, limited SQL query
/// (nothing is loaded to be filtered here); a unit's staff see only their own unit's work, a council member only the
/// sessions they sit in. What counts as work follows the workflows: a unit fills and its leader submits; the
/// Secretariat appraises and publishes; the Reward Board receives, convenes, notices and decides; members vote.
/// </summary>
public sealed class WorkList(ThiDuaDbContext db, CurrentUser user, CalendarService calendar, TimeProvider clock)
{
    /// <summary>Longer lists end with a link to the page that has them all.</summary>
    private const int PerKind = 10;

    public async Task<WorkListResult> ForCurrentUserAsync(CancellationToken cancellationToken = default)
    {
        if (user.UserName is null)
        {
            return WorkListResult.Empty;
        }
        var today = VietnamTime.Today(clock);
        var items = new List<WorkItem>();
        var notes = new List<string>();
        var overview = new List<OverviewLink>();
        if (user.IsUnitStaff && user.UnitId is int unitId)
        {
            await UnitWorkAsync(unitId, user.IsIn(Roles.UnitLeader), today, items, cancellationToken);
            await RecommendationsAsync(unitId, today, items, cancellationToken);
        }
        if (user.IsIn(Roles.Secretariat))
        {
            await SecretariatWorkAsync(today, items, cancellationToken);
        }
        if (user.IsIn(Roles.RewardBoard))
        {
            await BoardWorkAsync(today, items, cancellationToken);
        }
        if (user.IsIn(Roles.CouncilMember))
        {
            await BallotsAsync(today, items, cancellationToken);
        }
        if (user.IsIn(Roles.Inspector))
        {
            await InspectorWorkAsync(today, items, notes, cancellationToken);
        }
        if (user.IsIn(Roles.Leader))
        {
            await LeaderOverviewAsync(overview, cancellationToken);
        }
        if (user.IsIn(Roles.Admin))
        {
            var failed = await db.Outbox.CountAsync(o => o.State == OutboxState.Failed, cancellationToken);
            if (failed > 0)
            {
                items.Add(new WorkItem($"{Display.Number(failed)} thư điện tử gửi không thành công", "Kiểm tra cấu hình máy chủ thư và địa chỉ người nhận.", "/quan-tri/hop-thu"));
            }
        }
        // Work with a date first, the most pressing first; the rest in the order the roles produced it.
        var ordered = items.Select((item, position) => (item, position))
            .OrderBy(x => x.item.Due is null).ThenBy(x => x.item.Due).ThenBy(x => x.position).Select(x => x.item).ToList();
        return new WorkListResult(ordered, notes, overview);
    }

    private async Task UnitWorkAsync(int unitId, bool leader, DateOnly today, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Type, u.ValidFrom, u.ValidTo }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return;
        }

        // The self-assessment: being filled in, or returned with questions.
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.UnitId == unitId && (a.Status == AssessmentStatus.Draft || a.Status == AssessmentStatus.Returned))
            .OrderBy(a => a.Framework.Year).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Status, a.Framework.Year, a.ReturnMessage })
            .Take(PerKind).ToListAsync(cancellationToken);
        foreach (var a in open)
        {
            var returned = a.Status == AssessmentStatus.Returned;
            var title = (returned, leader) switch
            {
                (true, true) => $"Giải trình và gửi lại bản tự đánh giá DTI năm {a.Year}",
                (true, false) => $"Giải trình bản tự đánh giá DTI năm {a.Year} được trả lại",
                (false, true) => $"Xem và gửi bản tự đánh giá DTI năm {a.Year}",
                _ => $"Nhập bản tự đánh giá DTI năm {a.Year}",
            };
            var detail = returned
                ? $"Cơ quan thường trực trả lại{(string.IsNullOrWhiteSpace(a.ReturnMessage) ? "" : ": " + a.ReturnMessage)}"
                : leader ? "Khi cán bộ đã nhập xong, lãnh đạo đơn vị gửi tới cơ quan thường trực." : "Nhập xong thì báo lãnh đạo đơn vị gửi.";
            items.Add(new WorkItem(title, detail, $"/danh-gia/{a.Id}"));
        }

        // A framework of the latest year for the unit's type that the unit has not started.
        var latestYear = await db.Frameworks.Where(f => f.UnitType == unit.Type).MaxAsync(f => (int?)f.Year, cancellationToken);
        if (latestYear is int year && unit.ValidFrom <= new DateOnly(year, 12, 31) && (unit.ValidTo == null || unit.ValidTo >= new DateOnly(year, 1, 1)))
        {
            var notStarted = await db.Frameworks.AsNoTracking()
                .Where(f => f.UnitType == unit.Type && f.Year == year
                    && !db.Frameworks.Any(n => n.Supersedes == f.Code)
                    && !db.Assessments.Any(a => a.UnitId == unitId && a.Framework.Year == year && a.Framework.UnitType == unit.Type))
                .OrderBy(f => f.Code).Select(f => new { f.Code, f.Name }).FirstOrDefaultAsync(cancellationToken);
            if (notStarted is not null)
            {
                items.Add(new WorkItem($"Lập bản tự đánh giá DTI năm {year}", $"Đơn vị chưa bắt đầu tự đánh giá theo {notStarted.Name}.", "/danh-gia"));
            }
        }

        var reportDay = new DateOnly(today.Year, 12, 15);
        if (unit.ValidFrom <= reportDay && (unit.ValidTo == null || unit.ValidTo >= reportDay))
        {
            await UnitReportAsync(unitId, unit.Type, leader, today, items, cancellationToken);
        }

        // The unit's tasks whose latest progress report does not say completed.
        var tasks = db.TaskAssignees.AsNoTracking()
            .Where(a => a.UnitId == unitId)
            .Where(a => !db.TaskProgress.Where(p => p.TaskId == a.TaskId && p.UnitId == unitId)
                .OrderByDescending(p => p.ReportedAt).ThenByDescending(p => p.Id).Select(p => p.Completed).FirstOrDefault());
        var taskCount = await tasks.CountAsync(cancellationToken);
        var firstTasks = await tasks.Join(db.Tasks, a => a.TaskId, t => t.Id, (a, t) => t)
            .OrderBy(t => t.DueDate).ThenBy(t => t.Code).Take(PerKind)
            .Select(t => new { t.Code, t.Title, t.DueDate, t.SourceDocument }).ToListAsync(cancellationToken);
        foreach (var t in firstTasks)
        {
            items.Add(new WorkItem($"Nhiệm vụ {t.Code}: {t.Title}", $"Giao tại văn bản {t.SourceDocument}; báo cáo tiến độ khi có kết quả.", "/nhiem-vu", t.DueDate, Overdue: t.DueDate < today));
        }
        if (taskCount > firstTasks.Count)
        {
            items.Add(new WorkItem($"Và {Display.Number(taskCount - firstTasks.Count)} nhiệm vụ khác chưa hoàn thành", null, "/nhiem-vu"));
        }

        // Dossiers of the unit: being prepared or returned; for the leader also the unit's own certificates to decide.
        var dossiers = await db.Nominations.AsNoTracking()
            .Where(n => n.ProposingUnitId == unitId
                && (n.Status == NominationStatus.Draft || n.Status == NominationStatus.Returned
                    || (leader && n.Status == NominationStatus.Submitted && n.Award == AwardLevel.UnitCertificate)))
            .OrderBy(n => n.Id).Take(PerKind)
            .Select(n => new
            {
                n.Id, n.Status, n.Award, n.NomineeKind, UnitName = n.NomineeUnit!.Name, n.PersonFullName, n.PersonPosition, n.PersonOrganization,
                Reason = n.Steps.Where(s => s.To == NominationStatus.Returned).OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Select(s => s.Reason).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var n in dossiers)
        {
            var nominee = NominationRules.NomineeName(n.NomineeKind, n.UnitName, n.PersonFullName, n.PersonPosition, n.PersonOrganization);
            var (title, detail) = n.Status switch
            {
                NominationStatus.Returned => ($"Bổ sung hồ sơ khen thưởng được trả lại: {nominee}",
                    $"Ban Thi đua – Khen thưởng trả lại{(string.IsNullOrWhiteSpace(n.Reason) ? "" : ": " + n.Reason)}"),
                NominationStatus.Submitted => ($"Quyết định {n.Award.VietnameseName()}: {nominee}", "Hồ sơ đã trình; lãnh đạo đơn vị ra quyết định khen thưởng."),
                _ when leader => ($"Xem và trình hồ sơ khen thưởng: {nominee}", $"{n.Award.VietnameseName()} · hồ sơ đang soạn; lãnh đạo đơn vị trình khi đủ tài liệu."),
                _ => ($"Hoàn thiện hồ sơ khen thưởng: {nominee}", $"{n.Award.VietnameseName()} · đủ tài liệu thì báo lãnh đạo đơn vị trình."),
            };
            items.Add(new WorkItem(title, detail, $"/khen-thuong/{n.Id}"));
        }
    }

    /// <summary>This year's movement report, when the unit owes one and has not sent it.</summary>
    private async Task UnitReportAsync(int unitId, UnitType type, bool leader, DateOnly today, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var year = today.Year;
        if ((await OtherProvinces.UnitIdsAsync(db, cancellationToken)).Contains(unitId))
        {
            return; // a unit of another province owes this province's movement nothing
        }
        var movements = await db.Movements.AsNoTracking()
            .Where(m => m.StartDate <= today && m.EndDate >= new DateOnly(year - 1, 1, 1))
            .Where(m => MovementService.Participants.Contains(type)
                || db.Participations.Any(p => p.MovementId == m.Id && p.UnitId == unitId && p.RegisteredAt != null))
            .Select(m => new
            {
                m.Code, m.ReportDeadline, m.ReportDeadlineRule,
                Report = db.AnnualReports.Where(r => r.MovementId == m.Id && r.UnitId == unitId && r.Year == year)
                    .Select(r => new { r.Id, r.Status, r.ReturnReason }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var m in movements.Where(m => m.Report is null || m.Report.Status != ReportStatus.Submitted))
        {
            var deadline = await DeadlineAsync(m.ReportDeadline, m.ReportDeadlineRule, year, cancellationToken);
            var returned = m.Report?.Status == ReportStatus.Returned;
            var title = returned ? $"Bổ sung báo cáo phong trào năm {year} được trả lại"
                : leader ? $"Gửi báo cáo phong trào năm {year}" : $"Soạn báo cáo phong trào năm {year}";
            var detail = returned ? $"Cơ quan thường trực trả lại: {m.Report!.ReturnReason}"
                : m.Report is null ? "Đơn vị chưa lập báo cáo." : leader ? "Báo cáo đang soạn; lãnh đạo đơn vị gửi." : "Báo cáo đang soạn; soạn xong thì báo lãnh đạo đơn vị gửi.";
            var link = m.Report is null ? $"/phong-trao/bao-cao?nam={year}" : $"/phong-trao/bao-cao/{m.Report.Id}";
            items.Add(new WorkItem(title, detail, link, deadline, DueBefore: true, Overdue: today >= deadline));
        }
    }

    private async Task SecretariatWorkAsync(DateOnly today, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var submitted = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Submitted);
        var count = await submitted.CountAsync(cancellationToken);
        var first = await submitted.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(PerKind)
            .Select(a => new { a.Id, UnitName = a.Unit.Name, a.Framework.Year, a.SubmittedAt }).ToListAsync(cancellationToken);
        foreach (var a in first)
        {
            items.Add(new WorkItem($"Thẩm định bản tự đánh giá DTI năm {a.Year}: {a.UnitName}", $"Đơn vị gửi ngày {Display.Date(a.SubmittedAt)}.", $"/danh-gia/{a.Id}/tham-dinh"));
        }
        if (count > first.Count)
        {
            items.Add(new WorkItem($"Và {Display.Number(count - first.Count)} bản tự đánh giá khác đang chờ thẩm định", null, "/danh-gia?tt=submitted"));
        }

        // Reports still missing in the last 30 days before the deadline, and after it.
        var year = today.Year;
        var movements = await db.Movements.AsNoTracking().Where(m => m.StartDate <= today && m.EndDate >= new DateOnly(year - 1, 1, 1))
            .Select(m => new { m.Id, m.Code, m.ReportDeadline, m.ReportDeadlineRule }).ToListAsync(cancellationToken);
        var outside = (await OtherProvinces.UnitIdsAsync(db, cancellationToken)).ToList();
        foreach (var m in movements)
        {
            var planned = AnnualDay.Parse(m.ReportDeadline).In(year);
            if (today < planned.AddDays(-30))
            {
                continue;
            }
            var deadline = await DeadlineAsync(m.ReportDeadline, m.ReportDeadlineRule, year, cancellationToken);
            var missing = await db.Units.AsNoTracking()
                .Where(u => u.ValidFrom <= planned && (u.ValidTo == null || u.ValidTo >= planned))
                .Where(u => !outside.Contains(u.Id))
                .Where(u => MovementService.Participants.Contains(u.Type)
                    || (u.Type == UnitType.Enterprise && db.Participations.Any(p => p.MovementId == m.Id && p.UnitId == u.Id && p.RegisteredAt != null)))
                .CountAsync(u => !db.AnnualReports.Any(r => r.MovementId == m.Id && r.UnitId == u.Id && r.Year == year && r.FirstSubmittedAt != null), cancellationToken);
            if (missing > 0)
            {
                items.Add(new WorkItem($"{Display.Number(missing)} đơn vị chưa gửi báo cáo phong trào năm {year}",
                    "Theo dõi, nhắc các đơn vị; báo cáo gửi muộn vẫn được tiếp nhận và ghi nhận là muộn.", $"/phong-trao/tong-hop?nam={year}",
                    deadline, DueBefore: true, Overdue: today >= deadline));
            }
        }

        // Rankings with appraised results that the public does not see yet (never published, or appraised since).
        var publishable = await db.Frameworks.AsNoTracking()
            .Select(f => new
            {
                f.Code, f.Name,
                Appraised = db.Assessments.Count(a => a.FrameworkId == f.Id && a.Status == AssessmentStatus.Appraised),
                Pending = db.Assessments.Count(a => a.FrameworkId == f.Id && a.Status != AssessmentStatus.Appraised),
                LastAppraised = db.Assessments.Where(a => a.FrameworkId == f.Id && a.Status == AssessmentStatus.Appraised).Max(a => a.AppraisedAt),
                LastPublished = db.ResultPublications.Where(p => p.FrameworkId == f.Id).Max(p => (DateTime?)p.PublishedAt),
            })
            .Where(f => f.Appraised > 0 && (f.LastPublished == null || f.LastAppraised > f.LastPublished))
            .OrderBy(f => f.Code).Take(PerKind).ToListAsync(cancellationToken);
        foreach (var f in publishable)
        {
            var detail = $"{Display.Number(f.Appraised)} đơn vị đã thẩm định xong" + (f.Pending > 0 ? $", {Display.Number(f.Pending)} đơn vị chưa." : ".")
                + (f.LastPublished is null ? " Chưa công bố lần nào." : " Có kết quả thẩm định mới sau lần công bố gần nhất.");
            items.Add(new WorkItem($"Công bố kết quả {f.Name}", detail, $"/ket-qua?bo-chi-so={Uri.EscapeDataString(f.Code)}"));
        }
    }

    private async Task BoardWorkAsync(DateOnly today, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var dossiers = await db.Nominations.AsNoTracking()
            .Where(n => n.Award != AwardLevel.UnitCertificate
                && (n.Status == NominationStatus.Submitted || n.Status == NominationStatus.Voted || n.Status == NominationStatus.PubliclyNoticed))
            .OrderBy(n => n.NoticeEnd == null).ThenBy(n => n.NoticeEnd).ThenBy(n => n.Id).Take(PerKind * 3)
            .Select(n => new { n.Id, n.Status, n.Award, n.NomineeKind, UnitName = n.NomineeUnit!.Name, n.PersonFullName, n.PersonPosition, n.PersonOrganization, n.NoticeEnd })
            .ToListAsync(cancellationToken);
        foreach (var n in dossiers)
        {
            var nominee = NominationRules.NomineeName(n.NomineeKind, n.UnitName, n.PersonFullName, n.PersonPosition, n.PersonOrganization);
            var link = $"/khen-thuong/{n.Id}";
            items.Add(n.Status switch
            {
                NominationStatus.Submitted => new WorkItem($"Tiếp nhận hồ sơ: {nominee}", $"{n.Award.VietnameseName()} · đơn vị đã trình.", link),
                NominationStatus.Voted => new WorkItem($"Hội đồng đã thông qua: {nominee}", "Công khai lấy ý kiến hoặc trình quyết định khen thưởng.", link),
                _ when n.NoticeEnd < today => new WorkItem($"Hết thời gian công khai, chờ quyết định: {nominee}", "Xem ý kiến nhân dân rồi trình quyết định khen thưởng.", link, n.NoticeEnd, Overdue: true),
                _ => new WorkItem($"Đang công khai lấy ý kiến: {nominee}", "Khi hết thời gian công khai, trình quyết định khen thưởng.", link, n.NoticeEnd),
            });
        }

        var sessions = await db.CouncilSessions.AsNoTracking().Where(s => !s.Closed).OrderBy(s => s.Date).ThenBy(s => s.Id).Take(PerKind)
            .Select(s => new { s.Id, s.Date, s.Title, Members = s.Members.Count, Voted = db.BallotReceipts.Count(r => r.SessionId == s.Id) })
            .ToListAsync(cancellationToken);
        foreach (var s in sessions)
        {
            items.Add(new WorkItem(s.Date <= today ? $"Kết thúc bỏ phiếu phiên họp Hội đồng ngày {Display.Date(s.Date)}" : $"Phiên họp Hội đồng ngày {Display.Date(s.Date)}",
                $"{s.Title}{(string.IsNullOrWhiteSpace(s.Title) ? "" : " · ")}{Display.Number(s.Voted)}/{Display.Number(s.Members)} thành viên đã bỏ phiếu.",
                $"/khen-thuong/hoi-dong/{s.Id}", s.Date));
        }

        var threads = await db.FeedbackThreads.AsNoTracking().Where(t => t.Status == FeedbackStatus.Open).OrderBy(t => t.CreatedAt).Take(PerKind)
            .Select(t => new { t.Id, t.Subject, UnitName = t.Unit.Name }).ToListAsync(cancellationToken);
        foreach (var t in threads)
        {
            items.Add(new WorkItem($"Trả lời vướng mắc: {t.Subject}", t.UnitName, $"/gop-y/{t.Id}"));
        }
    }

    /// <summary>The open sessions this member sits in and has not voted in yet.</summary>
    private async Task BallotsAsync(DateOnly today, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var me = user.Id ?? "";
        var sessions = await db.CouncilSessions.AsNoTracking()
            .Where(s => !s.Closed && s.Members.Any(m => m.UserId == me) && !db.BallotReceipts.Any(r => r.SessionId == s.Id && r.UserId == me))
            .OrderBy(s => s.Date).ThenBy(s => s.Id).Take(PerKind)
            .Select(s => new { s.Id, s.Date, s.Title, Nominations = s.Nominations.Count }).ToListAsync(cancellationToken);
        foreach (var s in sessions)
        {
            items.Add(new WorkItem($"Bỏ phiếu phiên họp Hội đồng ngày {Display.Date(s.Date)}",
                $"{s.Title}{(string.IsNullOrWhiteSpace(s.Title) ? "" : " · ")}{Display.Number(s.Nominations)} hồ sơ cần bỏ phiếu.", $"/khen-thuong/hoi-dong/{s.Id}", s.Date, Overdue: s.Date < today));
        }
    }

    /// <summary>The inspector's plans running or to come, and the overdue recommendations of their plans to follow up.</summary>
    private async Task InspectorWorkAsync(DateOnly today, List<WorkItem> items, List<string> notes, CancellationToken cancellationToken)
    {
        var me = user.Id ?? "";
        var plans = await db.InspectionPlans.AsNoTracking()
            .Where(p => p.EndDate >= today && p.Members.Any(m => m.UserId == me))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id).Take(PerKind)
            .Select(p => new { p.Id, p.Title, p.StartDate, p.EndDate, Units = p.Units.Count }).ToListAsync(cancellationToken);
        foreach (var p in plans)
        {
            items.Add(new WorkItem($"Kiểm tra: {p.Title}", $"Từ {Display.Date(p.StartDate)} đến {Display.Date(p.EndDate)} · {Display.Number(p.Units)} đơn vị; ghi buổi làm việc và kết quả kiểm tra.",
                $"/kiem-tra/{p.Id}", p.EndDate));
        }
        if (plans.Count == 0)
        {
            notes.Add("Chưa có kế hoạch kiểm tra nào đang diễn ra hoặc sắp tới.");
        }
        var overdue = await db.InspectionRecommendations.AsNoTracking()
            .Where(r => r.Status != RecommendationStatus.Done && r.DueDate < today && db.InspectionMembers.Any(m => m.PlanId == r.Finding.PlanId && m.UserId == me))
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(PerKind)
            .Select(r => new { r.Finding.PlanId, r.Text, r.DueDate, UnitName = r.Finding.Unit.Name }).ToListAsync(cancellationToken);
        foreach (var r in overdue)
        {
            items.Add(new WorkItem($"Theo dõi kiến nghị quá hạn: {r.UnitName}", r.Text, $"/kiem-tra/{r.PlanId}", r.DueDate, Overdue: true));
        }
    }

    /// <summary>The inspections' recommendations to the unit that it has not carried out yet.</summary>
    private async Task RecommendationsAsync(int unitId, DateOnly today, List<WorkItem> items, CancellationToken cancellationToken)
    {
        var open = await db.InspectionRecommendations.AsNoTracking()
            .Where(r => r.Finding.UnitId == unitId && r.Status != RecommendationStatus.Done)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(PerKind)
            .Select(r => new { r.Finding.PlanId, r.Text, r.DueDate }).ToListAsync(cancellationToken);
        foreach (var r in open)
        {
            items.Add(new WorkItem("Thực hiện, trả lời kiến nghị sau kiểm tra", r.Text, $"/kiem-tra/{r.PlanId}", r.DueDate, Overdue: r.DueDate < today));
        }
    }

    private async Task LeaderOverviewAsync(List<OverviewLink> overview, CancellationToken cancellationToken)
    {
        var waiting = await db.Assessments.CountAsync(a => a.Status == AssessmentStatus.Submitted, cancellationToken);
        var rewards = await db.Nominations.CountAsync(n => n.Status == NominationStatus.PubliclyNoticed, cancellationToken);
        overview.Add(new OverviewLink("Bảng điều hành: các số liệu chính của phong trào", "/lanh-dao"));
        overview.Add(new OverviewLink("Kết quả xếp hạng chỉ số chuyển đổi số (DTI)", "/ket-qua"));
        overview.Add(new OverviewLink($"Tự đánh giá DTI: {Display.Number(waiting)} bản đang chờ thẩm định", "/danh-gia"));
        overview.Add(new OverviewLink("Tiến độ báo cáo phong trào của các đơn vị", "/phong-trao/tong-hop"));
        overview.Add(new OverviewLink("Tiến độ các chỉ tiêu chuyển đổi số", "/chi-tieu"));
        overview.Add(new OverviewLink($"Khen thưởng: {Display.Number(rewards)} hồ sơ đang công khai lấy ý kiến", "/khen-thuong"));
    }

    private async Task<DateOnly> DeadlineAsync(string annualDay, DeadlineRule rule, int year, CancellationToken cancellationToken) =>
        Deadlines.Effective(AnnualDay.Parse(annualDay).In(year), rule, await calendar.WorkingDaysAsync(year, year + 1, cancellationToken));
}
