namespace ThiDua.Web.Infrastructure.Files;

/// <summary>
/// An uploaded table (CSV or XLSX of values, tasks, frameworks) read whole into memory for its reader, which reads
/// synchronously: refused when missing (400) or larger than the limit (400, "split it").
/// </summary>
public static class Uploads
{
    public const long MaxTableBytes = 20 * 1024 * 1024;

    public static async Task<MemoryStream> BufferAsync(IFormFile? file, string missingMessage, CancellationToken cancellationToken = default)
    {
        if (file is null)
        {
            throw DomainException.ForField("file", missingMessage);
        }
        var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, cancellationToken);
        }
        return Checked(buffer);
    }

    public static async Task<MemoryStream> BufferAsync(Stream body, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return Checked(buffer);
    }

    private static MemoryStream Checked(MemoryStream buffer)
    {
        if (buffer.Length > MaxTableBytes)
        {
            buffer.Dispose();
            throw DomainException.ForField("file", $"Tệp lớn hơn {MaxTableBytes / (1024 * 1024)} MB; hãy chia nhỏ.");
        }
        buffer.Position = 0;
        return buffer;
    }
}
