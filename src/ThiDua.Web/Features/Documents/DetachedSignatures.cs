using System.Security.Cryptography;
using ThiDua.Data.Documents;
using ThiDua.Web.Infrastructure.Signing;

namespace ThiDua.Web.Features.Documents;

/// <summary>
/// Detached CMS signatures (.p7s) of open-data downloads: made once per content (its SHA-256) and kept, so a download
/// asked for a thousand times is signed once — and a token's key is not asked a thousand times.
/// </summary>
public sealed class DetachedSignatures(ThiDuaDbContext db, IDocumentSigner signer, TimeProvider clock)
{
    public async Task<byte[]> ForAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var kept = await db.DetachedSignatures.AsNoTracking().Where(s => s.Sha256 == sha256).Select(s => s.Signature).FirstOrDefaultAsync(cancellationToken);
        if (kept is not null)
        {
            return kept;
        }
        var signature = await signer.SignDetachedAsync(content, cancellationToken);
        db.DetachedSignatures.Add(new DetachedSignature { Sha256 = sha256, Signature = signature, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Signed at the same moment by another request: either signature is valid for the content; theirs is kept.
            db.ChangeTracker.Clear();
        }
        return signature;
    }
}
