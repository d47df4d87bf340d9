namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>
/// Turns a DOCX into PDF with LibreOffice headless: one conversion at a time, with a time limit. Where LibreOffice is not
/// installed the app still runs; <see cref="Unavailable"/> then says in Vietnamese what to install.
/// </summary>
public interface IPdfConverter
{
    /// <summary>Null when conversions can run; otherwise a Vietnamese sentence naming the package to install.</summary>
    string? Unavailable { get; }

    /// <summary>The PDF of <paramref name="docx"/>; throws <see cref="DocumentRenderException"/> (Vietnamese message) when it fails or times out.</summary>
    Task<byte[]> ConvertDocxAsync(byte[] docx, CancellationToken cancellationToken = default);
}

/// <summary>A document could not be rendered; the message is Vietnamese and safe to show.</summary>
public sealed class DocumentRenderException(string message, Exception? inner = null) : Exception(message, inner);
