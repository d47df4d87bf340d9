using System.Security.Cryptography;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>Copies a stream while hashing it, so each byte of a backup is read once.</summary>
public static class HashingCopy
{
    public static async Task<(string Sha256, long Size)> CopyAsync(Stream source, Stream? destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (destination is not null)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public static Task<(string Sha256, long Size)> HashAsync(Stream source, CancellationToken cancellationToken) =>
        CopyAsync(source, null, cancellationToken);

    public static async Task<(string Sha256, long Size)> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await HashAsync(stream, cancellationToken);
    }
}
