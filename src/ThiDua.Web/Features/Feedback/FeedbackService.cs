using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Movements;
using ThiDua.Data.Feedback;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Feedback;

public sealed class FeedbackRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required, StringLength(512, MinimumLength = 3)]
    public string Subject { get; init; } = "";

    [Required, StringLength(8000, MinimumLength = 3)]
    public string Body { get; init; } = "";
}

public sealed class ReplyRequest
{
    [Required, StringLength(8000, MinimumLength = 1)]
    public string Body { get; init; } = "";
}

public sealed record ReplyDto(int Id, string Body, bool FromBoard, DateTime CreatedAt, string? CreatedBy);

public sealed record FeedbackDto(int Id, string UnitCode, string UnitName, string Subject, string Body, FeedbackStatus Status, DateTime CreatedAt, string? CreatedBy, DateTime? ClosedAt, IReadOnlyList<ReplyDto> Replies, int Version);

/// <summary>
/// Problems units raise with the Department of Home Affairs (R17). A thread is seen only by its unit, the Reward
/// Board (the Department's emulation board), the Secretariat and Admin; a reply from the Board marks it answered.
/// </summary>
public sealed class FeedbackService(ThiDuaDbContext db, NotificationService notifications, CurrentUser user, TimeProvider clock)
{
    /// <summary>The province-wide roles that see every thread.</summary>
    public static readonly string[] Board = [Roles.RewardBoard, Roles.Secretariat, Roles.Admin];

    public async Task<FeedbackDto> CreateAsync(FeedbackRequest request, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == request.UnitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {request.UnitCode}.");
        await user.EnsureAsync(unit.Id, UnitScope.Staff, "Chỉ cán bộ, lãnh đạo của đơn vị được nêu vướng mắc của đơn vị mình.");
        var thread = new FeedbackThread
        {
            UnitId = unit.Id,
            Subject = request.Subject.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Body = request.Body.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Status = FeedbackStatus.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        db.FeedbackThreads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(new Recipients([Roles.RewardBoard]), $"Vướng mắc mới của {unit.Name}", thread.Subject, $"/gop-y/{thread.Id}", cancellationToken);
        return await GetAsync(thread.Id, cancellationToken);
    }

    public async Task<FeedbackDto> ReplyAsync(int id, string body, CancellationToken cancellationToken = default)
    {
        var thread = await FindVisibleAsync(id, cancellationToken);
        if (thread.Status == FeedbackStatus.Closed)
        {
            throw new ConflictException("Vướng mắc đã đóng; hãy nêu vướng mắc mới.");
        }
        // FindVisibleAsync let in only the Board's side and the unit's own staff.
        var fromBoard = Board.Any(user.IsIn);
        thread.Replies.Add(new FeedbackReply { Body = body.Trim().Normalize(System.Text.NormalizationForm.FormC), FromBoard = fromBoard, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.UserName });
        thread.Status = fromBoard ? FeedbackStatus.Answered : FeedbackStatus.Open;
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(fromBoard ? NotificationService.UnitStaff(thread.UnitId) : new Recipients([Roles.RewardBoard]),
            fromBoard ? "Ban Thi đua – Khen thưởng đã trả lời vướng mắc" : "Đơn vị bổ sung vướng mắc", thread.Subject, $"/gop-y/{thread.Id}", cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<FeedbackDto> CloseAsync(int id, CancellationToken cancellationToken = default)
    {
        var thread = await FindVisibleAsync(id, cancellationToken);
        if (thread.Status == FeedbackStatus.Closed)
        {
            throw new ConflictException("Vướng mắc đã đóng.");
        }
        thread.Status = FeedbackStatus.Closed;
        thread.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<FeedbackDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        EnsureReadsFeedback();
        var thread = await db.FeedbackThreads.AsNoTracking().Include(t => t.Unit).Include(t => t.Replies).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có vướng mắc số {id}.");
        await EnsureVisibleAsync(thread);
        return ToDto(thread);
    }

    public async Task<PagedList<FeedbackDto>> ListAsync(string? status, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.FeedbackThreads.AsNoTracking();
        EnsureReadsFeedback();
        if (!Board.Any(user.IsIn))
        {
            var own = user.UnitId ?? -1;
            query = query.Where(t => t.UnitId == own);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = Enum.TryParse<FeedbackStatus>(status, true, out var s) ? s : throw DomainException.ForField("status", "Trạng thái phải là open, answered hoặc closed.");
            query = query.Where(t => t.Status == parsed);
        }
        var page = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToPagedListAsync(paging, rows => rows.Include(t => t.Unit).Include(t => t.Replies).AsSplitQuery(), cancellationToken);
        return page.Select(ToDto);
    }

    private async Task<FeedbackThread> FindVisibleAsync(int id, CancellationToken cancellationToken)
    {
        EnsureReadsFeedback();
        var thread = await db.FeedbackThreads.Include(t => t.Replies).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có vướng mắc số {id}.");
        await EnsureVisibleAsync(thread);
        return thread;
    }

    /// <summary>Roles that never see feedback are refused before any lookup, so the answer never depends on whether a thread exists.</summary>
    private void EnsureReadsFeedback()
    {
        if (!Board.Any(user.IsIn) && !user.IsUnitStaff)
        {
            throw new ForbiddenException("Vướng mắc chỉ đơn vị nêu, Ban Thi đua – Khen thưởng, cơ quan thường trực và quản trị được xem.");
        }
    }

    /// <summary>Another unit's thread answers as a missing one.</summary>
    private async Task EnsureVisibleAsync(FeedbackThread thread)
    {
        if (!Board.Any(user.IsIn) && !await user.CanAsync(thread.UnitId, UnitScope.Staff))
        {
            throw new NotFoundException($"Không có vướng mắc số {thread.Id}.");
        }
    }

    private static FeedbackDto ToDto(FeedbackThread t) => new(t.Id, t.Unit.Code, t.Unit.Name, t.Subject, t.Body, t.Status, t.CreatedAt, t.CreatedBy, t.ClosedAt,
        t.Replies.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new ReplyDto(r.Id, r.Body, r.FromBoard, r.CreatedAt, r.CreatedBy)).ToList(), t.Version);
}
