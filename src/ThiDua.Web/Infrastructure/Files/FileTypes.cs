using System.IO.Compression;

namespace ThiDua.Web.Infrastructure.Files;

/// <summary>
/// Tells what a file is from its bytes (the name and the browser's Content-Type are not trusted). Only the formats
/// ThiDua accepts are recognised: PDF, DOCX, XLSX, PNG, JPEG, WebP, CSV/plain text. No maintained NuGet library does
/// this for .NET today, and these signatures are fixed by their standards (docs/decisions/005).
/// </summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Webp = "image/webp";
    public const string Csv = "text/csv";

    public static readonly IReadOnlySet<string> Evidence = new HashSet<string> { Pdf, Docx, Xlsx, Png, Jpeg };
    public static readonly IReadOnlySet<string> Documents = new HashSet<string> { Pdf, Docx, Png, Jpeg };
    /// <summary>Pictures that are decoded, resized and shown (initiatives' images).</summary>
    public static readonly IReadOnlySet<string> Images = new HashSet<string> { Png, Jpeg, Webp };
    /// <summary>What an initiative or model may carry: its documents and its pictures.</summary>
    public static readonly IReadOnlySet<string> InitiativeFiles = new HashSet<string> { Pdf, Docx, Png, Jpeg, Webp };

    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }
        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }
        // RIFF container, 4 bytes of length, then the WEBP form type.
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeKind(content.ToArray());
        }
        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        Png => ".png",
        Jpeg => ".jpg",
        Webp => ".webp",
        Csv => ".csv",
        _ => "",
    };

    public static string VietnameseName(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Docx => "Word (DOCX)",
        Xlsx => "Excel (XLSX)",
        Png => "ảnh PNG",
        Jpeg => "ảnh JPEG",
        Webp => "ảnh WebP",
        _ => contentType,
    };

    /// <summary>A ZIP is a Word or Excel file only if its package says so: [Content_Types].xml and the main part.</summary>
    private static string? OfficeKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }
            if (zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
