using System.Security.Cryptography;
using System.Text;

namespace ThiDua.Core.Audit;

/// <summary>The fields of one audit entry that its hash covers.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTime AtUtc,
    string? UserName,
    string Action,
    string EntityType,
    string EntityKey,
    string? Before,
    string? After);

public sealed record ChainCheck(bool Valid, long Checked, long? FirstBrokenSequence, string Message);

/// <summary>
/// Audit entries form a hash chain: each entry's hash covers its own fields and the previous entry's hash, so
/// changing, removing or reordering any stored entry breaks every hash after it (R18).
/// </summary>
public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, AuditRecord record)
    {
        // Length-prefixed fields: no choice of values can make two different records serialize alike.
        var builder = new StringBuilder();
        void Field(string? value) => builder.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Field(previousHash);
        Field(record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(DateTime.SpecifyKind(record.AtUtc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Field(record.UserName);
        Field(record.Action);
        Field(record.EntityType);
        Field(record.EntityKey);
        Field(record.Before);
        Field(record.After);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Checks stored entries in sequence order; <paramref name="previousHash"/> is the hash before the first one given.</summary>
    public static ChainCheck Verify(IEnumerable<(AuditRecord Record, string PreviousHash, string Hash)> entries, string previousHash = Genesis)
    {
        long count = 0;
        foreach (var (record, storedPrevious, storedHash) in entries)
        {
            count++;
            if (!string.Equals(storedPrevious, previousHash, StringComparison.Ordinal))
            {
                return new(false, count, record.Sequence, $"Mục #{record.Sequence}: liên kết tới mục trước không khớp (mục trước bị sửa, xoá hoặc chèn).");
            }
            var expected = Hash(previousHash, record);
            if (!string.Equals(expected, storedHash, StringComparison.Ordinal))
            {
                return new(false, count, record.Sequence, $"Mục #{record.Sequence}: nội dung đã bị thay đổi sau khi ghi.");
            }
            previousHash = storedHash;
        }
        return new(true, count, null, $"Chuỗi nhật ký toàn vẹn: đã kiểm tra {count} mục.");
    }
}
