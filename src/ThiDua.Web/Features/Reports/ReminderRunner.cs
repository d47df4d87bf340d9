using ThiDua.Core.Movements;
using ThiDua.Data.Notifications;
using ThiDua.Data.Units;
using ThiDua.Web.Features.Notifications;

namespace ThiDua.Web.Features.Reports;

/// <summary>
/// Sends the deadline reminders due now (R5): 14, 7, 3 and 1 days before the annual report deadline to every unit
/// that has not submitted, an overdue notice after it, and reminders of the consolidated report to the
/// Secretariat. Each reminder is claimed in <see cref="SentReminder"/> (unique per deadline, unit and offset)
/// before it is sent, so it goes out at most once, across restarts and instances.
/// </summary>
public sealed class ReminderRunner(ThiDuaDbContext db, ReportService reports, NotificationService notifications, TimeProvider clock, ILogger<ReminderRunner> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var sent = 0;
        var movements = (await db.Movements.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => m.StartDate <= today && m.EndDate.AddYears(1) >= today).ToList();
        foreach (var movement in movements)
        {
            // This year's deadline, and last year's for overdue notices early in January.
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var deadline = AnnualDay.Parse(movement.ReportDeadline).In(year);
                var closes = Deadlines.ClosesAtUtc(deadline);
                var key = $"report:{movement.Code}:{year}";
                var expected = await reports.ExpectedAsync(movement, year, cancellationToken);
                var submitted = (await db.AnnualReports.Where(r => r.MovementId == movement.Id && r.Year == year && r.FirstSubmittedAt != null)
                    .Select(r => r.UnitId).ToListAsync(cancellationToken)).ToHashSet();
                var done = (await db.SentReminders.AsNoTracking().Where(r => r.DeadlineKey == key).Select(r => new { r.UnitId, r.DaysBefore }).ToListAsync(cancellationToken))
                    .ToLookup(r => r.UnitId, r => r.DaysBefore);
                var due = new List<(Unit Unit, IReadOnlyList<int> Record, DueReminder? Send)>();
                foreach (var unit in expected.Where(u => !submitted.Contains(u.Id)))
                {
                    var (send, record) = ReminderSchedule.Due(closes, now, done[unit.Id].ToHashSet());
                    if (record.Count > 0)
                    {
                        due.Add((unit, record, send));
                    }
                }
                // Claimed in batches (one write for many units), then notified in bulk: a national round is a few writes.
                foreach (var batch in due.Chunk(ClaimBatch))
                {
                    var claimed = await ClaimBatchAsync(key, batch, cancellationToken);
                    var messages = claimed.Where(c => c.Send is not null).Select(c =>
                    {
                        var reminder = c.Send!.Value;
                        var (title, body) = reminder.Overdue
                            ? ($"Quá hạn báo cáo phong trào năm {year}", $"{c.Unit.Name} chưa gửi báo cáo kết quả thực hiện Phong trào thi đua năm {year}; hạn là trước ngày {deadline:dd/MM/yyyy}. Báo cáo gửi muộn vẫn được tiếp nhận và ghi nhận là muộn.")
                            : ($"Còn {reminder.DaysBefore} ngày: báo cáo phong trào năm {year}", $"{c.Unit.Name} cần gửi báo cáo kết quả thực hiện Phong trào thi đua năm {year} trước ngày {deadline:dd/MM/yyyy}.");
                        return (c.Unit.Id, title, body);
                    }).ToList();
                    await notifications.NotifyEachUnitAsync(messages, "/phong-trao/bao-cao", cancellationToken);
                    sent += messages.Count;
                }

                var consolidated = AnnualDay.Parse(movement.ConsolidatedDeadline).In(year);
                var consolidatedKey = $"consolidated:{movement.Code}:{year}";
                var consolidatedDone = (await db.SentReminders.AsNoTracking().Where(r => r.DeadlineKey == consolidatedKey).Select(r => r.DaysBefore).ToListAsync(cancellationToken)).ToHashSet();
                // No overdue notice for the consolidated report: the province's report is not tracked as a submission.
                consolidatedDone.Add(0);
                var (consolidatedDue, toRecord) = ReminderSchedule.Due(Deadlines.ClosesAtUtc(consolidated), now, consolidatedDone);
                if (toRecord.Count > 0 && await ClaimAsync(consolidatedKey, 0, toRecord, consolidatedDue, cancellationToken) && consolidatedDue is { } r)
                {
                    await notifications.NotifyAsync(new Recipients([Roles.Secretariat]), $"Còn {r.DaysBefore} ngày: báo cáo tổng hợp năm {year}",
                        $"Báo cáo tổng hợp kết quả Phong trào thi đua năm {year} gửi UBND tỉnh trước ngày {consolidated:dd/MM/yyyy} (mục VI.6).", $"/phong-trao/tong-hop?nam={year}", cancellationToken);
                    sent++;
                }
            }
        }
        return sent;
    }

    /// <summary>How many units' claims go in one write.</summary>
    private const int ClaimBatch = 500;

    /// <summary>
    /// Claims a batch of units' reminders in one SaveChanges. The unique key still decides: when another run claimed any
    /// of them first, the batch is undone and claimed one by one, so each of the others is still sent exactly once.
    /// </summary>
    private async Task<List<(Unit Unit, IReadOnlyList<int> Record, DueReminder? Send)>> ClaimBatchAsync(string key,
        IReadOnlyList<(Unit Unit, IReadOnlyList<int> Record, DueReminder? Send)> batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = batch.SelectMany(c => c.Record.Select(d => new SentReminder { DeadlineKey = key, UnitId = c.Unit.Id, DaysBefore = d, Sent = c.Send?.DaysBefore == d, At = now })).ToList();
        db.SentReminders.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return batch.ToList();
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Some reminders of {Key} were claimed by another run; claiming this batch one by one", key);
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
        var claimed = new List<(Unit Unit, IReadOnlyList<int> Record, DueReminder? Send)>();
        foreach (var c in batch)
        {
            if (await ClaimAsync(key, c.Unit.Id, c.Record, c.Send, cancellationToken))
            {
                claimed.Add(c);
            }
        }
        return claimed;
    }

    /// <summary>Records the offsets as done; false when another run got there first (the unique key refused it).</summary>
    private async Task<bool> ClaimAsync(string key, int unitId, IReadOnlyList<int> offsets, DueReminder? send, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = offsets.Select(d => new SentReminder { DeadlineKey = key, UnitId = unitId, DaysBefore = d, Sent = send?.DaysBefore == d, At = now }).ToList();
        db.SentReminders.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Reminder {Key} for unit {Unit} was claimed by another run", key, unitId);
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
            return false;
        }
    }
}

/// <summary>Runs the reminders every 15 minutes on the app's clock (a test moves it with FakeTimeProvider). Reminders:Enabled turns it off.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} deadline reminders", sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round is retried on the next tick; the claims keep it from sending twice.
                logger.LogError(e, "Deadline reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
