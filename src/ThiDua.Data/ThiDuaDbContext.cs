using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ThiDua.Core.Audit;
using ThiDua.Data.Accounts;
using ThiDua.Data.Assessment;
using ThiDua.Data.Feedback;
using ThiDua.Data.Files;
using ThiDua.Data.Inspections;
using ThiDua.Data.Initiatives;
using ThiDua.Data.Movements;
using ThiDua.Data.Notifications;
using ThiDua.Data.Rewards;
using ThiDua.Data.Targets;
using ThiDua.Data.Tasks;
using ThiDua.Data.Audit;
using ThiDua.Data.Calendar;
using ThiDua.Data.Documents;
using ThiDua.Data.Units;

namespace ThiDua.Data;

/// <summary>Who is writing: the signed-in user's name, or <c>system</c> for seeding and background jobs.</summary>
public interface IAuditActor
{
    string? UserName { get; }
}

/// <summary>
/// The one DbContext of ThiDua (used directly, no repositories — STYLE.md §8). Every SaveChanges writes an audit
/// entry per changed entity in the same transaction, hash-chained to the previous entry, and bumps the
/// <see cref="IVersioned.Version"/> of every updated entity.
/// </summary>
public class ThiDuaDbContext(DbContextOptions<ThiDuaDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    // Vietnamese stays readable in the log (no \uXXXX escapes); the log is data, never rendered unencoded.
    private static readonly JsonSerializerOptions AuditJson = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Columns never copied into the audit log: secrets, and published snapshots whose SHA-256 the log keeps instead
    /// (the snapshot row itself is never updated).
    /// </summary>
    private static readonly HashSet<string> SecretProperties =
        [nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp), "Xml", nameof(ResultPublication.SnapshotJson)];

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitLineage> UnitLineage => Set<UnitLineage>();
    public DbSet<Reorganization> Reorganizations => Set<Reorganization>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<FileBlob> FileBlobs => Set<FileBlob>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<ResultPublication> ResultPublications => Set<ResultPublication>();
    public DbSet<CohortComputation> CohortComputations => Set<CohortComputation>();
    public DbSet<StoredCohort> StoredCohorts => Set<StoredCohort>();
    public DbSet<ResultRow> ResultRows => Set<ResultRow>();
    public DbSet<UnitAssessment> Assessments => Set<UnitAssessment>();
    public DbSet<AssessmentValue> AssessmentValues => Set<AssessmentValue>();
    public DbSet<AssessmentEvidence> AssessmentEvidence => Set<AssessmentEvidence>();
    public DbSet<AssessmentEvent> AssessmentEvents => Set<AssessmentEvent>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetMeasurement> TargetMeasurements => Set<TargetMeasurement>();
    public DbSet<AssignedTask> Tasks => Set<AssignedTask>();
    public DbSet<TaskAssignee> TaskAssignees => Set<TaskAssignee>();
    public DbSet<TaskProgressReport> TaskProgress => Set<TaskProgressReport>();
    public DbSet<Movement> Movements => Set<Movement>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxEmail> Outbox => Set<OutboxEmail>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<FeedbackThread> FeedbackThreads => Set<FeedbackThread>();
    public DbSet<FeedbackReply> FeedbackReplies => Set<FeedbackReply>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationStep> NominationSteps => Set<NominationStep>();
    public DbSet<NominationDocument> NominationDocuments => Set<NominationDocument>();
    public DbSet<NominationCriterion> NominationCriteria => Set<NominationCriterion>();
    public DbSet<CouncilSession> CouncilSessions => Set<CouncilSession>();
    public DbSet<BallotReceipt> BallotReceipts => Set<BallotReceipt>();
    public DbSet<BallotTally> BallotTallies => Set<BallotTally>();
    public DbSet<PublicComment> PublicComments => Set<PublicComment>();
    public DbSet<RewardDecision> Decisions => Set<RewardDecision>();
    public DbSet<Reward> Rewards => Set<Reward>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<RewardRule> RewardRules => Set<RewardRule>();
    public DbSet<BaseSalary> BaseSalaries => Set<BaseSalary>();
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<StateProposal> StateProposals => Set<StateProposal>();
    public DbSet<ReviewRound> ReviewRounds => Set<ReviewRound>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OfficialDocument> Documents => Set<OfficialDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<DocumentJob> DocumentJobs => Set<DocumentJob>();
    public DbSet<DetachedSignature> DetachedSignatures => Set<DetachedSignature>();
    public DbSet<InspectionPlan> InspectionPlans => Set<InspectionPlan>();
    public DbSet<InspectionUnit> InspectionUnits => Set<InspectionUnit>();
    public DbSet<InspectionMember> InspectionMembers => Set<InspectionMember>();
    public DbSet<InspectionVisit> InspectionVisits => Set<InspectionVisit>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<InspectionRecommendation> InspectionRecommendations => Set<InspectionRecommendation>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativeAuthor> InitiativeAuthors => Set<InitiativeAuthor>();
    public DbSet<InitiativeFile> InitiativeFiles => Set<InitiativeFile>();
    public DbSet<NominationInitiative> NominationInitiatives => Set<NominationInitiative>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ThiDuaDbContext).Assembly);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(256);
            user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        // Instants are UTC everywhere; SQLite hands DateTime back as Unspecified, so the kind is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var searchable = ChangeTracker.Entries<ISearchable>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (searchable.Count > 0)
        {
            // Search columns follow the text they fold, whoever changed it; the folded value is part of the same write.
            searchable.ForEach(e => e.Entity.RefreshSearch());
            ChangeTracker.DetectChanges();
        }
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not INotAudited)
            .ToList();
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        foreach (var entry in changes)
        {
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }
        }

        // Snapshot what the audit needs before EF accepts the changes (after which states become Unchanged).
        var pending = changes.Select(e => new PendingAudit(e, e.State, e.State == EntityState.Added ? null : Snapshot(e, original: true))).ToList();

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AppendAuditAsync(pending, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task AppendAuditAsync(List<PendingAudit> pending, CancellationToken cancellationToken)
    {
        // One chain for the whole database: writers queue for its head. PostgreSQL holds an advisory lock until the
        // transaction ends; SQLite already holds its single write lock because the entities were written first.
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(20220715)", cancellationToken);
        }

        var head = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditChain.Genesis;
        // PostgreSQL keeps microseconds, a clock ticks in 100 ns: the hash must cover the instant as it will be read back.
        var now = _clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % 10));
        var userName = actor?.UserName ?? "system";

        foreach (var item in pending)
        {
            var entityType = item.Entry.Metadata.ClrType.Name;
            var key = string.Join(",", item.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(item.Entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
            var after = item.State == EntityState.Deleted ? null : Snapshot(item.Entry, original: false);
            var (before, afterText) = item.State == EntityState.Modified ? OnlyChanged(item.Before, after) : (item.Before, after);
            var record = new AuditRecord(++sequence, now, userName, ActionName(item.State), entityType, key, before, afterText);
            var hash = AuditChain.Hash(previousHash, record);
            AuditEntries.Add(new AuditEntry
            {
                Sequence = record.Sequence,
                At = now,
                UserName = userName,
                Action = record.Action,
                EntityType = entityType,
                EntityKey = key,
                Before = before,
                After = afterText,
                PreviousHash = previousHash,
                Hash = hash,
            });
            previousHash = hash;
        }
        await base.SaveChangesAsync(true, cancellationToken);
    }

    private static string ActionName(EntityState state) => state switch
    {
        EntityState.Added => "create",
        EntityState.Deleted => "delete",
        _ => "update",
    };

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (SecretProperties.Contains(property.Metadata.Name))
            {
                continue;
            }
            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }
        return JsonSerializer.Serialize(values, AuditJson);
    }

    /// <summary>For an update, keep only the fields whose value changed, so the log reads as "from … to …".</summary>
    private static (string? Before, string? After) OnlyChanged(string? before, string? after)
    {
        if (before is null || after is null)
        {
            return (before, after);
        }
        var b = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before)!;
        var a = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(after)!;
        var changed = a.Keys.Where(k => !b.TryGetValue(k, out var old) || old.GetRawText() != a[k].GetRawText()).ToHashSet();
        string Pick(Dictionary<string, JsonElement> values) =>
            JsonSerializer.Serialize(new SortedDictionary<string, JsonElement>(values.Where(kv => changed.Contains(kv.Key)).ToDictionary(), StringComparer.Ordinal), AuditJson);
        return (Pick(b), Pick(a));
    }

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, string? Before);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class UtcNullableDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

internal static class DatabaseFacadeExtensions
{
    /// <summary>True on PostgreSQL; checked by provider name so this project needs no reference to Npgsql.</summary>
    public static bool IsNpgsql(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
