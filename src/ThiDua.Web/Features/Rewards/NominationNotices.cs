using ThiDua.Core.Rewards;
using ThiDua.Data.Rewards;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Tells the proposing unit's staff where its dossier went (R12, R13): received, returned or refused with the reason,
/// passed or not by the council, on public notice, proposed to the central level, decided there. Only the proposing
/// unit hears of it; the Reward Board's own work reaches it through its work list and the notices it already gets.
/// </summary>
public sealed class NominationNotices(ThiDuaDbContext db, NotificationService notifications)
{
    /// <summary>The step the nomination has just taken (its current status); <paramref name="reason"/> is the step's.</summary>
    public async Task StepAsync(Nomination nomination, string? reason, CancellationToken cancellationToken = default)
    {
        var because = string.IsNullOrWhiteSpace(reason) ? "" : $" Lý do: {reason.Trim().TrimEnd('.')}.";
        var (title, text) = nomination.Status switch
        {
            NominationStatus.Received => ("Hồ sơ khen thưởng đã được tiếp nhận", "Ban Thi đua – Khen thưởng đã tiếp nhận hồ sơ."),
            NominationStatus.Returned => ("Hồ sơ khen thưởng được trả lại", $"Ban Thi đua – Khen thưởng trả lại hồ sơ.{because} Đơn vị bổ sung rồi trình lại."),
            NominationStatus.Rejected => ("Hồ sơ khen thưởng không được khen thưởng", $"Hồ sơ dừng lại.{because}"),
            NominationStatus.Voted => ("Hội đồng Thi đua – Khen thưởng đã thông qua hồ sơ", $"{reason}. Hồ sơ tiếp tục được công khai hoặc trình quyết định."),
            NominationStatus.PubliclyNoticed => ("Hồ sơ khen thưởng đang được công khai lấy ý kiến",
                $"Công khai từ ngày {Display.Date(nomination.NoticeStart)} đến hết ngày {Display.Date(nomination.NoticeEnd)}."),
            NominationStatus.Proposed => ("Hồ sơ đã được trình cấp trên khen thưởng", $"{reason}."),
            NominationStatus.Decided => ("Hồ sơ đã có quyết định khen thưởng", $"{reason}."),
            _ => (null, null),
        };
        if (title is null)
        {
            return;
        }
        var unitName = nomination.NomineeUnit?.Name
            ?? (nomination.NomineeUnitId is int unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) : null);
        var nominee = NominationRules.NomineeName(nomination.NomineeKind, unitName, nomination.PersonFullName, nomination.PersonPosition, nomination.PersonOrganization);
        await notifications.NotifyAsync(NotificationService.UnitStaff(nomination.ProposingUnitId), title,
            $"{nominee} · {nomination.Award.VietnameseName()}. {text}", $"/khen-thuong/{nomination.Id}", cancellationToken);
    }

    /// <summary>A reporter's upload completed the dossier: its leader is the one who submits it now.</summary>
    public async Task ReadyAsync(Nomination nomination, CancellationToken cancellationToken = default)
    {
        var unitName = nomination.NomineeUnitId is int unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var nominee = NominationRules.NomineeName(nomination.NomineeKind, unitName, nomination.PersonFullName, nomination.PersonPosition, nomination.PersonOrganization);
        await notifications.NotifyAsync(NotificationService.UnitLeaders(nomination.ProposingUnitId), "Hồ sơ khen thưởng đã đủ tài liệu, chờ lãnh đạo trình",
            $"{nominee} · {nomination.Award.VietnameseName()}. Cán bộ đã tải lên đủ tài liệu bắt buộc; lãnh đạo đơn vị xem và trình hồ sơ.", $"/khen-thuong/{nomination.Id}", cancellationToken);
    }
}
