using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>
/// Signs PDFs (PAdES baseline B-B through PDFsharp 6.2's signature support, with our own CMS) and any other file with a
/// detached CAdES signature. The key is <see cref="SigningKey"/>: a PFX, a PKCS#11 token or the Development certificate.
/// </summary>
internal sealed class DocumentSigner(SigningKey key, TimeProvider clock, ILogger<DocumentSigner> logger) : IDocumentSigner, IDisposable
{
    /// <summary>Vietnam keeps UTC+7 all year; the visible block and /M show that time.</summary>
    internal static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private int? signatureSize;

    public X509Certificate2 Certificate => key.Certificate;

    public async Task<byte[]> SignPdfAsync(byte[] pdf, PdfSignatureRequest request, CancellationToken cancellationToken = default)
    {
        SignatureFonts.EnsureRegistered();
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var found = SignaturePlacement.AboveName(pdf, request.SignerName, logger);
        var pageIndex = found?.PageIndex ?? document.PageCount - 1;
        var box = found?.Box ?? SignaturePlacement.Fallback(document.Pages[pageIndex].MediaBox.Width);
        cancellationToken.ThrowIfCancellationRequested();

        var options = new DigitalSignatureOptions
        {
            AppearanceHandler = new SignatureAppearance(document, request),
            Reason = request.Reason,
            Location = request.Location,
            ContactInfo = "",
            AppName = "ThiDua",
            PageIndex = pageIndex,
            Rectangle = new XRect(box.Left, box.Bottom, box.Width, box.Height),
        };
        DigitalSignatureHandler.ForDocument(document, new CmsDigitalSigner(this), options);
        using var output = new MemoryStream();
        await document.SaveAsync(output);
        return output.ToArray();
    }

    public Task<byte[]> SignDetachedAsync(byte[] content, CancellationToken cancellationToken = default) =>
        Task.FromResult(CmsSignatures.Sign(key, content, clock.GetUtcNow()));

    /// <summary>The CMS size for this key and chain, measured once by signing nothing: RSA signatures have a fixed size, ECDSA ones vary by a few bytes.</summary>
    private int SignatureSize() => signatureSize ??= CmsSignatures.Sign(key, [0], signingTime: null).Length + 64;

    private byte[] SignPdfRanges(byte[] ranges) => CmsSignatures.Sign(key, ranges, signingTime: null);

    public void Dispose() => key.Dispose();

    /// <summary>PDFsharp hands over the signed byte ranges; the answer is our CMS.</summary>
    private sealed class CmsDigitalSigner(DocumentSigner owner) : IDigitalSigner
    {
        public string CertificateName => owner.Certificate.GetNameInfo(X509NameType.SimpleName, false);

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(owner.SignatureSize());

        public Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // PDFsharp's RangedStream reads its two ranges in one call when asked for exactly its length (and cannot seek,
            // which Stream.CopyTo would need).
            var ranges = new byte[stream.Length];
            stream.Position = 0;
            if (stream.Read(ranges, 0, ranges.Length) != ranges.Length)
            {
                throw new InvalidOperationException("PDFsharp gave fewer bytes to sign than its byte ranges cover.");
            }
            return Task.FromResult(owner.SignPdfRanges(ranges));
        }
    }

    /// <summary>
    /// Draws the visible block — a bordered box with "Ký bởi", the title and the time — and, because PDFsharp 6.2 writes a
    /// fixed /SubFilter adbe.pkcs7.detached and /M in the server's local zone, rewrites those two entries of the new
    /// signature dictionary: this is the one moment between its creation and its writing that PDFsharp lets us act.
    /// </summary>
    private sealed class SignatureAppearance(PdfDocument document, PdfSignatureRequest request) : IAnnotationAppearanceHandler
    {
        private static readonly XColor Ink = XColor.FromArgb(0xB0, 0x00, 0x00);

        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
            MakePades();
            var time = request.SigningTime.ToOffset(VietnamOffset);
            string[] lines =
            [
                "Ký bởi: " + request.SignerName,
                request.SignerTitle,
                "Thời gian: " + time.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            ];
            gfx.DrawRectangle(new XPen(Ink, 1), 0.5, 0.5, rect.Width - 1, rect.Height - 1);
            var size = 9.5;
            var font = new XFont(SignatureFonts.Family, size, XFontStyleEx.Regular);
            var widest = lines.Max(line => gfx.MeasureString(line, font).Width);
            if (widest > rect.Width - 10)
            {
                size *= (rect.Width - 10) / widest;
                font = new XFont(SignatureFonts.Family, size, XFontStyleEx.Regular);
            }
            var bold = new XFont(SignatureFonts.Family, size, XFontStyleEx.Bold);
            var lineHeight = size * 1.3;
            var top = (rect.Height - lineHeight * lines.Length) / 2;
            var brush = new XSolidBrush(Ink);
            for (var i = 0; i < lines.Length; i++)
            {
                gfx.DrawString(lines[i], i == 0 ? bold : font, brush, new XRect(5, top + i * lineHeight, rect.Width - 10, lineHeight), XStringFormats.CenterLeft);
            }
        }

        private void MakePades()
        {
            var signingTime = request.SigningTime.ToOffset(VietnamOffset);
            foreach (var item in document.Internals.GetAllObjects())
            {
                // The new dictionary is the only /Sig whose /Contents is still PDFsharp's placeholder, not a string.
                if (item is PdfDictionary dictionary && dictionary.Elements.GetName("/Type") == "/Sig"
                    && dictionary.Elements["/Contents"] is { } contents && contents is not PdfString)
                {
                    dictionary.Elements["/SubFilter"] = new PdfName("/ETSI.CAdES.detached");
                    dictionary.Elements["/M"] = new PdfString(signingTime.ToString("'D:'yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+07'00'");
                }
            }
        }
    }
}
