using ThiDua.Core.Audit;
using ThiDua.Data.Audit;

namespace ThiDua.Web.Features.Admin;

public sealed record AuditEntryDto(long Sequence, DateTime At, string? UserName, string Action, string EntityType, string EntityKey, string? Before, string? After, string Hash);

/// <summary>Reads the audit log and re-checks its hash chain from the first entry.</summary>
public sealed class AuditService(ThiDuaDbContext db)
{
    public async Task<PagedList<AuditEntryDto>> ListAsync(string? entityType, string? entityKey, string? userName, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(e => e.EntityType == entityType);
        }
        if (!string.IsNullOrWhiteSpace(entityKey))
        {
            query = query.Where(e => e.EntityKey == entityKey);
        }
        if (!string.IsNullOrWhiteSpace(userName))
        {
            query = query.Where(e => e.UserName == userName);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new AuditEntryDto(e.Sequence, e.At, e.UserName, e.Action, e.EntityType, e.EntityKey, e.Before, e.After, e.Hash))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditEntryDto>(items, total, paging.Page, paging.PageSize);
    }

    /// <summary>The full names of the people who signed these entries, by user name (an account since deleted keeps its user name).</summary>
    public async Task<IReadOnlyDictionary<string, string>> FullNamesAsync(IEnumerable<string?> userNames, CancellationToken cancellationToken = default)
    {
        var names = userNames.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The changed fields of an entry, in words.</summary>
    public IReadOnlyList<FieldChange> Changes(AuditEntryDto entry) => AuditChanges.Describe(db.Model, entry.EntityType, entry.Before, entry.After);

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>Streams the whole log in sequence order; memory stays flat however long the log is.</summary>
    public async Task<ChainCheck> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var previous = AuditChain.Genesis;
        long count = 0;
        long expectedSequence = 1;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expectedSequence)
            {
                return new ChainCheck(false, count, expectedSequence, $"Thiếu mục #{expectedSequence}: nhật ký đã bị xoá bớt.");
            }
            var check = AuditChain.Verify([(ToRecord(entry), entry.PreviousHash, entry.Hash)], previous);
            if (!check.Valid)
            {
                return check with { Checked = count + 1 };
            }
            previous = entry.Hash;
            count++;
            expectedSequence++;
        }
        return new ChainCheck(true, count, null, $"Chuỗi nhật ký toàn vẹn: đã kiểm tra {count} mục.");
    }

    private static AuditRecord ToRecord(AuditEntry e) => new(e.Sequence, e.At, e.UserName, e.Action, e.EntityType, e.EntityKey, e.Before, e.After);
}
