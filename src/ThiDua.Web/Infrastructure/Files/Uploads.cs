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

    /// <summary>
    /// The request body whole, up to <paramref name="maxBytes"/> (an endpoint with its own limit, such as the national
    /// assessment import): Kestrel's own limit is lifted to it for this request only, and a larger body is refused with
    /// 413 before or while it is read.
    /// </summary>
    public static async Task<MemoryStream> BufferBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        var buffer = new MemoryStream(request.ContentLength is long length and > 0 ? (int)length : 0);
        try
        {
            if (request.HasFormContentType)
            {
                var file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file")
                    ?? throw DomainException.ForField("file", "Gửi tệp CSV trong trường 'file'.");
                await using var upload = file.OpenReadStream();
                await CopyAsync(upload, buffer, maxBytes, cancellationToken);
            }
            else
            {
                await CopyAsync(request.Body, buffer, maxBytes, cancellationToken);
            }
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            // Kestrel's limit (a body without Content-Length) or the form reader's: the same answer as ours.
            buffer.Dispose();
            throw TooLarge(maxBytes);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        buffer.Position = 0;
        return buffer;
    }

    private static async Task CopyAsync(Stream from, MemoryStream to, long maxBytes, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (to.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            to.Write(chunk, 0, read);
        }
    }

    private static FileRejectedException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, maxBytes >= 1024 * 1024
            ? $"Tệp lớn hơn giới hạn {maxBytes / (1024 * 1024)} MB; hãy chia nhỏ."
            : $"Tệp lớn hơn giới hạn {maxBytes / 1024} KB; hãy chia nhỏ.");

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
